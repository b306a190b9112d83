package testdata

import (
	"sort"
	"sync"
)

// ---- inconsistent locking: reported ----

type Conn struct{ id string }

// A registry of connections: every method locks mu, the deferred cleanup forgets it.
type Server struct {
	mu    sync.Mutex
	conns map[string]*Conn
}

func NewServer() *Server {
	s := &Server{conns: map[string]*Conn{}}
	s.conns["self"] = &Conn{id: "self"} // the constructor owns s: not shared yet
	return s
}

func (s *Server) Add(c *Conn) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.conns[c.id] = c
}

func (s *Server) Remove(id string) {
	s.mu.Lock()
	delete(s.conns, id)
	s.mu.Unlock()
}

func (s *Server) Serve(c *Conn) {
	s.Add(c)
	defer func() {
		delete(s.conns, c.id) // want `s.conns is deleted from without s.mu held; every other access of Server.conns holds it \(lines guarded.go:27, 32\): concurrent writes crash the program with "fatal error: concurrent map writes" — take s.mu here too`
	}()
}

// A cache whose getter reads without the lock its setter takes; the guard is documented.
type Cache struct {
	mu    sync.RWMutex // guards items
	items map[string][]byte
}

func (c *Cache) Set(k string, v []byte) {
	c.mu.Lock()
	c.items[k] = v
	c.mu.Unlock()
}

func (c *Cache) Has(k string) bool {
	c.mu.RLock()
	defer c.mu.RUnlock()
	_, ok := c.items[k]
	return ok
}

func (c *Cache) Get(k string) []byte {
	return c.items[k] // want `c.items is read without c.mu held; 2 of the 3 other accesses of Cache.items hold it \(lines guarded.go:51, 58\): reading while another goroutine writes crashes the program with "fatal error: concurrent map read and map write"`
}

func (c *Cache) Keys() []string {
	var keys []string
	for k := range c.items { // want `c.items is iterated without c.mu held; .*"fatal error: concurrent map iteration and map write"`
		keys = append(keys, k)
	}
	return keys
}

// A helper called once with the lock held and once before the lock is taken.
type Registry struct {
	mu    sync.Mutex
	other sync.Mutex
	byID  map[int]string
}

func (r *Registry) put(id int, name string) {
	r.byID[id] = name // want `r.byID is written without r.mu held; 2 of the 3 other accesses of Registry.byID hold it`
}

func (r *Registry) Register(id int, name string) {
	r.put(id, name)
	r.mu.Lock()
	defer r.mu.Unlock()
	_ = r.byID[id]
}

func (r *Registry) Rename(id int, name string) {
	r.mu.Lock()
	r.put(id, name)
	r.mu.Unlock()
}

func (r *Registry) Forget(id int) {
	r.other.Lock() // the wrong mutex
	delete(r.byID, id) // want `r.byID is deleted from without r.mu held`
	r.other.Unlock()
}

func (r *Registry) Lookup(id int) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.byID[id]
}

// A goroutine started by a method writes without the lock.
type Tracker struct {
	mu   sync.Mutex
	seen map[string]int
}

func (t *Tracker) Hit(k string) {
	t.mu.Lock()
	t.seen[k]++
	t.mu.Unlock()
}

func (t *Tracker) Count(k string) int {
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.seen[k]
}

func (t *Tracker) Reset(keys []string) {
	go func() {
		for _, k := range keys {
			delete(t.seen, k) // want `t.seen is deleted from without t.mu held; every other access of Tracker.seen holds it`
		}
	}()
}

// A documented guard needs only one corroborating access.
type Sessions struct {
	mu   sync.Mutex // protects byID
	byID map[string]string
}

func (s *Sessions) Login(id, user string) {
	s.mu.Lock()
	s.byID[id] = user
	s.mu.Unlock()
}

func (s *Sessions) Logout(id string) {
	delete(s.byID, id) // want `s.byID is deleted from without s.mu held; every other access of Sessions.byID holds it`
}

// A package-level map guarded by a package-level mutex.
var (
	routesMu sync.Mutex
	routes   = map[string]string{}
)

func AddRoute(p, h string) {
	routesMu.Lock()
	routes[p] = h
	routesMu.Unlock()
}

func DropRoute(p string) {
	routesMu.Lock()
	defer routesMu.Unlock()
	delete(routes, p)
}

func ResetRoute(p string) {
	routes[p] = "" // want `routes is written without routesMu held; 2 of the 3 other accesses of routes hold it \(lines guarded.go:160, 167\)`
}

// An inferred (undocumented) guard: unguarded reads are left alone (register-before-serve conventions).
func Route(p string) string {
	return routes[p]
}

// ---- inconsistent locking: not reported ----

// Helpers called only with the lock held, by name or by every caller.
type Pool struct {
	mu   sync.Mutex
	idle map[int]bool
}

