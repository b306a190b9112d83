// Package lib exercises the type layer: named map types, generics, embedding, aliases.
package lib

import "net/url"

// Index is a named map type with methods.
type Index map[string][]int

func (ix Index) Add(k string, v int) { ix[k] = append(ix[k], v) }

// Values is an alias of another package's map type.
type Values = url.Values

// Cache is a generic map wrapper.
type Cache[K comparable, V any] struct {
	items map[K]V
	Meta  map[string]string
}

func NewCache[K comparable, V any]() *Cache[K, V] {
	return &Cache[K, V]{items: make(map[K]V), Meta: map[string]string{}}
}

func (c *Cache[K, V]) Items() map[K]V { return c.items }

func (c *Cache[K, V]) Put(k K, v V) { c.items[k] = v }

// Base is embedded below.
type Base struct {
	Tags map[string]bool
}

func (b *Base) TagSet() map[string]bool { return b.Tags }

// Server embeds Base and a pointer to an Index.
type Server struct {
	Base
	*Registry
	sessions map[int64]*Session
}

type Registry struct {
	ByName Index
}

type Session struct{ Attrs map[string]any }

// Keys is a generic function over maps.
func Keys[M ~map[K]V, K comparable, V any](m M) []K {
	out := make([]K, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

func Clone[M ~map[K]V, K comparable, V any](m M) M {
	c := make(M, len(m))
	for k, v := range m {
		c[k] = v
	}
	return c
}
