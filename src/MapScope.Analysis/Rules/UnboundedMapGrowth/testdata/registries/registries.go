package registries

import (
	"net"
	"net/http"
	"sync"
	"sync/atomic"
)

// ---- a field map with one entry per call, "removed" by assigning nil ----

type Client struct {
	mu        sync.Mutex
	nextID    int
	responses map[int]chan []byte
	requests  chan int
}

func NewClient() *Client {
	return &Client{responses: map[int]chan []byte{}, requests: make(chan int)}
}

func (c *Client) call() []byte {
	c.mu.Lock()
	id := c.nextID
	c.responses[id] = make(chan []byte, 1) // want `c.responses gets an entry keyed by id, a counter this function increments, so every call adds a key, and nothing in the package deletes from field responses of Client.*assigning nil or a zero value keeps the key`
	c.nextID++
	c.mu.Unlock()
	c.requests <- id
	reply := <-c.responses[id]
	c.mu.Lock()
	c.responses[id] = nil
	c.mu.Unlock()
	return reply
}

// ---- one entry per connection ----

type Server struct {
	mu    sync.Mutex
	peers map[net.Conn]bool
	seq   uint64
	jobs  map[uint64]string
}

func (s *Server) track(c net.Conn) {
	s.mu.Lock()
	s.peers[c] = true // want `s.peers gets an entry keyed by c, a net.Conn handed to the function, so every connection or request adds a key`
	s.mu.Unlock()
}

func (s *Server) submit(job string) {
	id := atomic.AddUint64(&s.seq, 1)
	s.jobs[id] = job // want `s.jobs gets an entry keyed by id, a counter this function increments`
}

// ---- not reported ----

type Pool struct {
	conns map[net.Conn]bool
	byID  map[int]string
	next  int
	names map[string]int
}

func (p *Pool) add(c net.Conn) { p.conns[c] = true }

func (p *Pool) remove(c net.Conn) { delete(p.conns, c) } // deleted: bounded by the live connections

func (p *Pool) put(v string) {
	p.byID[p.next] = v
	p.next++
}

func (p *Pool) Reset() { p.byID = map[int]string{} } // replaced wholesale

func (p *Pool) rename(name string) {
	if _, ok := p.names[name]; ok {
		p.names[name]++ // only updates an existing entry
	}
}

func (p *Pool) fill(keys []string) {
	for i := 0; i < len(keys); i++ {
		p.names[keys[i]] = i // a loop index is no counter of calls
	}
}

// ---- a delete that a panicking handler skips ----

var active = struct {
	sync.Mutex
	m map[*http.Request]string
}{m: map[*http.Request]string{}}

type Route struct{ Handler http.Handler }

func (r *Route) serve(w http.ResponseWriter, req *http.Request) {
	active.Lock()
	active.m[req] = req.URL.Path // want `active.m gets an entry per req that the delete at line \d+ removes only if r.Handler.ServeHTTP returns normally.*defer the delete`
	active.Unlock()
	r.Handler.ServeHTTP(w, req)
	active.Lock()
	delete(active.m, req)
	active.Unlock()
}

func (r *Route) serveDeferred(w http.ResponseWriter, req *http.Request) {
	active.Lock()
	active.m[req] = req.URL.Path
	active.Unlock()
	defer func() {
		active.Lock()
		delete(active.m, req)
		active.Unlock()
	}()
	r.Handler.ServeHTTP(w, req)
}