func (p *Pool) evict(id int) { delete(p.idle, id) } // every caller holds p.mu

func (p *Pool) releaseLocked(id int) { p.idle[id] = true } // by convention

func (p *Pool) Take(id int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.evict(id)
}

func (p *Pool) Put(id int) {
	p.mu.Lock()
	p.releaseLocked(id)
	p.mu.Unlock()
}

func (p *Pool) Drop(id int) {
	p.mu.Lock()
	p.evict(id)
	p.mu.Unlock()
}

// Closures that run while the caller holds the lock (sort.Slice, a visitor) inherit it.
func (p *Pool) Sorted() []int {
	p.mu.Lock()
	defer p.mu.Unlock()
	ids := []int{1, 2}
	sort.Slice(ids, func(i, j int) bool { return p.idle[ids[i]] && !p.idle[ids[j]] })
	return ids
}

// A goroutine that takes the lock itself.
func (p *Pool) Janitor() {
	go func() {
		p.mu.Lock()
		defer p.mu.Unlock()
		for id := range p.idle {
			delete(p.idle, id)
		}
	}()
}

// No lock anywhere: nothing says the map is shared (other rules look at entry points).
type Plain struct{ m map[string]int }

func (p *Plain) Inc(k string) { p.m[k]++ }
func (p *Plain) Get(k string) int { return p.m[k] }

// Read-only after construction: unguarded reads race with no write.
type Table struct {
	mu    sync.Mutex
	names map[int]string
	n     int
}

func NewTable() *Table {
	t := &Table{names: map[int]string{}}
	t.names[1] = "one"
	return t
}

func (t *Table) Bump() {
	t.mu.Lock()
	t.n++
	_ = t.names[t.n]
	t.mu.Unlock()
}

func (t *Table) Name(i int) string { return t.names[i] }

// Locked in only one place of four: no inferred guard.
type Loose struct {
	mu sync.Mutex
	m  map[string]int
}

func (l *Loose) A() { l.m["a"] = 1 }
func (l *Loose) B() { l.m["b"] = 2 }
func (l *Loose) C() { delete(l.m, "c") }
func (l *Loose) D() {
	l.mu.Lock()
	l.m["d"] = 4
	l.mu.Unlock()
}

// Two instances: each value built here is owned until it is returned.
func BuildServers(n int) []*Server {
	var out []*Server
	for i := 0; i < n; i++ {
		s := &Server{conns: map[string]*Conn{}}
		delete(s.conns, "none")
		out = append(out, s)
	}
	return out
}

// Unlocking in one branch does not unlock the other (a pool's load-or-create).
type Usage struct {
	mu   sync.Mutex
	refs map[string]int
}

func (u *Usage) LoadOrNew(k string) int {
	u.mu.Lock()
	n, ok := u.refs[k]
	if ok {
		u.mu.Unlock()
		return n
	} else {
		u.refs[k] = 1
	}
	u.mu.Unlock()
	return 1
}

func (u *Usage) Release(k string) {
	u.mu.Lock()
	defer u.mu.Unlock()
	if u.refs[k] > 1 {
		u.refs[k]--
		return
	}
	delete(u.refs, k)
}

// Documented preconditions and naming conventions: the caller holds the lock.
func (u *Usage) countNoLock(k string) int { return u.refs[k] }

// Lock should be held.
func (u *Usage) reset(k string) { delete(u.refs, k) }

// A package-level struct reached through a local alias is the same instance.
type store struct {
	mu        sync.Mutex
	providers map[string]int
}

var provStore = &store{providers: map[string]int{}}

func Open(name string) {
	provStore.mu.Lock()
	provStore.providers[name]++
	provStore.mu.Unlock()
}

func CloseProvider(name string) {
	ps := provStore
	ps.mu.Lock()
	defer ps.mu.Unlock()
	delete(ps.providers, name)
}

// A cleanup helper whose every caller in the package holds the lock (one directly, one through a chain);
// the package's tests call it without the lock, single-threaded — that says nothing about the lock it runs under.
type Members struct {
	mu      sync.Mutex
	members map[string]int
	left    []string
}

func (m *Members) Join(name string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.members[name] = 1
}

func (m *Members) Leave(name string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.prune(name)
}

func (m *Members) prune(name string) { m.erase(name) }

func (m *Members) Reap() {
	m.mu.Lock()
	m.left = m.reap(m.left)
	m.mu.Unlock()
}

func (m *Members) reap(old []string) []string {
	for _, n := range old {
		m.erase(n)
	}
	return old[:0]
}

func (m *Members) Count() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return len(m.members)
}

func (m *Members) Has(name string) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.members[name] > 0
}

func (m *Members) erase(name string) { delete(m.members, name) }
