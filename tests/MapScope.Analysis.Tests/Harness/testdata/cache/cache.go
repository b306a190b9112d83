// Package cache holds a package-level map written from another package of the module.
package cache

import "sync"

var Entries = map[string]int{}

var mu sync.Mutex

// Locks is a named map type: writes through it are map writes too.
type Locks map[string]*sync.Mutex

func Put(k string) {
	mu.Lock()
	Entries[k] = 1 // want "write to map Entries"
	mu.Unlock()
}

// Slices and arrays are indexed like maps but are not maps: nothing is reported here.
func NotMaps() {
	s := []int{1}
	s[0] = 2
	var arr [2]int
	arr[1]++
	_ = Entries["read"]
}
