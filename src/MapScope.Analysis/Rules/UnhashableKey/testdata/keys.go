package testdata

import (
	"fmt"
	"sync"
)

type Stringer interface{ String() string }

type pair struct {
	a, b any
}

type withSlice struct{ xs []int }

type handler func()

func (handler) String() string { return "h" }

type ids []int

func (ids) String() string { return "ids" }

func positives(b []byte, xs []int, f func(), m map[string]int, sm *sync.Map) {
	seen := map[any]bool{}
	seen[b] = true       // want `b has type \[\]byte, which is not comparable: using it in a key of seen panics at run time \("runtime error: hash of unhashable type"\) — use a comparable key instead, e.g. string\(b\)`
	_ = seen[xs]         // want `xs has type \[\]int, which is not comparable`
	delete(seen, m)      // want `m has type map\[string\]int, which is not comparable`
	seen[f] = false      // want `f has type func\(\), which is not comparable`
	seen[withSlice{}] = true // want `withSlice\{\} has type example.com/testdata.withSlice, which is not comparable`
	seen[[]byte("x")] = true // want `\[\]byte\("x"\) has type \[\]byte`
	seen[any(xs)] = true // want `xs has type \[\]int`

	var byName map[Stringer]int
	_ = byName[ids{1}] // want `ids\{1\} has type example.com/testdata.ids, which is not comparable`

	pairs := map[pair]int{}
	pairs[pair{a: "x", b: xs}]++ // want `xs has type \[\]int, which is not comparable: using it in a key of pairs`

	lit := map[interface{}]string{
		"ok": "fine",
		b:    "boom", // want `b has type \[\]byte, which is not comparable: using it in a key of the map literal`
	}
	_ = lit

	sm.Store(xs, 1) // want `xs has type \[\]int, which is not comparable: using it in a key of sm \(a sync.Map\)`
	var cache sync.Map
	cache.Load(b) // want `b has type \[\]byte`
}

// ---- not reported ----

func negatives(b []byte, k any, s fmt.Stringer, arr [2]int, h handler) {
	seen := map[any]bool{}
	seen[string(b)] = true
	seen[k] = true // dynamic type unknown
	seen[s] = true
	seen[arr] = true
	seen[pair{a: 1, b: "x"}] = true
	seen[nil] = true
	seen[&b] = true // pointers are comparable

	// non-interface keys: the compiler already rejects non-comparable ones
	byStr := map[string]int{}
	byStr[string(b)]++
	_ = h
}

func generic[K comparable](m map[K]int, k K) {
	m[k]++
}
