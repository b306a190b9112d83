package testdata

import "strings"

type registry struct {
	byName map[string]int
	other  map[string]int
}

func lower(m map[string]int) {
	for k, v := range m {
		m[strings.ToLower(k)] = v // want `inserting key strings.ToLower\(k\) into m while ranging over m: the spec leaves it unspecified whether this loop visits the new entry`
	}
}

func suffix(m map[string]int) {
	for k := range m {
		m[k+"x"] = 1 // want `inserting key k\+"x" into m`
	}
}

func compound(m map[string]int) {
	for _, v := range m {
		m["total"] += v // want `inserting key "total" into m`
	}
	for range m {
		m["n"]++ // want `inserting key "n" into m`
	}
}

func (r *registry) field() {
	for name, id := range r.byName {
		if id > 0 {
			r.byName[name+"-alias"] = id // want `inserting key name\+"-alias" into r.byName while ranging over r.byName`
		}
	}
}

func pointer(p *map[int]int) {
	for k := range *p {
		(*p)[k*2] = k // want `inserting key k\*2 into \*p`
	}
}

// an insert inside a nested switch: break there does not end the range loop
func nestedSwitch(m map[int]bool) {
	for k := range m {
		switch {
		case k > 0:
			m[-k] = true // want `inserting key -k into m`
			break
		}
	}
}

// ---- not reported ----

func updateVisited(m map[string]int) {
	for k, v := range m {
		m[k] = v * 2 // the entry being visited
		m[k]++
	}
}

func deletes(m map[string]int) {
	for k := range m {
		if strings.HasPrefix(k, "tmp") {
			delete(m, k)
		}
	}
}

func otherMap(m map[string]int, out map[string]int) {
	for k, v := range m {
		out[k+"x"] = v
	}
	r := registry{byName: m, other: map[string]int{}}
	for k := range r.byName {
		r.other[k+"y"] = 1
	}
}

func afterLoop(m map[string]int) {
	for k := range m {
		_ = k
	}
	m["done"] = 1
}

// a local that shadows the ranged map is another variable
func shadow(m map[string]int) {
	for k := range m {
		m := map[string]int{}
		m[k+"x"] = 1
	}
}

// the loop ends right after the insert
func insertThenLeave(m map[string]int) string {
	for k := range m {
		if k == "" {
			m["default"] = 1
			break
		}
	}
	for k := range m {
		m[k+"!"] = 1
		return k
	}
	return ""
}

// a closure runs at another time: not this loop's body
func closure(m map[string]int) []func() {
	var fs []func()
	for k := range m {
		fs = append(fs, func() { m[k+"x"] = 1 })
	}
	return fs
}

// the key variable is changed in the body: whether m[k] is new is not known, so nothing is said
func rekeyed(m map[string]int) {
	for k := range m {
		k = strings.TrimSpace(k)
		m[k] = 1
	}
}

// ranging over a slice, not a map
func slices(s []string, m map[string]int) {
	for i := range s {
		m[s[i]] = i
	}
}

// a labeled break right after the insert ends the ranged loop from inside a nested one
func labeled(m map[string][]string) {
outer:
	for k, vs := range m {
		for _, v := range vs {
			if v == "" {
				m[k+"-empty"] = nil
				break outer
			}
		}
	}
	for k := range m {
	inner:
		for i := 0; i < 2; i++ {
			m[k+"?"] = nil // want `inserting key k\+"\?" into m`
			break inner // leaves only the inner loop
		}
	}
}

// ---- the visited key after a type assertion or conversion ----

type name string

// an interface-keyed map re-keyed by the key's own dynamic value: the entry being visited
func normalize(m map[any]int) {
	for k, v := range m {
		m[k.(string)] = v + 1
	}
	for k := range m {
		s, ok := k.(string)
		if !ok {
			continue
		}
		m[s] = 0
	}
}

func named(m map[name]int) {
	for k := range m {
		m[name(string(k))]++
	}
	for k := range m {
		key := k
		m[key] = 1
	}
}

// a conversion or assertion that changes the value is another key
func renamed(m map[any]int, n map[int64]int) {
	for k := range m {
		m[k.(string)+"!"] = 1 // want `inserting key k.\(string\)\+"!" into m`
	}
	for k := range n {
		n[int64(int8(k))] = 1 // want `inserting key int64\(int8\(k\)\) into n`
	}
	for k := range m {
		key := k
		key = "x"
		m[key] = 1 // want `inserting key key into m`
	}
}

// ---- work lists ----

// the outer loop drains the map: entries added while ranging are picked up by the next round
func reachable(deps map[string][]string, start string) map[string]bool {
	seen := map[string]bool{}
	work := map[string]bool{start: true}
	for len(work) > 0 {
		for k := range work {
			delete(work, k)
			seen[k] = true
			for _, d := range deps[k] {
				if !seen[d] {
					work[d] = true
				}
			}
		}
	}
	return seen
}

// without the draining loop (or without taking the item off) the insert is the usual hazard
func notDrained(deps map[string][]string, work map[string]bool) {
	for len(work) > 0 {
		for k := range work {
			for _, d := range deps[k] {
				work[d] = true // want `inserting key d into work`
			}
		}
		break
	}
	for k := range work {
		delete(work, k)
		for _, d := range deps[k] {
			work[d] = true // want `inserting key d into work`
		}
	}
}
