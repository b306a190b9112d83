// Package tool is internal: a tool's caches live for one run, so nothing is reported here.
package tool

var interned = map[string]string{}

func Intern(s string) string {
	interned[s] = s
	return s
}
