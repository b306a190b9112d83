package testdata

import (
	"encoding/gob"
	"encoding/json"
	"fmt"
	"io"
	"sync"
)

// A metric store persisted by a background loop: every method takes the RWMutex, but persist hands the map to an
// encoder without it. gob walks the map's entries by reflection — an iteration the runtime traps like a range.
type MetricStore struct {
	lock   sync.RWMutex
	groups map[string][]float64
	w      io.Writer
}

func (s *MetricStore) Add(k string, v float64) {
	s.lock.Lock()
	defer s.lock.Unlock()
	s.groups[k] = append(s.groups[k], v)
}

func (s *MetricStore) Delete(k string) {
	s.lock.Lock()
	defer s.lock.Unlock()
	delete(s.groups, k)
}

func (s *MetricStore) Get(k string) []float64 {
	s.lock.RLock()
	defer s.lock.RUnlock()
	return s.groups[k]
}

func (s *MetricStore) persist() error {
	return gob.NewEncoder(s.w).Encode(s.groups) // want `s.groups is iterated \(by an encoder or printer that walks its entries\) without s.lock held; .*"fatal error: concurrent map iteration and map write"`
}

func (s *MetricStore) Loop(tick <-chan struct{}) {
	for range tick {
		_ = s.persist()
	}
}

// printing the map walks it too
func (s *MetricStore) Dump() string {
	return fmt.Sprintf("%v", s.groups) // want `s.groups is iterated \(by an encoder or printer that walks its entries\) without s.lock held`
}

// Encoded under the read lock, or only its length printed: no race.
func (s *MetricStore) Snapshot() ([]byte, error) {
	s.lock.RLock()
	defer s.lock.RUnlock()
	return json.Marshal(s.groups)
}

func (s *MetricStore) String() string {
	return fmt.Sprintf("%d groups", len(s.groups))
}
