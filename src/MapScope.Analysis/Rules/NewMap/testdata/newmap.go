package testdata

import (
	"encoding/json"
	"fmt"
)

type Counts map[string]int

type box struct{ m map[string]int }

func positives() {
	p := new(map[string]int) // want `new\(map\[string\]int\) returns a pointer to a nil map: the first write through it panics .*use make\(map\[string\]int\)`
	(*p)["a"] = 1

	var q *Counts = new(Counts) // want `new\(Counts\) returns a pointer to a nil map`
	_ = q

	r := new(map[int][]string) // want `new\(map\[int\]\[\]string\)`
	fmt.Println(len(*r))
}

// a *map result is not an interface: still reported
func makePtr() *map[string]bool {
	return new(map[string]bool) // want `new\(map\[string\]bool\) returns a pointer to a nil map`
}

func negatives(data []byte) error {
	// new of other types
	n := new(int)
	s := new([]string)
	b := new(box)
	c := new(struct{ m map[string]int })
	_, _, _, _ = n, s, b, c

	// the decoder fills the target: passed where an interface is expected
	if err := json.Unmarshal(data, new(map[string]any)); err != nil {
		return err
	}
	fmt.Println(new(map[string]int))
	return nil
}

// returned as an interface value: a decode target factory
func target() any {
	return new(map[string]any)
}

var factory = func() interface{} { return new(map[string]string) }

// a function named new shadows the builtin
func shadowed() {
	new := func(v map[string]int) *map[string]int { return &v }
	_ = new(map[string]int{})
}

// a set type designed to be used through a pointer: Add makes the map on first use
type NameSet map[string]struct{}

func (s *NameSet) Add(n string) {
	if *s == nil {
		*s = NameSet{}
	}
	(*s)[n] = struct{}{}
}

func visit(seen *NameSet) { seen.Add("x") }

func pointerSet() {
	visit(new(NameSet))
}

// ---- pointers the code goes on to fill ----

type Headers map[string][]string

func (in Headers) DeepCopyInto(out *Headers) {
	*out = make(Headers, len(in))
	for k, v := range in {
		(*out)[k] = v
	}
}

func (in Headers) DeepCopy() Headers {
	out := new(Headers)
	in.DeepCopyInto(out)
	return *out
}

type Config struct{ Extra *Headers }

func (in *Config) DeepCopyInto(out *Config) {
	if in.Extra != nil {
		in, out := &in.Extra, &out.Extra
		*out = new(Headers)
		**out = make(Headers)
		_ = in
	}
}

func decodeHeader(data []byte) (*map[string]any, error) {
	h := new(map[string]any)
	if err := json.Unmarshal(data, h); err != nil {
		return nil, err
	}
	return h, nil
}

func filledThrough() map[string]int {
	p := new(map[string]int)
	*p = make(map[string]int)
	(*p)["a"] = 1
	return *p
}

// decode targets in a table of test cases: the field (or element) is an interface the decoder fills
type decodeCase struct {
	in  string
	ptr any
}

var decodeCases = []decodeCase{
	{in: `{}`, ptr: new(map[string]any)},
}

var targets = []any{new(map[string]int)}
