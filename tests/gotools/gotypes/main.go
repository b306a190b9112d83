// Command gotypes is the go/types oracle for `mapscope types --maps`.
//
// Usage: gotypes DIR...   or   gotypes - (package directories, one per line, on stdin; a line may be
// "DIR<TAB>IMPORTPATH" to name the package's import path, which go/build cannot know in module mode)
//
// For each package directory it type-checks the non-test Go files that go/build selects for this
// GOOS/GOARCH (importing dependencies from source) and prints one line per non-type expression whose
// type is a map or a named type whose underlying type is a map, as go/types records it in Info.Types:
//
//	FILE:LINE:COL<TAB>END_OFFSET<TAB>TYPE
//
// TYPE is types.TypeString(t, nil). Lines are sorted within a package. A package that cannot be
// loaded prints "# DIR: error" to stderr; type errors are ignored (as go vet would report them).
package main

import (
	"bufio"
	"fmt"
	"go/ast"
	"go/build"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

func main() {
	dirs := os.Args[1:]
	if len(dirs) == 1 && dirs[0] == "-" {
		dirs = nil
		sc := bufio.NewScanner(os.Stdin)
		for sc.Scan() {
			if sc.Text() != "" {
				dirs = append(dirs, sc.Text())
			}
		}
	}
	fset := token.NewFileSet()
	imp := importer.ForCompiler(fset, "source", nil)
	out := bufio.NewWriterSize(os.Stdout, 1<<20)
	defer out.Flush()
	for _, line := range dirs {
		dir, path, _ := strings.Cut(line, "\t")
		lines, err := check(fset, imp, dir, path)
		if err != nil {
			fmt.Fprintf(os.Stderr, "# %s: %v\n", dir, err)
			continue
		}
		for _, l := range lines {
			out.WriteString(l)
			out.WriteByte('\n')
		}
	}
}

func check(fset *token.FileSet, imp types.Importer, dir, path string) ([]string, error) {
	bp, err := build.ImportDir(dir, 0)
	if err != nil {
		return nil, err
	}
	var files []*ast.File
	for _, name := range append(append([]string{}, bp.GoFiles...), bp.CgoFiles...) {
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.ParseComments)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	info := &types.Info{Types: map[ast.Expr]types.TypeAndValue{}}
	conf := types.Config{Importer: imp, Error: func(error) {}, FakeImportC: true}
	if path == "" {
		path = bp.ImportPath
	}
	if path == "" || path == "." {
		path = dir
	}
	conf.Check(path, fset, files, info)
	var lines []string
	for e, tv := range info.Types {
		if tv.IsType() || tv.Type == nil {
			continue
		}
		if _, ok := tv.Type.Underlying().(*types.Map); !ok {
			continue
		}
		p := fset.Position(e.Pos())
		end := fset.Position(e.End())
		lines = append(lines, fmt.Sprintf("%s:%d:%d\t%d\t%s", p.Filename, p.Line, p.Column, end.Offset, types.TypeString(tv.Type, nil)))
	}
	sort.Strings(lines)
	return lines, nil
}
