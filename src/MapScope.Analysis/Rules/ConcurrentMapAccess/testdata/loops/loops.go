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
	delete(c.inflight, id) // want `c.inflight is deleted from in the goroutine go c.readLoop\(\) started at loops.go:\d+ with no mutex held, and also iterated at loops.go:\d+ in the goroutine go c.retryLoop\(\) started at loops.go:\d+`
}

func (c *client) retryLoop() {
	for range time.Tick(time.Second) {
		for _, m := range c.inflight {
			_ = m
		}
	}
}

// Publishing from outside the goroutines: whether it runs before they start or with them is a convention the
// rule cannot see — not reported.
func Publish(to *client, id uint16, m *msg) {
	to.inflight[id] = m
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

func newSession(in chan uint16) *session {
	s := &session{awaiting: map[uint16]int64{}}
	go s.serve(in)
	return s
}

func (s *session) serve(in chan uint16) {
	for id := range in {
		s.Register(id)
	}
}

func (s *session) Register(id uint16) {
	s.awaiting[id] = time.Now().Unix() // want `s.awaiting is written in the goroutine go s.serve\(in\) started at loops.go:\d+ with no mutex held, and also iterated at loops.go:\d+ in the goroutine time.AfterFunc\(time.Second, s.expire\) started at loops.go:\d+`
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

// A closure queued to the loop runs on the loop's own goroutine.
type broadcaster struct {
	watchers map[int]chan int
	incoming chan func()
}

func newBroadcaster() *broadcaster {
	b := &broadcaster{watchers: map[int]chan int{}, incoming: make(chan func())}
	go b.loop()
	return b
}

func (b *broadcaster) loop() {
	for f := range b.incoming {
		f()
		for _, w := range b.watchers {
			_ = w
		}
	}
}

func (b *broadcaster) run(f func()) { b.incoming <- f }

func (b *broadcaster) Watch(id int) {
	b.run(func() { b.watchers[id] = make(chan int) })
}

// Data handed between goroutines (each event carries its own list): not a long-lived value's map.
type memberList struct{ members map[string]int }

type portal struct{ events chan *memberList }

func (p *portal) Start() {
	go p.fetchLoop()
	go p.applyLoop()
}

func (p *portal) fetchLoop() {
	for range time.Tick(time.Second) {
		ml := fetch()
		fill(ml)
		p.events <- ml
	}
}

func fetch() *memberList { return &memberList{} }

func fill(ml *memberList) { ml.members["me"] = 1 }

func (p *portal) applyLoop() {
	for ml := range p.events {
		for k := range ml.members {
			_ = k
		}
	}
}
