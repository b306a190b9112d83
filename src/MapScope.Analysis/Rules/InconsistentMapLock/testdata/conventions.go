package testdata

import (
	"log"
	"strings"
	"sync"
)

// ---- a constructor fills the value through a helper before anyone else sees it ----

type Index struct {
	sync.RWMutex
	ids map[string]struct{}
}

func NewIndex(ids []string) (idx *Index) {
	idx = &Index{ids: make(map[string]struct{})}
	for _, id := range ids {
		idx.add(id)
	}
	return
}

func (idx *Index) add(id string) { idx.ids[id] = struct{}{} }

func (idx *Index) Add(id string) {
	idx.Lock()
	defer idx.Unlock()
	idx.add(id)
}

func (idx *Index) Has(id string) bool {
	idx.RLock()
	defer idx.RUnlock()
	_, ok := idx.ids[id]
	return ok
}

func (idx *Index) Delete(id string) {
	idx.Lock()
	defer idx.Unlock()
	delete(idx.ids, id)
}

// ---- a lock handed over: StartCollection locks, Finish unlocks ----

type streamManager struct {
	rwlock  sync.RWMutex
	streams map[string]int
}

func (sm *streamManager) Add(name string) {
	sm.rwlock.Lock()
	defer sm.rwlock.Unlock()
	sm.streams[name]++
}

func (sm *streamManager) Get(name string) int {
	sm.rwlock.RLock()
	defer sm.rwlock.RUnlock()
	return sm.streams[name]
}

type collection struct {
	manager *streamManager
	removed []string
}

func (sm *streamManager) StartCollection() *collection {
	sm.rwlock.Lock()
	return &collection{manager: sm}
}

func (cc *collection) Finish() {
	for _, name := range cc.removed {
		delete(cc.manager.streams, name)
	}
	cc.manager.rwlock.Unlock()
}

// Released only on one path of a function that never took it: the other path still needs the lock.
func (cc *collection) Drop(name string) {
	delete(cc.manager.streams, name) // want `cc.manager.streams is deleted from without cc.manager.rwlock held`
	if name == "" {
		return
	}
	cc.manager.rwlock.RLock()
	cc.manager.rwlock.RUnlock()
}

// ---- a package-level instance locked by the caller, used through the receiver by the callee ----

type lockOrder struct {
	mu  sync.Mutex
	cur map[string]int
}

var order = &lockOrder{cur: map[string]int{}}

func (l *lockOrder) Post(p string) {
	l.mu.Lock()
	l.cur[p] = 1
	l.mu.Unlock()
}

func (l *lockOrder) Release(p string) {
	l.mu.Lock()
	delete(l.cur, p)
	l.mu.Unlock()
}

func (l *lockOrder) others(p string) int {
	n := 0
	for k := range l.cur {
		if k != p {
			n++
		}
	}
	return n
}

func (l *lockOrder) Pre(p string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.others(p)
}

func Watch(p string) int {
	order.mu.Lock()
	defer order.mu.Unlock()
	return order.others(p)
}

// ---- writes inside a database transaction: the database serializes its writers ----

type Tx struct{}

type DB struct {
	wlock   sync.RWMutex
	dirtySS map[string]struct{}
}

func (db *DB) update(fn func(tx *Tx) error) error { return fn(&Tx{}) }

func (db *DB) Collect(name string) {
	db.wlock.Lock()
	defer db.wlock.Unlock()
	db.dirtySS[name] = struct{}{}
}

func (db *DB) Clear(name string) {
	db.wlock.Lock()
	defer db.wlock.Unlock()
	delete(db.dirtySS, name)
}

func (db *DB) Dirty(name string) bool {
	db.wlock.RLock()
	defer db.wlock.RUnlock()
	_, ok := db.dirtySS[name]
	return ok
}

func (db *DB) Remove(name string) error {
	return db.update(func(tx *Tx) error {
		db.dirtySS[name] = struct{}{}
		return nil
	})
}

// ---- registration before start: writes refuse once serving, reads after it need no lock ----

type RPCServer struct {
	mu       sync.Mutex // guards following
	serve    bool
	services map[string]int
}

func (s *RPCServer) Register(name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.serve {
		log.Fatalf("Register after Serve: %s", name)
	}
	s.services[name] = len(s.services)
}

func (s *RPCServer) Serve() {
	s.mu.Lock()
	s.serve = true
	s.mu.Unlock()
}

func (s *RPCServer) handle(method string) int {
	return s.services[strings.Split(method, "/")[0]]
}

func (s *RPCServer) Handle(method string) int { return s.handle(method) }

// The same shape without the refusal: a late Register races with every request.
type Mux struct {
	mu     sync.Mutex // guards following
	routes map[string]int
}

func (m *Mux) Register(name string) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.routes[name] = len(m.routes)
}

func (m *Mux) Handle(name string) int {
	return m.routes[name] // want `m.routes is read without m.mu held`
}
