package elsewhere

// NewStore makes every map of the store except Keys.
func NewStore() *Store {
	return &Store{
		Users:   make(map[string]bool),
		Members: make(map[string][]string),
	}
}
