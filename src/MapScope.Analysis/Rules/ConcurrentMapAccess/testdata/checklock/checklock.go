package checklock

import "sync"

type entry struct{ v string }

// A TTL cache that checks before it locks: the function writes under c.mu and reads without it.
type Cache struct {
	mu    *sync.Mutex
	items map[string]entry
}

func (c Cache) Get(k string, load func() string) string {
	if e, ok := c.items[k]; ok { // want `c.items is read here without c.mu, which this function holds when it writes it \(line 19\): another call's write races with this access and crashes the program with "fatal error: concurrent map read and map write" — take c.mu before this access too`
		return e.v
	}
	v := load()
	c.mu.Lock()
	c.items[k] = entry{v}
	c.mu.Unlock()
	return v
}

// Unlocks in one branch, then reads: the read after Unlock races too.
type Pool struct {
	mu    sync.Mutex
	inUse map[int]bool
}

func (p *Pool) Put(id int) {
	p.mu.Lock()
	if !p.inUse[id] {
		p.mu.Unlock()
		println(p.inUse[id]) // want `p.inUse is read here without p.mu, which this function holds when it writes it \(line 37\)`
		return
	}
	p.inUse[id] = false
	p.mu.Unlock()
	for id := range p.inUse { // want `p.inUse is iterated here without p.mu, .*"fatal error: concurrent map iteration and map write"`
		_ = id
	}
}

// A struct that embeds its mutex: the lock is the struct's own.
type Waiters struct {
	sync.Mutex
	byID map[int]chan string
}

func (w *Waiters) Wait(id int) string {
	w.Lock()
	w.byID[id] = make(chan string, 1)
	w.Unlock()
	return <-w.byID[id] // want `w.byID is read here without w's lock, which this function holds when it writes it \(line 52\)`
}

// ---- not reported ----

// Every access of the map in the function holds the lock.
func (c Cache) Set(k, v string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.items[k]; !ok {
		c.items[k] = entry{v}
	}
}

// A value the function builds itself is not shared yet.
func NewPool(ids []int) *Pool {
	p := &Pool{inUse: map[int]bool{}}
	for _, id := range ids {
		_ = p.inUse[id]
	}
	p.mu.Lock()
	p.inUse[0] = true
	p.mu.Unlock()
	return p
}

// Two instances: the lock of one does not guard the other.
func Move(a, b *Pool, id int) {
	a.mu.Lock()
	a.inUse[id] = false
	a.mu.Unlock()
	_ = b.inUse[id]
}

// The lock is taken on some paths only: unknown whether the read is guarded.
func (p *Pool) Maybe(id int, lock bool) {
	if lock {
		p.mu.Lock()
	}
	_ = p.inUse[id]
	p.mu.Lock()
	p.inUse[id] = true
	p.mu.Unlock()
}
