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
