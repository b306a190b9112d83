package elsewhere

import (
	"encoding/json"
	"maps"
	"sync"
)

// ---- a constructor that makes every map field but one ----

type Store struct {
	mu       sync.Mutex
	Users    map[string]bool            `json:"users"`
	Members  map[string][]string        `json:"members"`
	Keys     map[string]string          `json:"keys"`
	counters map[string]int
}

func (s *Store) SetKey(room, k string) {
	s.mu.Lock()
	s.Keys[room] = k // want `assignment to entry in nil map: the literal of Store at new.go:\d+ makes map fields Users, Members but not Keys, and nothing in the package sets Keys, so s.Keys can be nil here`
	s.mu.Unlock()
}

func (s *Store) AddUser(u string) {
	s.Users[u] = true // made by the constructor
}

func (s *Store) Count(k string) {
	if s.counters == nil {
		s.counters = map[string]int{}
	}
	s.counters[k]++
}

// ---- a field reset to nil and never made again ----

type Session struct {
	open   bool
	values map[string]string
	closed map[string]bool
}

func NewSession() *Session { return &Session{values: map[string]string{}, closed: map[string]bool{}} }

// a field of the same name on another type, reset there: says nothing about Session
type other struct{ values map[string]string }

func (o *other) drop() { o.values = nil }

func (s *Session) Expire() {
	s.values = nil
}

// Close ends the session: writes after it are use-after-close, not a nil path the rule reports.
func (s *Session) Close() { s.closed = nil }

func (s *Session) Mark(k string) { s.closed[k] = true }

func (s *Session) Put(k, v string) {
	s.values[k] = v // want `s.values = nil at store.go:\d+ resets it and nothing in the package makes values again`
}

// ---- a lazy cache under an emptiness guard ----

type FileCoverage struct {
	File   string `json:"file"`
	Blocks []int  `json:"blocks"`
	cache  map[int][]int
}

func NewFileCoverage(f string) *FileCoverage {
	return &FileCoverage{File: f, cache: map[int][]int{}}
}

func (fc *FileCoverage) BlocksOn(line int) []int {
	if len(fc.cache) == 0 {
		for _, b := range fc.Blocks {
			fc.cache[b] = append(fc.cache[b], b) // want `the write sits under .if len\(fc.cache\) == 0., which is also true for a nil map.*FileCoverage is decoded`
		}
	}
	return fc.cache[line]
}

func (fc *FileCoverage) nilGuard(k int) {
	if fc.cache == nil {
		fc.cache[k] = nil // want `the write sits under .if fc.cache == nil. and nothing assigns cache first`
	}
}

type Guarded struct {
	Name string `json:"name"`
	memo map[string]int
}

func (g *Guarded) fill(k string) {
	if len(g.memo) == 0 {
		g.memo = make(map[string]int)
		g.memo[k] = 1
	}
}

func (g *Guarded) refill(k string) {
	if len(g.memo) == 0 {
		g.memo[k] = 1 // memo is assigned in fill: values reaching here may hold a made map; not reported
	}
}

// ---- an unexported package map nothing initializes ----

var cache map[string]int

var seen = map[string]bool{}

var lazy map[string]int

func Remember(k string) {
	cache[k] = len(k) // want `assignment to entry in nil map: package variable cache is declared without a value and nothing in the package assigns it.*var cache = make\(map\[string\]int\)`
	seen[k] = true
	if lazy == nil {
		lazy = map[string]int{}
	}
	lazy[k]++
}

// ---- nested writes into inner maps nobody made ----

func group(pairs [][2]string) map[string]map[string]int {
	m := map[string]map[string]int{}
	for _, p := range pairs {
		m[p[0]][p[1]]++ // want `assignment to entry in nil map: m\[p\[0\]\] is the nil zero value because nothing in this function stores an inner map in m`
	}
	return m
}

func groupMade(pairs [][2]string) map[string]map[string]int {
	m := make(map[string]map[string]int)
	for _, p := range pairs {
		if m[p[0]] == nil {
			m[p[0]] = map[string]int{}
		}
		m[p[0]][p[1]]++
	}
	return m
}

func groupFilled(m map[string]map[string]int, a, b string) {
	m[a][b] = 1 // a parameter: the caller may have made the inner maps
}

// ---- decoding fills a map only when the input has it ----

type Config struct {
	Name   string            `json:"name"`
	Labels map[string]string `json:"labels"`
}

func withLabel(data []byte, k, v string) (map[string]string, error) {
	var cfg Config
	if err := json.Unmarshal(data, &cfg); err != nil {
		return nil, err
	}
	c := maps.Clone(cfg.Labels)
	c[k] = v // want `cfg.Labels is only set by Unmarshal\(&...\), which leaves it nil when the input has no such field, and maps.Clone of a nil map returns nil`
	return c, nil
}

