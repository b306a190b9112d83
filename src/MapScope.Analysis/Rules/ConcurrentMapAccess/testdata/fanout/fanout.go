// Local maps shared by goroutines started in a loop.
package fanout

import (
	"context"
	"sync"

	"golang.org/x/sync/errgroup"
)

type Result struct{ Size int }

func sizes(paths []string) map[string]int {
	out := map[string]int{}
	var wg sync.WaitGroup
	for _, p := range paths {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[p] = len(p) // want `map out \(declared in sizes, outside the loop\) is written with no mutex held by goroutines started in a loop on line 18: concurrent writes crash the program with "fatal error: concurrent map writes" — guard it with a sync.Mutex, or have each goroutine send its result over a channel`
		}()
	}
	wg.Wait()
	return out
}

func fetchAll(ctx context.Context, ids []string) (map[string]Result, error) {
	results := make(map[string]Result)
	g, ctx := errgroup.WithContext(ctx)
	for _, id := range ids {
		g.Go(func() error {
			results[id] = Result{Size: len(id)} // want `map results \(declared in fetchAll, outside the loop\) is written with no mutex held by goroutines started in a loop on line 31`
			return nil
		})
	}
	return results, g.Wait()
}

// the map reaches the goroutine as an argument, through a helper
func countWords(docs []string) map[string]int {
	counts := map[string]int{}
	var wg sync.WaitGroup
	for _, d := range docs {
		wg.Add(1)
		go countInto(counts, d, &wg)
	}
	wg.Wait()
	return counts
}

func countInto(m map[string]int, doc string, wg *sync.WaitGroup) {
	defer wg.Done()
	tally(m, doc)
}

func tally(into map[string]int, doc string) {
	into[doc]++ // want `map counts \(declared in countWords, outside the loop\) is written with no mutex held by goroutines started in a loop on line 45 \(through countInto, tally\)`
}

// ---- not reported ----

func sizesLocked(paths []string) map[string]int {
	out := map[string]int{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, p := range paths {
		wg.Add(1)
		go func() {
			defer wg.Done()
			mu.Lock()
			out[p] = len(p)
			mu.Unlock()
		}()
	}
	wg.Wait()
	out["total"] = len(paths) // after wg.Wait: every goroutine is done
	return out
}

// a map made per iteration, or inside the goroutine, belongs to one goroutine
func perIteration(groups [][]string) []map[string]int {
	res := make([]map[string]int, len(groups))
	var wg sync.WaitGroup
	for i, g := range groups {
		m := map[string]int{}
		res[i] = m
		wg.Add(1)
		go func() {
			defer wg.Done()
			for _, s := range g {
				m[s]++
			}
			own := map[string]int{}
			own[g[0]] = 1
		}()
	}
	wg.Wait()
	return res
}

// the loop variable itself is a different map on every iteration
func eachMap(ms []map[string]int) {
	var wg sync.WaitGroup
	for _, m := range ms {
		wg.Add(1)
		go func() {
			defer wg.Done()
			m["seen"] = 1
		}()
	}
	wg.Wait()
}

// results come back over a channel; only the starter writes the map
func viaChannel(paths []string) map[string]int {
	out := map[string]int{}
	type kv struct {
		k string
		v int
	}
	ch := make(chan kv)
	for _, p := range paths {
		go func() { ch <- kv{p, len(p)} }()
	}
	for range paths {
		r := <-ch
		out[r.k] = r.v
	}
	return out
}

// sync.Map is safe for concurrent use
func viaSyncMap(paths []string) *sync.Map {
	var out sync.Map
	var wg sync.WaitGroup
	for _, p := range paths {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out.Store(p, len(p))
		}()
	}
	wg.Wait()
	return &out
}

// one goroutine at a time: the loop waits for each before starting the next
func oneAtATime(paths []string) map[string]int {
	out := map[string]int{}
	var wg sync.WaitGroup
	for _, p := range paths {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out[p] = 1
		}()
		wg.Wait()
	}
	return out
}

// the helper locks before writing
func countLocked(docs []string) map[string]int {
	counts := map[string]int{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for _, d := range docs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			tallyLocked(&mu, counts, d)
		}()
	}
	wg.Wait()
	return counts
}

func tallyLocked(mu *sync.Mutex, into map[string]int, doc string) {
	mu.Lock()
	defer mu.Unlock()
	into[doc]++
}
