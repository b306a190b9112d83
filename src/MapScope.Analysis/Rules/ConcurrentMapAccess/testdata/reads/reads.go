// Reads and iterations racing with writes from handlers: the runtime traps those too
// ("concurrent map read and map write", "concurrent map iteration and map write").
package reads

import (
	"encoding/json"
	"net/http"
	"sync"
)

var (
	mu     sync.Mutex
	routes = map[string]string{}
)

func register(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	routes[r.FormValue("path")] = r.FormValue("target")
	mu.Unlock()
}

func resolve(w http.ResponseWriter, r *http.Request) {
	target := routes[r.URL.Path] // want `package-level map routes is read here with no mutex held, while it is written at reads.go:18 from an HTTP handler \(register\): a read during a write crashes the program with "fatal error: concurrent map read and map write" — hold the mutex that guards the writes \(mu\) here too`
	http.Redirect(w, r, target, http.StatusFound)
}

func list(w http.ResponseWriter, r *http.Request) {
	for p := range routes { // want `package-level map routes is iterated here with no mutex held, while it is written at reads.go:18 from an HTTP handler \(register\): iterating during a write crashes the program with "fatal error: concurrent map iteration and map write"`
		w.Write([]byte(p))
	}
}

var counts = map[string]int{}

func bump(w http.ResponseWriter, r *http.Request) {
	counts[r.URL.Path]++ // want `package-level map counts is written with no mutex held from an HTTP handler \(bump\)`
}

func show(w http.ResponseWriter, r *http.Request) {
	n := counts[r.URL.Path] // want `package-level map counts is read here with no mutex held, while it is written at reads.go:36 from an HTTP handler \(bump\)`
	json.NewEncoder(w).Encode(n)
}

// ---- not reported ----

func resolveLocked(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	target := routes[r.URL.Path]
	mu.Unlock()
	http.Redirect(w, r, target, http.StatusFound)
}

// read-only after init: no writes from concurrent code
var mimeTypes = map[string]string{".html": "text/html"}

func init() { mimeTypes[".css"] = "text/css" }

func mime(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", mimeTypes[r.URL.Path])
}

// a map written only before the server starts, and read by handlers
var config = map[string]string{}

func setup(kv map[string]string) {
	for k, v := range kv {
		config[k] = v
	}
}

func getConfig(w http.ResponseWriter, r *http.Request) {
	w.Write([]byte(config[r.URL.Path]))
}

// a package-level struct holding a mutex and a map: the same, through a field path
var params = struct {
	sync.RWMutex
	v map[*http.Request]map[string]string
}{v: map[*http.Request]map[string]string{}}

func match(w http.ResponseWriter, r *http.Request) {
	if params.v[r] == nil { // want `package-level map params.v is read here with no mutex held, while it is written at reads.go:84 from an HTTP handler \(match\)`
		params.Lock()
		params.v[r] = map[string]string{}
		params.Unlock()
	}
	params.RLock()
	_ = params.v[r]["id"]
	params.RUnlock()
	params.Lock()
	delete(params.v, r)
	params.Unlock()
}