func withLabelChecked(data []byte, k, v string) (map[string]string, error) {
	var cfg Config
	if err := json.Unmarshal(data, &cfg); err != nil {
		return nil, err
	}
	c := maps.Clone(cfg.Labels)
	if c == nil {
		c = map[string]string{}
	}
	c[k] = v
	return c, nil
}

func withVersion(raw []byte, present bool, ver string) ([]byte, error) {
	var vals map[string]any
	if present {
		if err := json.Unmarshal(raw, &vals); err != nil {
			return nil, err
		}
	}
	vals["version"] = ver // want `vals is declared without a value, only the if at line \d+ assigns it, and the path that skips it leaves it nil`
	return json.Marshal(vals)
}

func withVersionElse(raw []byte, present bool, ver string) ([]byte, error) {
	var vals map[string]any
	if present {
		if err := json.Unmarshal(raw, &vals); err != nil {
			return nil, err
		}
	} else {
		vals = map[string]any{}
	}
	vals["version"] = ver
	return json.Marshal(vals)
}

func onlyWhenNeeded(items []string) map[string]bool {
	var set map[string]bool
	if len(items) > 0 {
		set = make(map[string]bool, len(items))
	}
	for _, it := range items {
		set[it] = true // the loop runs only when the branch made the map: not reported
	}
	return set
}

// ---- a reset that marks the value done: writers check the flag ----

type stream struct {
	inactive bool
	subs     map[string]int
}

func newStream() *stream { return &stream{subs: map[string]int{}} }

func (s *stream) deactivate() {
	s.inactive = true
	s.subs = nil
}

func (s *stream) subscribe(k string) {
	if s.inactive {
		return
	}
	s.subs[k]++
}

// ---- a zero struct that only a decoder fills ----

type Message struct {
	Source   string            `json:"source"`
	Metadata map[string]string `json:"metadata"`
}

func tag(data []byte, partner string) ([]byte, error) {
	var msg Message
	if err := json.Unmarshal(data, &msg); err != nil {
		return nil, err
	}
	msg.Metadata["partner"] = partner // want `msg starts as a zero value and only Unmarshal\(&...\) fills it, which leaves msg.Metadata nil when the input has no Metadata`
	return json.Marshal(&msg)
}

func tagChecked(data []byte, partner string) ([]byte, error) {
	var msg Message
	if err := json.Unmarshal(data, &msg); err != nil {
		return nil, err
	}
	if msg.Metadata == nil {
		msg.Metadata = map[string]string{}
	}
	msg.Metadata["partner"] = partner
	return json.Marshal(&msg)
}

type selfDecoding struct {
	Meta map[string]string
}

func (s *selfDecoding) UnmarshalJSON(b []byte) error {
	s.Meta = map[string]string{}
	return json.Unmarshal(b, &s.Meta)
}

func tagSelf(data []byte) {
	var s selfDecoding
	_ = json.Unmarshal(data, &s)
	s.Meta["x"] = "y" // the type makes its own map while decoding
}

// a value this function builds itself has the literal's map: not reported
func newSessionWith(k string) *Session {
	s := &Session{values: map[string]string{}}
	s.values[k] = "first"
	return s
}

// ---- resets that move the value to another state, or end a value the function made ----

// A meter records instruments until a delegate is set; then the map is dropped, and every writer checks the
// delegate first (the state the reset moved to), so no write reaches the nil map.
type Meter struct {
	delegate    func(string) int
	instruments map[string]int
}

func NewMeter() *Meter { return &Meter{instruments: map[string]int{}} }

func (m *Meter) SetDelegate(d func(string) int) {
	m.delegate = d
	m.instruments = nil
}

func (m *Meter) Counter(name string) int {
	if m.delegate != nil {
		return m.delegate(name)
	}
	m.instruments[name]++
	return m.instruments[name]
}

// A writer that does not look at the new state still reaches the nil map.
func (m *Meter) Preload(name string) {
	m.instruments[name] = 0 // want `m.instruments = nil at store.go:\d+ resets it and nothing in the package makes instruments again`
}

// A loader made by the function hands its maps to the result and drops them, so that the deferred cleanup does not
// close them; nothing touches the loader afterwards.
type loader struct {
	progs map[string]int
}

func newLoader() *loader { return &loader{progs: map[string]int{}} }

func (l *loader) load(name string) { l.progs[name] = len(name) }

func (l *loader) cleanup() {
	for k := range l.progs {
		_ = k
	}
}

func LoadAll(names []string) map[string]int {
	l := newLoader()
	defer l.cleanup()
	for _, n := range names {
		l.load(n)
	}
	progs := l.progs
	l.progs = nil
	return progs
}
