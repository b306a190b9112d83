package app

import (
	"net/http"
	"sort"

	"example.com/typesmod/lib"
)

var global = map[string]int{}

type counter map[string]int

func use(r *http.Request, s *lib.Server) int {
	h := r.Header
	h.Set("a", "b")
	q := r.URL.Query()
	var v lib.Values = q
	_ = v

	s.Tags["x"] = true
	s.ByName.Add("a", 1)
	tags := s.TagSet()
	byName := s.Registry.ByName

	c := lib.NewCache[string, int]()
	c.Put("k", 1)
	items := c.Items()
	meta := c.Meta

	keys := lib.Keys(items)
	sort.Strings(keys)
	cl := lib.Clone(global)

	get := c.Items // method value
	m2 := get()

	counts := counter{}
	inc := func(k string) { counts[k]++ } // closure over a map
	inc("a")

	nested := map[string]map[string]int{"a": {"b": 1}}
	inner, ok := nested["a"]
	_ = ok

	var arr [4]map[int]bool
	arr[0] = map[int]bool{}

	switch x := any(items).(type) {
	case map[string]int:
		_ = x
	}
	return len(tags) + len(byName) + len(meta) + len(cl) + len(m2) + len(inner) + len(h)
}
