package testdata

import "encoding/json"

// ---- reported: a local declared without a value (what staticcheck's SA5000 catches) ----

func declaredNil() {
	var m map[string]int
	m["a"] = 1 // want `assignment to entry in nil map: m is declared without a value and nothing assigns m before this write, so it panics at run time — initialize it first, e.g. m = make\(map\[string\]int\)`
}

func compoundWrites(k string) {
	var counts map[string]int
	if k != "" {
		counts[k] += 2 // want `assignment to entry in nil map: counts is declared without a value`
	}
	counts[k]++ // want `assignment to entry in nil map: counts is declared`
}

func namedResult(keys []string) (set map[string]bool) {
	for _, k := range keys {
		set[k] = true // want `assignment to entry in nil map: named result set starts out nil and nothing assigns set before this write`
	}
	return set
}

func viaNew() map[int]string {
	p := new(map[int]string)
	(*p)[1] = "one" // want `assignment to entry in nil map: p := new\(map\[int\]string\) points to a nil map and nothing assigns \(\*p\) before this write.*use &map\[int\]string\{\} instead of new`
	return *p
}

// a closure that writes a map nothing ever assigns
func closureWrite() func(string) {
	var seen map[string]struct{}
	return func(s string) {
		seen[s] = struct{}{} // want `assignment to entry in nil map: seen is declared without a value`
	}
}

func empty() map[string]int { return nil }

func fromNilFunc() {
	m := empty()
	m["x"] = 1 // want `assignment to entry in nil map: empty\(\) always returns nil for it`
}

// ---- not reported ----

func made() {
	var m map[string]int
	m = make(map[string]int)
	m["a"] = 1
	lit := map[string]int{}
	lit["b"] = 2
}

func bothBranches(c bool) {
	var m map[string]int
	if c {
		m = map[string]int{}
	} else {
		m = make(map[string]int, 8)
	}
	m["a"] = 1
}

// assigned on one branch only: may still be nil, but the rule does not guess about paths
func oneBranch(c bool) {
	var m map[string]int
	if c {
		m = map[string]int{}
	}
	m["a"] = 1
}

func initialize(m *map[string]int) { *m = map[string]int{} }

func byAddress(data []byte) {
	var m map[string]int
	initialize(&m)
	m["a"] = 1
	var decoded map[string]any
	_ = json.Unmarshal(data, &decoded)
	decoded["seen"] = true
}

func assignedInClosure() {
	var m map[string]int
	setup := func() { m = map[string]int{} }
	setup()
	m["a"] = 1
}

// the assignment later in the loop runs before the next iteration's write
func assignedLaterInLoop(xs []int) {
	var m map[int]bool
	for _, x := range xs {
		if m != nil {
			m[x] = true
		}
		m = map[int]bool{}
	}
}

// goto can jump backwards: textual order means nothing
func withGoto(n int) {
	var m map[int]int
again:
	if n > 0 {
		m[n] = n
	}
	if m == nil {
		m = map[int]int{}
		goto again
	}
}

func shadowed() {
	var m map[string]int
	{
		m := make(map[string]int)
		m["a"] = 1
	}
	_ = m
}

func readsOnly() int {
	var m map[string]int
	n := len(m) + m["a"]
	for k := range m {
		_ = k
	}
	delete(m, "a") // deleting from a nil map is a no-op
	return n
}

func newThenMake() {
	p := new(map[int]string)
	*p = make(map[int]string)
	(*p)[1] = "one"
	q := new(map[int]string)
	fill(q)
	(*q)[2] = "two"
}

func fill(p *map[int]string) { *p = map[int]string{} }

// named result assigned before the write, and a deferred write after the assignment
func namedAssigned() (m map[string]int) {
	defer func() { m["done"] = 1 }()
	m = map[string]int{}
	m["a"] = 1
	return
}

func sometimesNil(c bool) map[string]int {
	if c {
		return nil
	}
	return map[string]int{}
}

func fromMaybeNilFunc() {
	m := sometimesNil(true)
	m["x"] = 1
}

func explicitNil(k string) {
	var m map[string]int = nil
	m[k] = 1 // want `assignment to entry in nil map: m is initialized to nil and nothing assigns m before this write`
	c := map[string]bool(nil)
	c[k] = true // want `assignment to entry in nil map: c is initialized to nil`
}
