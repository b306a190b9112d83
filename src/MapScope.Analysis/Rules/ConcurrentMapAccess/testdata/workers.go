package testdata

import "sync"

var results = map[int]int{}

func fanOut(n int) {
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			results[i] = i * i // want `package-level map results is written with no mutex held from a goroutine started on line 11 in a loop`
		}(i)
	}
	wg.Wait()
}

var progress = map[string]int{}

func worker(jobs <-chan string) {
	for j := range jobs {
		progress[j]++ // want `package-level map progress is written with no mutex held from a goroutine started on line 28:`
	}
}

func startWorker(jobs chan string) int {
	go worker(jobs)
	return len(progress) // read by other code while the worker writes
}

// ---- not reported ----

// confined: only the goroutine ever touches owned
var owned = map[string]int{}

func owner(jobs <-chan string) {
	for j := range jobs {
		owned[j]++
	}
}

func startOwner(jobs chan string) {
	owned["start"] = 0 // before the goroutine exists
	go owner(jobs)
}

var lockedResults = map[int]int{}

func fanOutLocked(n int) {
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			mu.Lock()
			lockedResults[i] = i
			mu.Unlock()
		}(i)
	}
	wg.Wait()
}

// a local map handed to one goroutine
func handOff() <-chan map[string]int {
	ch := make(chan map[string]int)
	go func() {
		m := map[string]int{}
		m["a"] = 1
		ch <- m
	}()
	return ch
}
