// Package fields has unexported map fields: only this package can set them.
package fields

type Cart struct {
	Owner string
	items map[string]int
	notes map[string]string
	tags  map[string]bool
	lazy  map[string]int
	refs  map[string]*Cart
	pos   map[int]int
}

func New(owner string) *Cart {
	return &Cart{Owner: owner, items: make(map[string]int)}
}

func (c *Cart) Add(sku string, qty int) { c.items[sku] += qty }

func (c *Cart) AddNote(sku, note string) {
	c.notes[sku] = note // want `assignment to entry in nil map: field notes of Cart is never initialized in this package \(no composite literal sets it and nothing assigns it\), so c.notes is nil and this write panics at run time — initialize it where Cart is built, e.g. notes: make\(map\[string\]string\)`
}

func (c *Cart) Tag(t string) {
	go func() {
		c.tags[t] = true // want `field tags of Cart is never initialized`
	}()
}

// ---- not reported ----

// initialized lazily before writing
func (c *Cart) Bump(k string) {
	if c.lazy == nil {
		c.lazy = map[string]int{}
	}
	c.lazy[k]++
}

// initialized through a pointer to the field
func (c *Cart) Link(k string, other *Cart) {
	ensure(&c.refs)
	c.refs[k] = other
}

func ensure(m *map[string]*Cart) {
	if *m == nil {
		*m = map[string]*Cart{}
	}
}

type point struct {
	x, y int
	seen map[int]int
}

// a positional literal sets every field
func newPoint() point { return point{1, 2, map[int]int{}} }

func (p point) Mark(i int) { p.seen[i] = i }

// pos is set in a keyed literal of another value
func Fresh() *Cart { return &Cart{pos: map[int]int{}} }

func (c *Cart) Move(i int) { c.pos[i] = i }
