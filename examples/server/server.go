// Package server serves the shop's HTTP API.
package server

import (
	"fmt"
	"net/http"
	"strconv"
	"sync"

	"example.com/shop/cache"
	"example.com/shop/cart"
)

// visits counts requests per path.
//
// BUG: handlers run on many goroutines at once and write this map without a lock:
// "fatal error: concurrent map writes" under load.
var visits = map[string]int{}

// carts holds every open cart, guarded by cartsMu (the correct pattern).
var (
	cartsMu sync.Mutex
	carts   = make(map[string]*cart.Cart)
)

// NewMux returns the shop's routes.
func NewMux() *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("/price", handlePrice)
	mux.HandleFunc("/cart/add", handleAdd)
	mux.HandleFunc("/cart/checkout", handleCheckout)
	return mux
}

func handlePrice(w http.ResponseWriter, r *http.Request) {
	visits[r.URL.Path]++ // BUG: unsynchronized write to a shared package-level map from an HTTP handler
	q := r.URL.Query()
	p := cache.Quote(q.Get("sku"), q.Get("currency"), q.Get("coupon"), lookupPrice)
	fmt.Fprintf(w, "%s %d %s\n", p.SKU, p.Cents, p.Currency)
}

func handleAdd(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	qty, err := strconv.Atoi(q.Get("qty"))
	if err != nil || qty <= 0 {
		http.Error(w, "bad qty", http.StatusBadRequest)
		return
	}
	user := q.Get("user")
	cartsMu.Lock()
	c, ok := carts[user]
	if !ok {
		c = cart.New(user)
		carts[user] = c
	}
	c.Add(q.Get("sku"), qty)
	if note := q.Get("note"); note != "" {
		c.AddNote(q.Get("sku"), note)
	}
	total := c.Total()
	cartsMu.Unlock()
	fmt.Fprintf(w, "%d items\n", total)
}

func handleCheckout(w http.ResponseWriter, r *http.Request) {
	user := r.URL.Query().Get("user")
	cartsMu.Lock()
	c, ok := carts[user]
	delete(carts, user) // a checked-out cart leaves the map
	cartsMu.Unlock()
	if !ok {
		http.Error(w, "no cart", http.StatusNotFound)
		return
	}
	fmt.Fprintf(w, "checked out %d items: %v\n", c.Total(), c.SKUs())
}

// lookupPrice stands in for a call to the pricing service.
func lookupPrice(sku, currency string) int64 {
	var sum int64
	for _, b := range []byte(sku + currency) {
		sum += int64(b)
	}
	return sum * 10
}
