package testdata

import (
	"reflect"
	"sync"
)

// A per-type metadata cache (as encoding/json keeps its encoders): whatever the computation, it derives the value
// from the type, so a lost Store loses an equal value — info.
type fieldInfo struct {
	tag   string
	names []string
	index map[string]int
}

var fieldCache sync.Map

// the tag the fields are read with, set by the package's options (a package variable: not the key)
var tagName = "json"

func fieldsOf(t reflect.Type) *fieldInfo {
	if v, ok := fieldCache.Load(t); ok {
		return v.(*fieldInfo)
	}
	fi := &fieldInfo{tag: tagName, index: map[string]int{}}
	for i := 0; i < t.NumField(); i++ {
		fi.names = append(fi.names, t.Field(i).Tag.Get(tagName))
		fi.index[t.Field(i).Name] = i
	}
	fieldCache.Store(t, fi) // want `fieldCache.Load\(t\) followed by fieldCache.Store\(t, …\) caches what is derived from the type t, so a racing goroutine stores an equal value`
	return fi
}

// Keyed by a type, but what is stored is a fresh lock that callers share: identity matters, the lost one is a bug.
var typeLocks sync.Map

func lockFor(t reflect.Type) *sync.Mutex {
	if v, ok := typeLocks.Load(t); ok {
		return v.(*sync.Mutex)
	}
	mu := &sync.Mutex{}
	typeLocks.Store(t, mu) // want `typeLocks.Load\(t\) followed by typeLocks.Store\(t, …\) is not atomic`
	return mu
}

// Registration from generated code's init: a duplicate panics, and registrations run one at a time.
var enumCache sync.Map

func RegisterEnum(name string, values map[string]int32) {
	if _, ok := enumCache.Load(name); ok {
		panic("duplicate enum registered: " + name)
	}
	enumCache.Store(name, values)
}

// The same shape outside registration races.
func AddEnum(name string, values map[string]int32) {
	if _, ok := enumCache.Load(name); ok {
		return
	}
	enumCache.Store(name, values) // want `enumCache.Load\(name\) followed by enumCache.Store\(name, …\) is not atomic`
}

// A get-or-compute function: each racing caller returns the handler it built, one of them stays cached — info.
type handlerKey struct{ name, group string }

type Handler struct{ fields []string }

type logger struct {
	fields   []string
	handlers sync.Map
}

func (l *logger) handlerFor(k handlerKey) *Handler {
	if existing, ok := l.handlers.Load(k); ok {
		return existing.(*Handler)
	}
	h := &Handler{fields: append([]string{k.name, k.group}, l.fields...)}
	l.handlers.Store(k, h) // want `l.handlers.Load\(k\) misses, then l.handlers.Store\(k, …\) caches a computed value and returns it`
	return h
}

// The same shape storing a mutex that callers share: identity matters — a warning.
func (l *logger) lockFor(k handlerKey) *sync.Mutex {
	if existing, ok := l.handlers.Load(k); ok {
		return existing.(*sync.Mutex)
	}
	mu := &sync.Mutex{}
	l.handlers.Store(k, mu) // want `l.handlers.Load\(k\) followed by l.handlers.Store\(k, …\) is not atomic`
	return mu
}
