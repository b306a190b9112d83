// Command tool: a main package, skipped like internal ones.
package main

var seen = map[string]bool{}

func Mark(s string) { seen[s] = true }

func main() { Mark("x") }
