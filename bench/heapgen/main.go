// heapgen writes a large synthetic Go heap profile (gzip'd profile.proto) for speed comparisons
// between `mapscope heap` and `go tool pprof`. It encodes the protobuf by hand so the file does not
// come from mapscope's own code; `go tool pprof` reading it is the check that it is valid.
//
//	go run . -samples 800000 -o /tmp/big.pb.gz
package main

import (
	"compress/gzip"
	"flag"
	"fmt"
	"math/rand"
	"os"
)

type buf []byte

func (b *buf) varint(v uint64) {
	for v >= 0x80 {
		*b = append(*b, byte(v)|0x80)
		v >>= 7
	}
	*b = append(*b, byte(v))
}

func (b *buf) tag(field, wire int) { b.varint(uint64(field<<3 | wire)) }

func (b *buf) uint(field int, v uint64) {
	if v != 0 {
		b.tag(field, 0)
		b.varint(v)
	}
}

func (b *buf) bytes(field int, p []byte) {
	b.tag(field, 2)
	b.varint(uint64(len(p)))
	*b = append(*b, p...)
}

func (b *buf) packed(field int, vs []uint64) {
	var inner buf
	for _, v := range vs {
		inner.varint(v)
	}
	b.bytes(field, inner)
}

func main() {
	samples := flag.Int("samples", 800000, "number of samples")
	functions := flag.Int("functions", 20000, "number of functions")
	locations := flag.Int("locations", 80000, "number of locations")
	out := flag.String("o", "big.pb.gz", "output file")
	flag.Parse()
	rng := rand.New(rand.NewSource(1))

	strs := []string{""}
	str := func(s string) uint64 { strs = append(strs, s); return uint64(len(strs) - 1) }
	var p buf
	for _, t := range [][2]string{{"alloc_objects", "count"}, {"alloc_space", "bytes"}, {"inuse_objects", "count"}, {"inuse_space", "bytes"}} {
		var vt buf
		vt.uint(1, str(t[0]))
		vt.uint(2, str(t[1]))
		p.bytes(1, vt)
	}
	bytesKey := str("bytes")

	// Functions spread over packages and files, like a large service.
	for f := 1; f <= *functions; f++ {
		var fn buf
		fn.uint(1, uint64(f))
		name := str(fmt.Sprintf("example.com/svc/pkg%d.(*Type%d).Method%d", f%300, f%37, f))
		fn.uint(2, name)
		fn.uint(3, name)
		fn.uint(4, str(fmt.Sprintf("/build/svc/pkg%d/file%d.go", f%300, f%2000)))
		fn.uint(5, uint64(10+f%500))
		p.bytes(5, fn)
	}
	// Locations: one line each, some with an inlined frame.
	for l := 1; l <= *locations; l++ {
		var loc buf
		loc.uint(1, uint64(l))
		loc.uint(3, uint64(0x400000+l*16))
		lines := 1 + rng.Intn(4)/3
		for i := 0; i < lines; i++ {
			var ln buf
			ln.uint(1, uint64(1+rng.Intn(*functions)))
			ln.uint(2, uint64(10+rng.Intn(800)))
			loc.bytes(4, ln)
		}
		p.bytes(4, loc)
	}
	// Stacks are random walks down a fixed call graph (each location calls a few others), so they
	// share prefixes the way a real program's stacks do.
	const fanout = 4
	callees := make([][fanout]uint64, *locations+1)
	for l := range callees {
		for k := range callees[l] {
			callees[l][k] = uint64(1 + rng.Intn(*locations))
		}
	}
	sizes := []uint64{8, 16, 32, 48, 64, 128, 256, 512, 1024, 4096, 8192, 32768}
	stack := make([]uint64, 0, 64)
	for s := 0; s < *samples; s++ {
		stack = stack[:0]
		depth := 8 + rng.Intn(24)
		at := uint64(1 + rng.Intn(50)) // one of a few entry points (main, goroutine roots)
		for i := 0; i < depth; i++ {
			stack = append(stack, at)
			at = callees[at][rng.Intn(fanout)]
		}
		for i, j := 0, len(stack)-1; i < j; i, j = i+1, j-1 { // leaf first
			stack[i], stack[j] = stack[j], stack[i]
		}
		size := sizes[rng.Intn(len(sizes))]
		alloc := uint64(1 + rng.Intn(1000))
		inuse := alloc / uint64(1+rng.Intn(4))
		var sm buf
		sm.packed(1, stack)
		sm.packed(2, []uint64{alloc, alloc * size, inuse, inuse * size})
		var label buf
		label.uint(1, bytesKey)
		label.uint(3, size)
		sm.bytes(3, label)
		p.bytes(2, sm)
	}
	var period buf
	period.uint(1, str("space"))
	period.uint(2, str("bytes"))
	p.bytes(11, period)
	for _, s := range strs {
		p.bytes(6, []byte(s))
	}
	p.uint(12, 524288)

	f, err := os.Create(*out)
	if err != nil {
		panic(err)
	}
	zw := gzip.NewWriter(f)
	if _, err := zw.Write(p); err != nil {
		panic(err)
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	if err := f.Close(); err != nil {
		panic(err)
	}
	fmt.Fprintf(os.Stderr, "%s: %d bytes uncompressed, %d samples\n", *out, len(p), *samples)
}
