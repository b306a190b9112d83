package testdata

import "sync"

type Conn struct{ addr string }

var conns sync.Map

func dial(addr string) *Conn { return &Conn{addr} }

func get(addr string) *Conn {
	if v, ok := conns.Load(addr); ok {
		return v.(*Conn)
	}
	c := dial(addr)
	conns.Store(addr, c) // want `conns.Load\(addr\) followed by conns.Store\(addr, …\) is not atomic: another goroutine can store addr in between.*use v, loaded := conns.LoadOrStore\(addr, value\) \(the Load is on line 12\)`
	return c
}

type registry struct {
	mu    sync.Mutex
	items *sync.Map
	other sync.Map
}

func (r *registry) take(id int) any {
	v, ok := r.items.Load(id)
	if ok {
		r.items.Delete(id) // want `r.items.Load\(id\) followed by r.items.Delete\(id\) is not atomic: two goroutines can both load the entry.*LoadAndDelete\(id\)`
	}
	return v
}

func (r *registry) viaValueField(k string) {
	if _, ok := r.other.Load(k); !ok {
		r.other.Store(k, 1) // want `r.other.Load\(k\) followed by r.other.Store\(k, …\)`
	}
}

// ---- not reported ----

func differentKeys(a, b string) {
	if _, ok := conns.Load(a); !ok {
		conns.Store(b, dial(b))
	}
}

func (r *registry) differentMaps(k string) {
	if _, ok := r.other.Load(k); !ok {
		r.items.Store(k, 1)
	}
}

func storeOnly(k string) {
	conns.Store(k, dial(k))
	conns.Delete(k + "x")
}

// Store before Load: nothing checked first
func storeThenLoad(k string) any {
	conns.Store(k, 1)
	v, _ := conns.Load(k)
	return v
}

// the key variable changes between the calls
func rekeyed(k string) {
	if _, ok := conns.Load(k); !ok {
		k = k + "-new"
		conns.Store(k, 1)
	}
}

// a mutex serializes the sequence
func (r *registry) locked(k string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, ok := r.items.Load(k); !ok {
		r.items.Store(k, 1)
	}
}

// the atomic forms
func atomic(k string) {
	conns.LoadOrStore(k, dial(k))
	conns.LoadAndDelete(k)
}

// a plain map with methods of the same names is not a sync.Map
type store struct{ m map[string]int }

func (s *store) Load(k string) (int, bool) { v, ok := s.m[k]; return v, ok }
func (s *store) Store(k string, v int)     { s.m[k] = v }

func notSyncMap(s *store, k string) {
	if _, ok := s.Load(k); !ok {
		s.Store(k, 1)
	}
}

// a Load inside a closure is another function
func closure(k string) func() {
	f := func() { conns.Load(k) }
	conns.Store(k, 1)
	return f
}

// a lock taken by an embedded mutex, and a closure created under it
var cache struct {
	sync.Mutex
	m sync.Map
}

func cached(h int) {
	cache.Lock()
	defer cache.Unlock()
	add := func(v int) {
		if _, ok := cache.m.Load(h); !ok {
			cache.m.Store(h, v)
		}
	}
	add(1)
}

// LoadOrStore in between: the Store replaces a placeholder on purpose
func placeholder(k string) {
	if _, ok := conns.Load(k); ok {
		return
	}
	if _, loaded := conns.LoadOrStore(k, (*Conn)(nil)); loaded {
		return
	}
	conns.Store(k, dial(k))
}
