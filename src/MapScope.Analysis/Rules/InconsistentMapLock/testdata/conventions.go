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

// run between StartCollection and Finish: the session's lock is held
func (cc *collection) All(fn func(string)) {
	for name := range cc.manager.streams {
		fn(name)
	}
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

// ---- a loader run only by the constructor, on the value it is making ----

type smallIndex struct {
	mut    sync.Mutex
	val2id map[string]uint32
}

func newSmallIndex(vals []string) *smallIndex {
	idx := &smallIndex{val2id: make(map[string]uint32)}
	idx.load(vals)
	return idx
}

func (i *smallIndex) load(vals []string) {
	for n, v := range vals {
		i.val2id[v] = uint32(n)
	}
}

func (i *smallIndex) ID(v string) uint32 {
	i.mut.Lock()
	defer i.mut.Unlock()
	if id, ok := i.val2id[v]; ok {
		return id
	}
	id := uint32(len(i.val2id))
	i.val2id[v] = id
	return id
}

var defaultIndex = newSmallIndex(nil)

// ---- a recursive registration: Register takes the lock, registerOne runs under it and may register children ----

type Command[M any] struct {
	Name string
	Subs []*Command[M]
	sub  *Container[M]
}

type Container[M any] struct {
	lock     sync.RWMutex
	commands map[string]*Command[M]
}

func NewContainer[M any]() *Container[M] { return &Container[M]{commands: map[string]*Command[M]{}} }

func (c *Container[M]) Register(cmds ...*Command[M]) {
	c.lock.Lock()
	defer c.lock.Unlock()
	for _, cmd := range cmds {
		c.registerOne(cmd)
	}
}

func (c *Container[M]) registerOne(cmd *Command[M]) {
	c.commands[cmd.Name] = cmd
	cmd.initSubs()
}

func (cmd *Command[M]) initSubs() {
	if len(cmd.Subs) > 0 {
		cmd.sub = NewContainer[M]()
		cmd.sub.Register(cmd.Subs...)
	}
}

func (c *Container[M]) Unregister(name string) {
	c.lock.Lock()
	defer c.lock.Unlock()
	delete(c.commands, name)
}

func (c *Container[M]) Get(name string) *Command[M] {
	c.lock.RLock()
	defer c.lock.RUnlock()
	return c.commands[name]
}

// ---- naming conventions, and the guard reached through another variable of the same type ----

type Bridge struct {
	cacheLock sync.Mutex
	byID      map[string]*User
}

type User struct {
	Bridge *Bridge
	logins map[string]int
}

func (br *Bridge) GetUser(id string) *User {
	br.cacheLock.Lock()
	defer br.cacheLock.Unlock()
	return br.unlockedGetUser(id)
}

func (br *Bridge) unlockedGetUser(id string) *User {
	if u, ok := br.byID[id]; ok {
		return u
	}
	u := &User{Bridge: br, logins: map[string]int{}}
	br.byID[id] = u
	return u
}

func (br *Bridge) Forget(id string) {
	br.cacheLock.Lock()
	defer br.cacheLock.Unlock()
	delete(br.byID, id)
}

func (u *User) AddLogin(id string) {
	u.Bridge.cacheLock.Lock()
	defer u.Bridge.cacheLock.Unlock()
	u.logins[id]++
}

func (u *User) RemoveLogin(id string) {
	u.Bridge.cacheLock.Lock()
	defer u.Bridge.cacheLock.Unlock()
	delete(u.logins, id)
}

// br.cacheLock is u.Bridge.cacheLock here, which the code cannot prove: not reported
func (br *Bridge) Login(u *User, id string) {
	br.cacheLock.Lock()
	defer br.cacheLock.Unlock()
	u.logins[id] = 1
}

// no cacheLock of any Bridge held: reported
func (u *User) ResetLogin(id string) {
	u.logins[id] = 0 // want `u.logins is written without u.Bridge.cacheLock held`
}

// Exported for other packages; the name prefix is the documented precondition: not reported.
func (br *Bridge) UnlockedDelete(id string) { delete(br.byID, id) }

// ---- the parent's lock held through a child's back pointer ----

type child struct {
	parent *priority
	name   string
}

type priority struct {
	mu       sync.Mutex
	children map[string]*child
}

func (p *priority) Add(name string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.children[name] = &child{parent: p, name: name}
}

func (p *priority) Refresh(name string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if c := p.children[name]; c != nil {
		c.send()
	}
}

func (p *priority) Remove(name string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	delete(p.children, name)
}

// c.parent is p, which the flow cannot see; the same field of a priority is taken by every caller
func (c *child) send() { c.parent.update(c.name) }

func (p *priority) update(name string) {
	if _, ok := p.children[name]; !ok {
		p.children[name] = nil
	}
}

// ---- a cache documented as one goroutine's: the lock some users hold does not guard it ----

// Used in readloop to cache hot subject lookups.
type readCache struct {
	results map[string]int
}

type client struct {
	mu sync.Mutex
	in readCache
}

func (c *client) ProcessLeaf(subject string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.in.results[subject]; !ok {
		c.in.results[subject] = len(subject)
	}
}

func (c *client) ProcessRoute(subject string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.in.results, subject)
}

func (c *client) ProcessInbound(subject string) {
	c.in.results[subject] = 1
}

// ---- two mutexes, each protecting the fields that follow it ----

type rpcClient struct {
	reqMutex sync.Mutex // protects following
	request  string

	mutex   sync.Mutex // protects following
	seq     uint64
	pending map[uint64]string
}

func (c *rpcClient) send(s string) {
	c.reqMutex.Lock()
	defer c.reqMutex.Unlock()
	c.mutex.Lock()
	c.seq++
	c.pending[c.seq] = s
	c.mutex.Unlock()
}

func (c *rpcClient) Send(s string) { c.send(s) }

func (c *rpcClient) Input(seq uint64) string {
	c.mutex.Lock()
	call := c.pending[seq]
	delete(c.pending, seq)
	c.mutex.Unlock()
	return call
}

func (c *rpcClient) Drop(seq uint64) {
	delete(c.pending, seq) // want `c.pending is deleted from without c.mutex held`
}
