package testdata

import (
	"net/http"
	"sync"
)

var visits = map[string]int{}

func handleVisit(w http.ResponseWriter, r *http.Request) {
	visits[r.URL.Path]++ // want `package-level map visits is written with no mutex held from an HTTP handler \(handleVisit\), which net/http runs on many goroutines at once: concurrent writes crash the program with "fatal error: concurrent map writes" — guard every access with a sync.Mutex, or use sync.Map`
}

var sessions = map[string]string{}

func remember(user, token string) {
	sessions[user] = token // want `package-level map sessions is written with no mutex held from remember \(called from an HTTP handler \(handleLogin\)`
}

func handleLogin(w http.ResponseWriter, r *http.Request) {
	remember(r.FormValue("user"), r.FormValue("token"))
}

func handleLogout(w http.ResponseWriter, r *http.Request) {
	delete(sessions, r.FormValue("user")) // want `package-level map sessions is written with no mutex held from an HTTP handler \(handleLogout\)`
}

type Counter struct {
	counts map[string]int
}

func (c *Counter) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c.counts[r.Method]++ // want `c.counts \(a field of the handler's receiver, shared by all requests\) is written with no mutex held from an HTTP handler \(ServeHTTP\)`
}

var unlockedTooEarly = map[string]int{}
var earlyMu sync.Mutex

func handleEarly(w http.ResponseWriter, r *http.Request) {
	earlyMu.Lock()
	n := unlockedTooEarly["x"]
	earlyMu.Unlock()
	unlockedTooEarly["x"] = n + 1 // want `package-level map unlockedTooEarly is written with no mutex held from an HTTP handler`
}

// ---- not reported ----

var (
	mu     sync.Mutex
	guarded = map[string]int{}
)

func handleGuarded(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	defer mu.Unlock()
	guarded[r.URL.Path]++
}

func handleGuardedCall(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	bump(r.URL.Path)
	mu.Unlock()
}

func bump(k string) { guarded[k]++ }

// an early return releases the lock; the path that continues still holds it
func handleEarlyReturn(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	if r.URL.Path == "" {
		mu.Unlock()
		return
	}
	guarded[r.URL.Path] = 1
	mu.Unlock()
}

var cache sync.Map

func handleSyncMap(w http.ResponseWriter, r *http.Request) {
	cache.Store(r.URL.Path, 1)
	local := map[string]int{}
	local[r.URL.Path]++
}

type Plain struct{ m map[string]int }

// not a handler: its receiver is not known to be shared
func (p *Plain) Add(k string) { p.m[k]++ }

var registry = map[string]http.HandlerFunc{}

func init() {
	registry["/visit"] = handleVisit
}
