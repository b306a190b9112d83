// Package cart keeps shopping carts in memory.
package cart

import (
	"errors"
	"sort"
)

// ErrUnknownItem is returned when removing an item that is not in the cart.
var ErrUnknownItem = errors.New("cart: unknown item")

// Cart maps SKUs to quantities.
type Cart struct {
	Owner string
	items map[string]int
	notes map[string]string
}

// New returns an empty cart whose items map is ready for writes.
// It does not make notes: see AddNote.
func New(owner string) *Cart {
	return &Cart{Owner: owner, items: make(map[string]int)}
}

// Add puts qty more of sku in the cart.
func (c *Cart) Add(sku string, qty int) {
	c.items[sku] += qty
}

// Remove takes sku out of the cart; deleting keeps the map from holding dead entries.
func (c *Cart) Remove(sku string) error {
	if _, ok := c.items[sku]; !ok {
		return ErrUnknownItem
	}
	delete(c.items, sku)
	return nil
}

// AddNote attaches a gift note to an item.
func (c *Cart) AddNote(sku, note string) {
	c.notes[sku] = note // BUG: notes is never initialized (New does not make it): assignment to entry in nil map
}

// Note returns the note for sku; reading a nil map is fine and yields "".
func (c *Cart) Note(sku string) string {
	return c.notes[sku]
}

// SKUs returns the cart's SKUs in sorted order.
func (c *Cart) SKUs() []string {
	skus := make([]string, 0, len(c.items))
	for sku := range c.items {
		skus = append(skus, sku)
	}
	sort.Strings(skus)
	return skus
}

// Total returns the number of items in the cart.
func (c *Cart) Total() int {
	n := 0
	for _, qty := range c.items {
		n += qty
	}
	return n
}
