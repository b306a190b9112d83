// Command gospans is the go/parser oracle for `mapscope ast --format spans`.
//
// Usage: gospans FILE...   or   gospans - (file paths, one per line, on stdin)
//
// For each file it prints "== PATH" (as given), then "ERROR" if go/parser rejects the file, otherwise
// one line "KIND START END" per node that ast.Inspect visits, comments excluded: KIND is the go/ast type
// name, START and END the byte offsets of Pos() and End(), -1 for an invalid position.
// Files are parsed in parallel; output keeps the input order.
package main

import (
	"bufio"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"os"
	"reflect"
	"runtime"
	"strconv"
	"sync"
)

func main() {
	paths, err := inputPaths(os.Args[1:])
	if err != nil {
		fmt.Fprintln(os.Stderr, "gospans:", err)
		os.Exit(2)
	}

	// One result slot per file; workers fill them, main prints them in order.
	results := make([]chan []byte, len(paths))
	for i := range results {
		results[i] = make(chan []byte, 1)
	}
	next := make(chan int)
	const lookahead = 64
	printed := make(chan struct{}, lookahead)
	var wg sync.WaitGroup
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i] <- spans(paths[i])
			}
		}()
	}
	go func() {
		// Bounded look-ahead keeps memory flat on huge file lists.
		for i := range paths {
			if i >= lookahead {
				<-printed
			}
			next <- i
		}
		close(next)
	}()

	out := bufio.NewWriterSize(os.Stdout, 1<<20)
	for i := range paths {
		out.Write(<-results[i])
		select {
		case printed <- struct{}{}:
		default: // the feeder has stopped waiting
		}
	}
	wg.Wait()
	if err := out.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "gospans:", err)
		os.Exit(2)
	}
}

func inputPaths(args []string) ([]string, error) {
	if len(args) != 1 || args[0] != "-" {
		return args, nil
	}
	var paths []string
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for sc.Scan() {
		if line := sc.Text(); line != "" {
			paths = append(paths, line)
		}
	}
	return paths, sc.Err()
}

func spans(path string) []byte {
	buf := make([]byte, 0, 4096)
	buf = append(buf, "== "...)
	buf = append(buf, path...)
	buf = append(buf, '\n')

	fset := token.NewFileSet()
	base := fset.Base() // the base the parsed file gets; offsets are pos - base
	file, err := parser.ParseFile(fset, path, nil, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		if _, syntax := err.(scanner.ErrorList); !syntax {
			fmt.Fprintln(os.Stderr, "gospans:", err) // unreadable, not rejected: say so
		}
		return append(buf, "ERROR\n"...)
	}
	ast.Inspect(file, func(n ast.Node) bool {
		switch n.(type) {
		case nil:
			return false
		case *ast.Comment, *ast.CommentGroup:
			return true
		}
		buf = append(buf, reflect.TypeOf(n).Elem().Name()...)
		buf = append(buf, ' ')
		buf = appendOffset(buf, n.Pos(), base)
		buf = append(buf, ' ')
		buf = appendOffset(buf, n.End(), base)
		buf = append(buf, '\n')
		return true
	})
	return buf
}

// appendOffset avoids fset.Position: End() may be base+size (one past the last byte), and plain
// arithmetic is exact for a file set holding one file.
func appendOffset(buf []byte, p token.Pos, base int) []byte {
	if !p.IsValid() {
		return append(buf, "-1"...)
	}
	return strconv.AppendInt(buf, int64(int(p)-base), 10)
}
