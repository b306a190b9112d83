// Command goparse is the Go side of mapscope's parser benchmark: it parses every .go file under a
// directory with go/parser (comments kept) on GOMAXPROCS goroutines and prints the best of -n runs:
//
//	goparser files=F bytes=B seconds=S mbps=X errors=E
//
// Files are read into memory first so only parsing is timed. MB means 1e6 bytes.
package main

import (
	"flag"
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

type source struct {
	path string
	data []byte
}

func main() {
	runs := flag.Int("n", 5, "number of timed runs; the best is reported")
	flag.Usage = func() {
		fmt.Fprintln(os.Stderr, "usage: goparse [-n runs] DIR")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() != 1 || *runs < 1 {
		flag.Usage()
		os.Exit(2)
	}

	files, size, err := load(flag.Arg(0))
	if err != nil {
		fmt.Fprintln(os.Stderr, "goparse:", err)
		os.Exit(2)
	}

	best, bestCPU := time.Duration(-1), time.Duration(-1)
	var errs int64
	for r := 0; r < *runs; r++ {
		cpu0 := cpuTime()
		elapsed, e := parseAll(files)
		cpu := cpuTime() - cpu0
		errs = e
		if best < 0 || elapsed < best {
			best = elapsed
		}
		if bestCPU < 0 || cpu < bestCPU {
			bestCPU = cpu
		}
	}
	secs := best.Seconds()
	fmt.Printf("goparser files=%d bytes=%d seconds=%.3f mbps=%.1f errors=%d cpu-seconds=%.3f\n",
		len(files), size, secs, float64(size)/1e6/secs, errs, bestCPU.Seconds())
}

// load reads every regular .go file under root, in a stable order.
func load(root string) ([]source, int64, error) {
	// GOROOT/src is often a symlink (Debian: /usr/lib/go-1.19/src -> ../../share/go-1.19/src).
	root, err := filepath.EvalSymlinks(root)
	if err != nil {
		return nil, 0, err
	}
	var paths []string
	err = filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.Type().IsRegular() && filepath.Ext(path) == ".go" {
			paths = append(paths, path)
		}
		return nil
	})
	if err != nil {
		return nil, 0, err
	}
	sort.Strings(paths)
	files := make([]source, 0, len(paths))
	var size int64
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, 0, err
		}
		files = append(files, source{p, data})
		size += int64(len(data))
	}
	return files, size, nil
}

// parseAll parses every file once with a worker pool and returns the wall time and the number of
// files go/parser rejected.
// cpuTime is the user+system CPU time of this process so far: less sensitive to other load than wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func parseAll(files []source) (time.Duration, int64) {
	var next, errs int64 = -1, 0
	var wg sync.WaitGroup
	start := time.Now()
	for w := 0; w < runtime.GOMAXPROCS(0); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := atomic.AddInt64(&next, 1)
				if i >= int64(len(files)) {
					return
				}
				f := files[i]
				if _, err := parser.ParseFile(token.NewFileSet(), f.path, f.data, parser.ParseComments); err != nil {
					atomic.AddInt64(&errs, 1)
				}
			}
		}()
	}
	wg.Wait()
	return time.Since(start), errs
}
