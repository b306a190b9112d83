package testdata

import (
	"net/http"
	"reflect"
)

type Price struct{ Cents int64 }

var quotes = map[string]Price{}

func Quote(sku, currency, coupon string) Price {
	key := sku + "/" + currency + "/" + coupon
	if p, ok := quotes[key]; ok {
		return p
	}
	p := Price{Cents: int64(len(key))}
	quotes[key] = p // want `quotes is a package-level map that gets a new entry for every distinct key and nothing in the package deletes from it, clears it, replaces it or bounds its size: it grows for as long as the program runs`
	quotes[key+"!"] = p // reported once per map
	return p
}

var hits = map[string]int{}

func (s *Server) Count(w http.ResponseWriter, r *http.Request) {
	hits[r.URL.Path]++ // want `hits is a package-level map that gets a new entry for every distinct r.URL.Path`
}

type Server struct{}

// unexported code: who calls it, with what, is not followed
var internal = map[string]int{}

func bump(k string) { internal[k]++ }

func count(w http.ResponseWriter, r *http.Request) {
	internal[r.URL.Path]++
}

// len(m) only reported, never compared: not a bound
func Hits() int { return len(hits) }

// ---- not reported ----

var sessions = map[string]int{}

func Login(user string) { sessions[user] = 1 }

func Logout(user string) { delete(sessions, user) }

var bounded = map[string]bool{}

func Remember(k string) {
	if len(bounded) > 1000 {
		return
	}
	bounded[k] = true
}

var reset = map[int]int{}

func Put(k int) { reset[k] = k }

func Reset() { reset = map[int]int{} }

var pruned = map[string]int{}

func Add(k string) { pruned[k]++ }

func Prune() { prune(pruned) }

func prune(m map[string]int) {
	for k := range m {
		delete(m, k)
	}
}

var drivers = map[string]any{}

func Register(name string, d any) { drivers[name] = d }

var defaults = map[string]string{}

func init() {
	for _, k := range []string{"a", "b"} {
		defaults[k] = k
	}
}

// constant keys: a fixed set
var stats = map[string]int{}

func Record(n int) {
	stats["calls"]++
	stats["total"] += n
}

var typeCache = map[reflect.Type]int{}

func Size(v any) int {
	t := reflect.TypeOf(v)
	typeCache[t] = int(t.Size())
	return typeCache[t]
}

// a local map, not package-level
func Local(keys []string) map[string]bool {
	m := map[string]bool{}
	for _, k := range keys {
		m[k] = true
	}
	return m
}

var flags = map[bool]int{}

func Flag(b bool) { flags[b]++ }

// ---- start-up registration and setters: bounded by the program ----

var codecs = map[string]int{}

func NewCodec(name string) int {
	codecs[name] = len(name)
	return len(name)
}

var jsonCodec = NewCodec("json")

var levels = map[string]int{}

func SetLevel(name string, l int) { levels[name] = l }

var known = map[string]int{"a": 1}

func Touch(k string) {
	if _, ok := known[k]; ok {
		known[k]++
	}
}
