package testdata

// Exported fields: other packages could set them, so only writes on a variable built here are reported.
type Index struct {
	Name  string
	Words map[string]int
	Pages map[int]bool
}

func (ix *Index) init() { ix.Words = map[string]int{} }

func literalOmitsField() {
	ix := Index{Name: "a", Pages: map[int]bool{}}
	ix.Pages[1] = true
	ix.Words["w"]++ // want `assignment to entry in nil map: ix is built by a composite literal that leaves field Words nil, and nothing assigns ix.Words before this write.*Words: make\(map\[string\]int\)`
}

func pointerLiteral() *Index {
	p := &Index{Name: "b"}
	p.Pages[2] = false // want `leaves field Pages nil`
	return p
}

func zeroValue() {
	var ix Index
	ix.Words["x"] = 1 // want `assignment to entry in nil map: ix is declared without a value that leaves field Words nil`
}

// ---- not reported ----

func assignedField() {
	ix := Index{Name: "c"}
	ix.Words = make(map[string]int)
	ix.Words["x"] = 1
}

func methodMayInitialize() {
	var ix Index
	ix.init()
	ix.Words["x"] = 1
}

func passedByPointer() {
	ix := Index{}
	setup(&ix)
	ix.Words["x"] = 1
}

func setup(ix *Index) { ix.Words = map[string]int{} }

func positional() {
	ix := Index{"d", map[string]int{}, map[int]bool{}}
	ix.Words["x"] = 1
}

func reassigned() {
	ix := Index{}
	ix = Index{Words: map[string]int{}}
	ix.Words["x"] = 1
}

func otherFieldOnly() {
	ix := Index{Words: map[string]int{}}
	ix.Name = "e"
	ix.Words["x"] = 1
}

func newStruct() *Index {
	p := new(Index)
	p.Words["w"] = 1 // want `assignment to entry in nil map: p := new\(Index\) is a zero value that leaves field Words nil`
	q := new(Index)
	q.init()
	q.Words["w"] = 1
	return p
}
