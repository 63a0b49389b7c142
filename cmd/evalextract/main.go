// Command evalextract measures feed/article on public corpora of real
// news pages, next to the extractors it is compared with.
//
//	go run . -corpus ../../../shared/corpora        (from cmd/evalextract)
//
// For each corpus (the Article Extraction Benchmark and the fundus parser
// test pages) it runs akhbar's feed/article, readeck go-readability v2
// alone and go-trafilatura (with its fallbacks) on the same decoded
// bytes, scores every page with the benchmark's metric — precision,
// recall and F1 of word 4-gram shingles, macro-averaged over pages — and
// prints the scores, failures, extraction times and akhbar's worst pages
// with the reason. It is a measuring tool, not a test: the corpora are
// not part of the repository. It is its own module so that go-trafilatura
// never enters the application's dependencies.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"
)

func main() {
	dir := flag.String("corpus", "../../../shared/corpora", "folder holding aeb/ and fundus/")
	worst := flag.Int("worst", 12, "how many of akhbar's worst pages to list per corpus")
	show := flag.String("page", "", "print every system's text and score for pages whose id contains this")
	profile := flag.String("cpuprofile", "", "write a CPU profile of the akhbar runs to this file")
	related := flag.Int("related", 0, "print akhbar's related stories of every Nth page instead of scoring")
	langs := flag.Bool("lang", false, "print the language akhbar gives every page instead of scoring")
	flag.Parse()
	if *profile != "" {
		if err := profileAkhbar(*dir, *profile); err != nil {
			fmt.Fprintln(os.Stderr, "evalextract:", err)
			os.Exit(1)
		}
		return
	}
	if err := run(os.Stdout, *dir, *worst, *show, inspect{*related, *langs}); err != nil {
		fmt.Fprintln(os.Stderr, "evalextract:", err)
		os.Exit(1)
	}
}

// run loads both corpora, evaluates every system and writes the report.
func run(w io.Writer, dir string, worst int, show string, in inspect) error {
	aeb, err := loadAEB(filepath.Join(dir, "aeb"))
	if err != nil {
		return err
	}
	fundus, err := loadFundus(filepath.Join(dir, "fundus"))
	if err != nil {
		return err
	}
	for _, c := range []corpus{aeb, fundus} {
		switch {
		case in.related > 0:
			showRelated(w, c, in.related)
			continue
		case in.langs:
			showLangs(w, c)
			continue
		case show != "":
			showPages(w, c, show)
			continue
		}
		report(w, c.Name, evaluate(c), worst)
	}
	return nil
}

// inspect asks for a listing of akhbar's output instead of scores.
type inspect struct {
	related int  // list the related stories of every Nth page
	langs   bool // list every page's language
}

// result is one system's outcome on one page.
type result struct {
	score
	err  error
	took time.Duration // wall time
	cpu  time.Duration // process CPU time, garbage collection included
	text string
}

// pageResults holds every system's result on one page, in systems order.
type pageResults struct {
	page    page
	results []result
}

// evaluate runs every system on every page of c.
func evaluate(c corpus) []pageResults {
	var out []pageResults
	for _, p := range c.Pages {
		out = append(out, runAll(p))
	}
	return out
}

// runAll runs every system on p and scores it.
func runAll(p page) pageResults {
	decoded := decodePage(p.HTML)
	pr := pageResults{page: p}
	for _, s := range systems {
		runtime.GC() // each system pays for its own garbage only
		cpu0, start := cpuTime(), time.Now()
		text, err := s.run(p.URL, p.HTML, decoded)
		r := result{took: time.Since(start), cpu: cpuTime() - cpu0, err: err, text: text}
		if err == nil && len(tokens(text)) == 0 {
			r.err = fmt.Errorf("empty text")
		}
		r.score = scoreText(text, p.Body)
		pr.results = append(pr.results, r)
	}
	return pr
}

// summary is one system's figures over a corpus.
type summary struct {
	P, R, F1          float64
	failures          int
	median, p95       time.Duration // wall time
	cpuMedian, cpuP95 time.Duration // process CPU time
}

// summarize averages the scores of system i over all pages.
func summarize(prs []pageResults, i int) summary {
	var s summary
	var times, cpus []time.Duration
	for _, pr := range prs {
		r := pr.results[i]
		s.P += r.P
		s.R += r.R
		s.F1 += r.F1
		if r.err != nil {
			s.failures++
		}
		times = append(times, r.took)
		cpus = append(cpus, r.cpu)
	}
	n := float64(len(prs))
	s.P, s.R, s.F1 = s.P/n, s.R/n, s.F1/n
	s.median, s.p95 = quantiles(times)
	s.cpuMedian, s.cpuP95 = quantiles(cpus)
	return s
}

