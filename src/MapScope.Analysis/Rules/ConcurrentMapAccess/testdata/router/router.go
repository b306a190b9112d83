// A handler that calls its router through an interface: every implementation in the package may run.
package router

import (
	"net/http"
	"sync"
)

type Route struct{ Path string }

type Router interface {
	Match(r *http.Request) *Route
}

type cachingRouter struct {
	routes []*Route
	cache  map[string]*Route
}

func (c *cachingRouter) Match(r *http.Request) *Route {
	if rt, ok := c.cache[r.URL.Path]; ok {
		return rt
	}
	for _, rt := range c.routes {
		if rt.Path == r.URL.Path {
			c.cache[r.URL.Path] = rt // want `c.cache \(a field of the handler's receiver, shared by all requests\) is written with no mutex held from Match \(called from an HTTP handler \(ServeHTTP\)`
			return rt
		}
	}
	return nil
}

type App struct {
	Router Router
}

func (a *App) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if a.Router.Match(r) == nil {
		http.NotFound(w, r)
	}
}

// ---- not reported ----

type lockedRouter struct {
	mu    sync.Mutex
	cache map[string]*Route
}

func (l *lockedRouter) Match(r *http.Request) *Route {
	l.mu.Lock()
	defer l.mu.Unlock()
	if rt, ok := l.cache[r.URL.Path]; ok {
		return rt
	}
	rt := &Route{Path: r.URL.Path}
	l.cache[r.URL.Path] = rt
	return rt
}
