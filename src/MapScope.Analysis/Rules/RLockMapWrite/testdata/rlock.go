package testdata

import "sync"

type Cache struct {
	mu   sync.RWMutex
	data map[string]int
	hits map[string]int
}

var (
	regMu    sync.RWMutex
	registry = map[string]func(){}
)

func (c *Cache) Get(k string) int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	c.hits[k]++ // want `c.hits is written while only the read lock is held \(c.mu.RLock\(\) on line 17\): other goroutines hold the read lock at the same time, so this write can crash the program with "fatal error: concurrent map writes" — take the write lock c.mu.Lock\(\) for writes`
	return c.data[k]
}

func Register(name string, f func()) {
	regMu.RLock()
	registry[name] = f // want `registry is written while only the read lock is held \(regMu.RLock\(\)`
	regMu.RUnlock()
}

func (c *Cache) Evict(k string) {
	c.mu.RLock()
	delete(c.data, k) // want `c.data is written while only the read lock is held`
	c.mu.RUnlock()
}

// the early-return branch releases the lock; the path that continues still holds it
func (c *Cache) GetOrCompute(k string) int {
	c.mu.RLock()
	if v, ok := c.data[k]; ok {
		c.mu.RUnlock()
		return v
	}
	c.data[k] = len(k) // want `c.data is written while only the read lock is held`
	c.mu.RUnlock()
	return len(k)
}

type embedded struct {
	sync.RWMutex
	m map[int]int
}

func (e *embedded) Put(k int) {
	e.RLock()
	defer e.RUnlock()
	e.m[k] = k // want `e.m is written while only the read lock is held \(e.RLock\(\)`
}

// ---- not reported ----

func (c *Cache) Set(k string, v int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.data[k] = v
}

// read under RLock, write after upgrading to Lock
func (c *Cache) Upgrade(k string) int {
	c.mu.RLock()
	v, ok := c.data[k]
	c.mu.RUnlock()
	if ok {
		return v
	}
	c.mu.Lock()
	c.data[k] = len(k)
	c.mu.Unlock()
	return len(k)
}

// local maps built under the read lock belong to this call
func (c *Cache) Snapshot() map[string]int {
	c.mu.RLock()
	defer c.mu.RUnlock()
	out := make(map[string]int, len(c.data))
	for k, v := range c.data {
		out[k] = v
	}
	return out
}

// a parameter map is the caller's
func (c *Cache) CopyInto(dst map[string]int) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	for k, v := range c.data {
		dst[k] = v
	}
}

// another, exclusive lock protects the write
type twoLocks struct {
	rw    sync.RWMutex
	write sync.Mutex
	m     map[string]int
}

func (t *twoLocks) Bump(k string) {
	t.rw.RLock()
	defer t.rw.RUnlock()
	t.write.Lock()
	t.m[k]++
	t.write.Unlock()
}

// a Mutex (not RWMutex) has no read lock
type plain struct {
	mu sync.Mutex
	m  map[string]int
}

func (p *plain) Put(k string) {
	p.mu.Lock()
	p.m[k] = 1
	p.mu.Unlock()
}

// a write in a closure runs later, not necessarily under the lock
func (c *Cache) Later(k string) func() {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return func() { c.data[k] = 0 }
}

// another mutex's read lock
func (c *Cache) OtherMutex(k string) {
	regMu.RLock()
	c.mu.RUnlock()
	regMu.RUnlock()
	c.data[k] = 1
}

// ---- a separate writer mutex taken before the read lock ----

// writes are serialized by writeMu; mu.RLock keeps Swap (which takes mu.Lock) out while the readers run
type store struct {
	writeMu sync.Mutex
	mu      sync.RWMutex
	m       map[string]int
}

func (s *store) Put(k string, v int) {
	s.writeMu.Lock()
	defer s.writeMu.Unlock()
	s.mu.RLock()
	defer s.mu.RUnlock()
	s.m[k] = v
}

func (s *store) Drop(k string) {
	s.writeMu.Lock()
	s.mu.RLock()
	delete(s.m, k)
	s.mu.RUnlock()
	s.writeMu.Unlock()
}

// the caller holds writeMu
func (s *store) bump(k string) {
	s.mu.RLock()
	s.m[k]++
	s.mu.RUnlock()
}

func (s *store) Bump(k string) {
	s.writeMu.Lock()
	s.bump(k)
	s.writeMu.Unlock()
}

func (s *store) Swap(m map[string]int) {
	s.mu.Lock()
	s.m = m
	s.mu.Unlock()
}

// the writer mutex is released before the write, or one writer does not take it: both writers race
type leaky struct {
	writeMu sync.Mutex
	mu      sync.RWMutex
	m       map[string]int
	n       map[string]int
}

func (l *leaky) Put(k string) {
	l.writeMu.Lock()
	l.writeMu.Unlock()
	l.mu.RLock()
	l.m[k] = 1 // want `l.m is written while only the read lock is held \(l.mu.RLock\(\) on line 197\)`
	l.mu.RUnlock()
}

func (l *leaky) Add(k string) {
	l.writeMu.Lock()
	defer l.writeMu.Unlock()
	l.mu.RLock()
	defer l.mu.RUnlock()
	l.n[k] = 1 // want `l.n is written while only the read lock is held \(l.mu.RLock\(\) on line 205\)`
}

func (l *leaky) AddUnguarded(k string) {
	l.mu.RLock()
	defer l.mu.RUnlock()
	l.n[k] = 2 // want `l.n is written while only the read lock is held \(l.mu.RLock\(\) on line 211\)`
}

// The read lock guards the model's connections; the map written belongs to the report the caller passed in,
// which the lock does not guard (and which the caller owns).
type report struct{ transports map[string]int }

type model struct {
	mut   sync.RWMutex
	conns map[string]string
}

func (m *model) Stats(r *report) {
	m.mut.RLock()
	for _, c := range m.conns {
		r.transports[c]++
	}
	m.mut.RUnlock()
}

// The same map reached through the receiver is guarded by the receiver's lock: reported.
type selfReport struct {
	mut        sync.RWMutex
	transports map[string]int
}

func (s *selfReport) Count(c string) {
	s.mut.RLock()
	s.transports[c]++ // want `s.transports is written while only the read lock is held`
	s.mut.RUnlock()
}
