package loops

import (
	"sync"
	"time"
)

type msg struct{ id uint16 }

// A per-client map: the client's read loop deletes acknowledged messages, its retry loop ranges over them,
// and other clients' publish path inserts — three goroutines, no lock.
type client struct {
	inflight map[uint16]*msg
	acks     chan uint16
}

func newClient() *client {
	c := &client{inflight: map[uint16]*msg{}, acks: make(chan uint16)}
	c.inflight[0] = &msg{} // before the goroutines start: ordered
	go c.readLoop()
	go c.retryLoop()
	return c
}

func (c *client) readLoop() {
	for id := range c.acks {
		c.ack(id)
	}
}

func (c *client) ack(id uint16) {
	delete(c.inflight, id) // want `c.inflight is deleted from with no mutex held, and also iterated at loops.go:\d+ in the goroutine go c.retryLoop\(\) started at loops.go:\d+`
}

func (c *client) retryLoop() {
	for range time.Tick(time.Second) {
		for _, m := range c.inflight {
			_ = m
		}
	}
}

func Publish(to *client, id uint16, m *msg) {
	to.inflight[id] = m // want `to.inflight is written with no mutex held, and also deleted from at loops.go:\d+ in the goroutine go c.readLoop\(\) started at loops.go:\d+: .*"fatal error: concurrent map writes"`
}

// An actor: only its loop touches the map; the other methods send it work over a channel.
type actor struct {
	state map[string]int
	ops   chan func(map[string]int)
}

func newActor() *actor {
	a := &actor{state: map[string]int{}, ops: make(chan func(map[string]int))}
	go a.loop()
	return a
}

func (a *actor) loop() {
	for op := range a.ops {
		op(a.state)
		a.apply("tick")
	}
}

// called only from the loop: the same goroutine
func (a *actor) apply(k string) { a.state[k]++ }

func (a *actor) Incr(k string) { a.ops <- func(m map[string]int) { m[k]++ } }

// A type with a mutex is inconsistent-map-lock's: not this shape.
type guarded struct {
	mu   sync.Mutex
	seen map[string]bool
}

func newGuarded() *guarded {
	g := &guarded{seen: map[string]bool{}}
	go g.loop()
	return g
}

func (g *guarded) loop() {
	g.mu.Lock()
	g.seen["x"] = true
	g.mu.Unlock()
}

func (g *guarded) Mark(k string) {
	g.mu.Lock()
	defer g.mu.Unlock()
	g.seen[k] = true
}

// A timer's callback is a goroutine too; the session has a mutex, but not for this map.
type session struct {
	timerMu  sync.Mutex
	timer    *time.Timer
	awaiting map[uint16]int64
}

func (s *session) Register(id uint16) {
	s.awaiting[id] = time.Now().Unix() // want `s.awaiting is written with no mutex held, and also iterated at loops.go:\d+ in the goroutine time.AfterFunc\(time.Second, s.expire\) started at loops.go:\d+`
	s.timerMu.Lock()
	s.timer = time.AfterFunc(time.Second, s.expire)
	s.timerMu.Unlock()
}

func (s *session) expire() {
	for id, ts := range s.awaiting {
		if time.Now().Unix()-ts > 10 {
			delete(s.awaiting, id)
		}
	}
}
