// Command gencache writes a synthetic akhbar cache for benchmarks and
// manual testing:
//
//	go run ./cmd/gencache -items 100000 -feeds 500 -out /tmp/cache.db
//
// Half the feeds are Arabic and half English; every item has an article
// of about 3 KB. See cache.Generate.
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/akhbar/akhbar/feed/cache"
)

func main() {
	items := flag.Int("items", 100000, "number of items (each with an article)")
	feeds := flag.Int("feeds", 500, "number of feeds")
	out := flag.String("out", "cache.db", "path of the cache to write (must not exist)")
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "gencache: unexpected arguments:", flag.Args())
		os.Exit(1)
	}
	if _, err := os.Stat(*out); err == nil {
		fmt.Fprintf(os.Stderr, "gencache: %s exists; remove it first\n", *out)
		os.Exit(1)
	}
	start := time.Now()
	if err := cache.Generate(*out, *items, *feeds); err != nil {
		fmt.Fprintln(os.Stderr, "gencache:", err)
		os.Exit(1)
	}
	fmt.Fprintf(os.Stderr, "gencache: wrote %d items in %d feeds to %s in %s\n",
		*items, *feeds, *out, time.Since(start).Round(time.Millisecond))
}
