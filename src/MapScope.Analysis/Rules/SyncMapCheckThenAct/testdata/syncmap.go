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
		r.other.Store(k, 1) // want `r.other.Load\(k\) followed by r.other.Store\(k, …\) computes a value from k alone`
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

// ---- a value computed from the key alone: an idempotent cache, reported at info severity ----

var patterns sync.Map

func compile(p string) *Pattern { return &Pattern{expr: "^" + p + "$"} }

const suffix = ".local"

func pattern(p string) *Pattern {
	v, ok := patterns.Load(p)
	if !ok {
		v = compile(p + suffix)
		patterns.Store(p, v) // want `patterns.Load\(p\) followed by patterns.Store\(p, …\) computes a value from p alone, so a racing goroutine stores an equal value and only the work is duplicated; v, _ := patterns.LoadOrStore\(p, value\) keeps one value for all callers \(the Load is on line 145\)`
	}
	return v.(*Pattern)
}

// the value also depends on the receiver (or a package variable): one of two different values is lost
type resolver struct{ prefix string }

var defaultPrefix = "x"

func (r *resolver) resolve(p string) any {
	v, ok := patterns.Load(p)
	if !ok {
		v = compile(r.prefix + p)
		patterns.Store(p, v) // want `patterns.Load\(p\) followed by patterns.Store\(p, …\) is not atomic`
	}
	if _, ok := conns.Load(p); !ok {
		conns.Store(p, compile(defaultPrefix+p)) // want `conns.Load\(p\) followed by conns.Store\(p, …\) is not atomic`
	}
	return v
}

// ---- the Load on the Store's own path ----

func byKind(kind int, k string, c1, c2 *Conn) {
	switch kind {
	case 1:
		if _, ok := conns.Load(k); !ok {
			conns.Store(k, c1) // want `conns.Load\(k\) followed by conns.Store\(k, …\) is not atomic.*\(the Load is on line 175\)`
		}
	case 2:
		if _, ok := conns.Load(k); !ok {
			conns.Store(k, c2) // want `conns.Load\(k\) followed by conns.Store\(k, …\) is not atomic.*\(the Load is on line 179\)`
		}
	}
}

// a Load in another case is not the check this Store acts on
func otherCase(kind int, k string, c *Conn) any {
	switch kind {
	case 1:
		v, _ := conns.Load(k)
		return v
	default:
		conns.Store(k, c)
	}
	return nil
}

// ---- init-time registration: one goroutine ----

var handlers sync.Map

func init() {
	if _, ok := handlers.Load("a"); !ok {
		handlers.Store("a", dial("a"))
	}
}

var table = func() *sync.Map {
	if _, ok := handlers.Load("b"); !ok {
		handlers.Store("b", dial("b"))
	}
	return &handlers
}()

// a literal stored in a package variable runs later, on any goroutine
var register = func(k string, c *Conn) {
	if _, ok := handlers.Load(k); !ok {
		handlers.Store(k, c) // want `handlers.Load\(k\) followed by handlers.Store\(k, …\) is not atomic`
	}
}

// a connection is a resource, not a value: the one that loses the race leaks
func (c *Conn) Close() {}

// a compiled pattern is a value: two compilations of one key are interchangeable
type Pattern struct{ expr string }

// a fresh mutex per key is used for its identity: two goroutines holding different ones exclude nothing
var keyLocks sync.Map

func lockFor(k string) *sync.Mutex {
	v, ok := keyLocks.Load(k)
	if !ok {
		v = new(sync.Mutex)
		keyLocks.Store(k, v) // want `keyLocks.Load\(k\) followed by keyLocks.Store\(k, …\) is not atomic`
	}
	return v.(*sync.Mutex)
}


// a value computed from the key by a call with two results: key-only
type codecKey struct{ group, version string }

var identifiers sync.Map

func identifierOf(k codecKey) string {
	if id, ok := identifiers.Load(k); ok {
		return id.(string)
	}
	id, err := encodeKey(k)
	if err != nil {
		return ""
	}
	identifiers.Store(k, id) // want `identifiers.Load\(k\) followed by identifiers.Store\(k, …\) computes a value from k alone`
	return id
}

func encodeKey(k codecKey) (string, error) { return k.group + "/" + k.version, nil }
