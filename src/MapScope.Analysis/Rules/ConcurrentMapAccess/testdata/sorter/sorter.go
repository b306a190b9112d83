// A method of the called name on a type that lacks the interface's other methods is not an implementation.
package sorter

import "net/http"

type Route struct{ Path string }


type Sorter interface {
	Match(r *http.Request) *Route
	Less(i, j int) bool
}

type notSorter struct{ seen map[string]bool }

func (n *notSorter) Match(r *http.Request) *Route {
	n.seen[r.URL.Path] = true
	return nil
}

type Sorting struct{ S Sorter }

func (s *Sorting) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.S.Match(r) }
