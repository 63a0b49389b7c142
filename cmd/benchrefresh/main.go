// Command benchrefresh measures akhbar's refresh and start-up against
// other terminal news readers on one generated workload, side by side in
// one run (issue 15). It serves deterministic RSS feeds on loopback
// (200 feeds × 50 items of about 2 KB, half Arabic; with -large also
// 500 × 200), and for each reader found, in a fresh home each time,
// measures the CPU time (user + system, from the child's rusage) and the
// peak resident memory of: the first refresh, a refresh where every feed
// answers 304, and, on the small cache, --help, a list of 20 headlines
// and the feed list. It prints the medians of -runs runs as a Markdown
// table, with the ratio of akhbar to newsraft.
//
//	go build -o /tmp/akhbar ./cmd/akhbar
//	go run ./cmd/benchrefresh -akhbar /tmp/akhbar -newsraft /path/to/newsraft -large
//
// newsraft and newsboat are looked up on PATH unless given; a reader
// not found is left out. CPU time is used rather than wall time because
// the machine may be shared.
package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

func main() {
	if err := mainErr(); err != nil {
		fmt.Fprintln(os.Stderr, "benchrefresh:", err)
		os.Exit(1)
	}
}

func mainErr() error {
	akhbar := flag.String("akhbar", "", "the akhbar binary (required)")
	newsraft := flag.String("newsraft", "", "the newsraft binary (default: newsraft on PATH)")
	newsboat := flag.String("newsboat", "", "the newsboat binary (default: newsboat on PATH)")
	runs := flag.Int("runs", 3, "runs of each figure; the median is shown")
	large := flag.Bool("large", false, "also measure 500 feeds × 200 items (100k)")
	flag.Parse()
	if *akhbar == "" {
		return errors.New("-akhbar is required")
	}
	bin := lookPath(*akhbar, "")
	if bin == "" {
		return fmt.Errorf("no akhbar binary at %s", *akhbar)
	}
	readers := []reader{akhbarReader(bin)}
	if bin := lookPath(*newsraft, "newsraft"); bin != "" {
		readers = append(readers, newsraftReader(bin))
	}
	if bin := lookPath(*newsboat, "newsboat"); bin != "" {
		readers = append(readers, newsboatReader(bin))
	}
	sizes := []size{{"", 200, 50, true}}
	if *large {
		sizes = append(sizes, size{"500×200 ", 500, 200, false})
	}
	res := results{}
	for _, sz := range sizes {
		if err := measureSize(res, readers, sz, *runs); err != nil {
			return err
		}
	}
	printTable(os.Stdout, res, readers, sizes, *runs)
	return nil
}

// lookPath is bin if given, else name's path on PATH, else "", made
// absolute: the readers run in their own folders.
func lookPath(bin, name string) string {
	if bin == "" {
		bin = name
	}
	p, err := exec.LookPath(bin)
	if err != nil {
		return ""
	}
	abs, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	return abs
}
