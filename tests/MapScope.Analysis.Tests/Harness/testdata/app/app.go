package app

import (
	"net/http"

	"example.com/testdata/cache"
)

func Handle(w http.ResponseWriter, r *http.Request) {
	cache.Entries[r.URL.Path]++ // want `write to map cache\.Entries`
	h := r.Header
	h["X-Test"] = nil // want "write to map \x68$"
	a, b := map[int]int{}, map[int]int{}
	a[1], b[2] = 1, 2 // want "map a" "map b"
	l := cache.Locks{}
	l["x"] = nil /* want "write to map l" */
}
