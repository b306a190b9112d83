// The map reaches the write under another name: a receiver of a named map type, a parameter, a pointer to the map.
package aliases

import (
	"net"
	"net/http"
	"sync"
)

type table map[string]int

var conns = table{}

func (t table) add(k string) {
	t[k]++ // want `package-level map conns, through t, is written with no mutex held from add \(called from a goroutine started on line 24 in a loop\)`
}

func serve(l net.Listener) {
	for {
		c, err := l.Accept()
		if err != nil {
			return
		}
		go func() {
			conns.add(c.RemoteAddr().String())
			c.Close()
		}()
	}
}

type Job struct{ ID string }

type Handler struct {
	jobs *map[string]*Job
}

func (h *Handler) Submit(w http.ResponseWriter, r *http.Request) {
	record(h.jobs, &Job{ID: r.FormValue("id")})
}

func record(jobs *map[string]*Job, j *Job) {
	(*jobs)[j.ID] = j // want `h.jobs, through \*jobs, \(a field of the handler's receiver, shared by all requests\) is written with no mutex held from record \(called from an HTTP handler \(Submit\)`
}

// ---- not reported ----

var mu sync.Mutex

func (h *Handler) SubmitLocked(w http.ResponseWriter, r *http.Request) {
	mu.Lock()
	recordLocked(h.jobs, &Job{ID: r.FormValue("id")})
	mu.Unlock()
}

func recordLocked(jobs *map[string]*Job, j *Job) { (*jobs)[j.ID] = j }

// the helper replaces the parameter with its own map before writing
func (h *Handler) Fresh(w http.ResponseWriter, r *http.Request) {
	fill(h.jobs, r.FormValue("id"))
}

func fill(jobs *map[string]*Job, id string) {
	own := map[string]*Job{}
	jobs = &own
	(*jobs)[id] = nil
}
