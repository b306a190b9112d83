// Command shop runs the example shop's HTTP server.
package main

import (
	"flag"
	"log"
	"net/http"
	_ "net/http/pprof" // /debug/pprof/heap, for `mapscope watch` and `mapscope heap`
	"time"

	"example.com/shop/cache"
	"example.com/shop/server"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	flag.Parse()

	mux := server.NewMux()
	mux.Handle("/debug/pprof/", http.DefaultServeMux)

	recent := cache.NewTTLCache(time.Minute)
	go func() {
		for now := range time.Tick(30 * time.Second) {
			recent.Sweep(now)
		}
	}()

	log.Printf("shop listening on %s", *addr)
	log.Fatal(http.ListenAndServe(*addr, mux))
}
