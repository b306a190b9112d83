// Package cache holds the shop's price caches: one that leaks, one that does not.
package cache

import (
	"sync"
	"time"
)

// Price is a price quote for one product in one currency.
type Price struct {
	SKU      string
	Currency string
	Cents    int64
	Fetched  time.Time
}

// quotes caches every price ever looked up.
//
// BUG: the key includes request data (the currency the client asked for, and the
// coupon code) and nothing ever deletes from quotes, so the map only grows.
var (
	quotesMu sync.Mutex
	quotes   = map[string]Price{}
)

// Quote returns the price of sku in currency, caching it forever.
func Quote(sku, currency, coupon string, fetch func(sku, currency string) int64) Price {
	key := sku + "/" + currency + "/" + coupon
	quotesMu.Lock()
	defer quotesMu.Unlock()
	if p, ok := quotes[key]; ok {
		return p
	}
	p := Price{SKU: sku, Currency: currency, Cents: fetch(sku, currency), Fetched: time.Now()}
	quotes[key] = p // BUG: insert keyed by request data into a package-level map that is never deleted from
	return p
}

// CachedQuotes reports how many quotes are cached.
func CachedQuotes() int {
	quotesMu.Lock()
	defer quotesMu.Unlock()
	return len(quotes)
}

// TTLCache is a mutex-protected cache whose entries expire; Sweep deletes them.
// It is the correct counterpart of quotes: bounded in time, safe for concurrent use.
type TTLCache struct {
	mu      sync.Mutex
	ttl     time.Duration
	entries map[string]Price
}

// NewTTLCache returns an empty cache whose entries live for ttl.
func NewTTLCache(ttl time.Duration) *TTLCache {
	return &TTLCache{ttl: ttl, entries: make(map[string]Price)}
}

// Get returns the cached price for key if it has not expired.
func (c *TTLCache) Get(key string, now time.Time) (Price, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	p, ok := c.entries[key]
	if !ok || now.Sub(p.Fetched) > c.ttl {
		return Price{}, false
	}
	return p, true
}

// Put stores p under key.
func (c *TTLCache) Put(key string, p Price) {
	c.mu.Lock()
	c.entries[key] = p
	c.mu.Unlock()
}

// Sweep deletes expired entries and returns how many it removed.
func (c *TTLCache) Sweep(now time.Time) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	removed := 0
	for key, p := range c.entries {
		if now.Sub(p.Fetched) > c.ttl {
			delete(c.entries, key)
			removed++
		}
	}
	return removed
}