// quantiles returns the median and the 95th percentile of ds.
func quantiles(ds []time.Duration) (median, p95 time.Duration) {
	slices.Sort(ds)
	return ds[len(ds)/2], ds[min(len(ds)-1, len(ds)*95/100)]
}

// report writes one corpus's table, akhbar's worst pages and the pages
// akhbar loses where a baseline finds most of the body.
func report(w io.Writer, name string, prs []pageResults, worst int) {
	fmt.Fprintf(w, "\n%s (%d pages)\n", name, len(prs))
	fmt.Fprintf(w, "%-12s %6s %6s %6s %5s %9s %9s %9s %9s\n", "system", "P", "R", "F1", "fail",
		"median", "p95", "cpu-med", "cpu-p95")
	for i, s := range systems {
		sm := summarize(prs, i)
		fmt.Fprintf(w, "%-12s %6.3f %6.3f %6.3f %5d %9s %9s %9s %9s\n", s.name, sm.P, sm.R, sm.F1, sm.failures,
			ms(sm.median), ms(sm.p95), ms(sm.cpuMedian), ms(sm.cpuP95))
	}
	sorted := slices.Clone(prs)
	slices.SortStableFunc(sorted, func(a, b pageResults) int {
		return cmpFloat(a.results[0].F1-bestBaseline(a), b.results[0].F1-bestBaseline(b))
	})
	fmt.Fprintf(w, "worst akhbar pages against the best baseline (F1 akhbar/readeck/trafilatura):\n")
	for _, pr := range sorted[:min(worst, len(sorted))] {
		fmt.Fprintf(w, "  %-40s %.2f/%.2f/%.2f  %s\n", pr.page.ID, pr.results[0].F1, pr.results[1].F1,
			pr.results[2].F1, reason(pr.results[0]))
	}
	lost := 0
	for _, pr := range prs {
		if pr.results[0].err != nil && bestRecall(pr) >= 0.8 {
			fmt.Fprintf(w, "  LOST %s: %s\n", pr.page.ID, reason(pr.results[0]))
			lost++
		}
	}
	fmt.Fprintf(w, "pages akhbar loses where a baseline finds >= 80%% of the body: %d\n", lost)
}

// bestBaseline is the best F1 of the baselines on one page.
func bestBaseline(pr pageResults) float64 {
	best := 0.0
	for _, r := range pr.results[1:] {
		best = max(best, r.F1)
	}
	return best
}

// bestRecall is the best recall of the baselines on one page.
func bestRecall(pr pageResults) float64 {
	best := 0.0
	for _, r := range pr.results[1:] {
		best = max(best, r.R)
	}
	return best
}

// reason says in a few words why a page scored as it did.
func reason(r result) string {
	switch {
	case r.err != nil:
		return "failed: " + firstLine(r.err.Error())
	case r.R < r.P:
		return fmt.Sprintf("missed text (recall %.2f, precision %.2f)", r.R, r.P)
	}
	return fmt.Sprintf("extra text (precision %.2f, recall %.2f)", r.P, r.R)
}

// firstLine cuts s at its first newline and at 120 bytes.
func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	if len(s) > 120 {
		s = s[:120] + "…"
	}
	return s
}

// ms formats d in milliseconds.
func ms(d time.Duration) string { return fmt.Sprintf("%.1fms", float64(d)/1e6) }

// cmpFloat orders two floats.
func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// showPages prints, for every page of c whose id contains match, each
// system's score and text, and the truth lines akhbar missed.
func showPages(w io.Writer, c corpus, match string) {
	for _, p := range c.Pages {
		if !strings.Contains(p.ID, match) {
			continue
		}
		pr := runAll(p)
		fmt.Fprintf(w, "=== %s %s\n", p.ID, p.URL)
		for i, s := range systems {
			r := pr.results[i]
			fmt.Fprintf(w, "--- %s P %.3f R %.3f F1 %.3f %s err=%v\n%s\n", s.name, r.P, r.R, r.F1, r.took, r.err, r.text)
		}
		fmt.Fprintf(w, "--- truth lines akhbar misses\n")
		for _, line := range strings.Split(p.Body, "\n") {
			if len(tokens(line)) > 0 && scoreText(pr.results[0].text, line).R < 0.5 {
				fmt.Fprintf(w, "  - %s\n", line)
			}
		}
	}
}
