// An accept loop starting a goroutine per connection on a method of one server: they all share it.
package listener

import (
	"net"
	"sync"
)

type server struct {
	conns map[net.Conn]bool
}

func (s *server) serve(l net.Listener) {
	for {
		c, err := l.Accept()
		if err != nil {
			return
		}
		go s.handle(c)
	}
}

func (s *server) handle(c net.Conn) {
	s.conns[c] = true // want `s.conns \(a field of the receiver of goroutines started in a loop, shared by all of them\) is written with no mutex held from a goroutine started on line 19 in a loop`
	defer c.Close()
}

// ---- not reported ----

// each goroutine runs on its own worker
type worker struct{ seen map[int]bool }

func (w *worker) run(jobs <-chan int) {
	for j := range jobs {
		w.seen[j] = true
	}
}

func startAll(ws []*worker, jobs <-chan int) {
	var wg sync.WaitGroup
	for _, w := range ws {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w.run(jobs)
		}()
	}
	wg.Wait()
}
