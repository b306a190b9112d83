package testdata

import "testing"

func TestReap(t *testing.T) {
	m := &Members{members: map[string]int{"a": 1}}
	m.left = m.reap([]string{"a"})
	if len(m.members) != 0 {
		t.Fatal(m.members)
	}
}
