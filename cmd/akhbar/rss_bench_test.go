package main

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/akhbar/akhbar/feed/cache"
	"github.com/akhbar/akhbar/tui/i18n"
)

// The peak-memory benchmark of issue 5 runs the real binary in tmux on a
// generated cache of 100,000 items with articles of about 3 KB, half of
// them Arabic, in 500 feeds (cache.Generate). Generating it takes about a
// minute; to reuse one across runs, make it once and name it:
//
//	go run ./cmd/gencache -items 100000 -feeds 500 -out /tmp/cache.db
//	AKHBAR_BENCH_CACHE=/tmp/cache.db go test -run '^$' -bench BrowsePeakRSS ./cmd/akhbar
//
// Browsing marks the opened articles read in that cache.

// scaleCacheEnv names an existing generated cache to use instead of
// generating one.
const scaleCacheEnv = "AKHBAR_BENCH_CACHE"

// scaleData is the XDG data folder holding the generated cache as
// akhbar/cache.db, made at most once per test binary run in the folder
// of the binary, which TestMain removes.
var scaleData struct {
	once sync.Once
	dir  string
	err  error
}

// scaleDataHome returns an XDG data folder whose akhbar/cache.db is the
// generated 100k cache: a link to the one AKHBAR_BENCH_CACHE names, or
// one generated for this run.
func scaleDataHome(b *testing.B) string {
	b.Helper()
	if p := os.Getenv(scaleCacheEnv); p != "" {
		abs, err := filepath.Abs(p)
		if err != nil {
			b.Fatal(err)
		}
		dir := b.TempDir()
		if err := os.Mkdir(filepath.Join(dir, "akhbar"), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.Symlink(abs, filepath.Join(dir, "akhbar", "cache.db")); err != nil {
			b.Fatal(err)
		}
		return dir
	}
	scaleData.once.Do(func() {
		scaleData.dir = filepath.Join(filepath.Dir(binary), "scale-data")
		if scaleData.err = os.MkdirAll(filepath.Join(scaleData.dir, "akhbar"), 0o755); scaleData.err != nil {
			return
		}
		start := time.Now()
		scaleData.err = cache.Generate(filepath.Join(scaleData.dir, "akhbar", "cache.db"), 100_000, 500)
		fmt.Fprintf(os.Stderr, "generated the 100k cache in %s\n", time.Since(start).Round(time.Second))
	})
	if scaleData.err != nil {
		b.Fatalf("generate the 100k cache: %v", scaleData.err)
	}
	return scaleData.dir
}

// Terminal size of the browsing session: articles of about 3 KB are a
// little longer than one screen, as on a laptop.
const browseW, browseH = 100, 30

// BenchmarkBrowsePeakRSS runs akhbar on the generated cache and browses
// like a person: pages down through about 3,000 headlines, jumps to the
// bottom and back, opens 20 articles and scrolls each to its end, and
// searches twice (Arabic, English). It reports the peak resident memory
// of the akhbar process (VmHWM) over the whole session; its resident
// memory at the end, anonymous (Go heap, SQLite's allocations) and
// file-backed (mostly the binary's own pages); and the time from starting
// tmux to the first screen (polled every 10 ms, so approximate). With
// several iterations each metric is the largest seen.
func BenchmarkBrowsePeakRSS(b *testing.B) {
	data := scaleDataHome(b)
	var peak, anon, file, first float64
	for b.Loop() {
		mem, ms := browse(b, data)
		peak, first = max(peak, mem["VmHWM"]), max(first, ms)
		anon, file = max(anon, mem["RssAnon"]), max(file, mem["RssFile"])
	}
	b.ReportMetric(peak, "peak-RSS-MB")
	b.ReportMetric(anon, "end-anon-RSS-MB")
	b.ReportMetric(file, "end-file-RSS-MB")
	b.ReportMetric(first, "first-screen-ms")
}

// browse runs one session and returns the memory of akhbar at its end
// (see memory) and the time to the first screen in ms.
func browse(b *testing.B, data string) (mem map[string]float64, firstMS float64) {
	dir := b.TempDir()
	env := []string{
		"XDG_CONFIG_HOME=" + filepath.Join(dir, "config"),
		"XDG_DATA_HOME=" + data,
		"XDG_STATE_HOME=" + filepath.Join(dir, "state"),
		"XDG_CACHE_HOME=" + filepath.Join(dir, "cache"),
		"LC_ALL=C.UTF-8",
	}
	config := "[refresh]\ninterval = \"0\"\n\n[display]\nbidi = \"visual\"\n\n[ui]\nlanguage = \"en\"\n"
	if err := os.MkdirAll(filepath.Join(dir, "config", "akhbar"), 0o755); err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "config", "akhbar", "config.toml"), []byte(config), 0o644); err != nil {
		b.Fatal(err)
	}
	cat := i18n.New(i18n.EN, i18n.Latin)
	at := func(row int) string { return " " + cat.Number(row+1) + "/" + cat.Number(100_000) }

	start := time.Now()
	term := startTmux(b, env, browseW, browseH, binary)
	term.waitFor(at(0), "folder 0")
	firstMS = float64(time.Since(start).Microseconds()) / 1000
	pid := term.pid()

	// Page down through about 3,000 headlines, ten pages at a time; a page
	// is the list's height, the screen less the header and status lines.
	page, row := browseH-2, 0
	for range 11 {
		term.send(repeat("PageDown", 10)...)
		row += 10 * page
		term.waitFor(at(row))
	}
	term.send("G")
	term.waitFor(at(99_999))
	term.send("g")
	term.waitFor(at(0))

	for i := range 20 {
		term.send("Enter")
		term.waitUntil("the article", func(s string) bool {
			return strings.Contains(s, "article ") && !strings.Contains(s, "Loading…")
		})
		term.send("PageDown", "j", "j", "j", "G")
		term.waitFor("article 100%")
		term.send("Escape") // alone: an escape followed at once by j would read as alt+j
		term.waitFor(at(i))
		term.send("j")
		term.waitFor(at(i + 1))
	}

	for _, query := range []string{"مشروع", "project"} {
		term.send("/", "C-u") // the prompt opens on the last query: clear it
		term.waitFor("Search: ▏")
		term.sendText(query)
		term.send("Enter")
		term.waitFor("— 200 found", at(20)) // the query itself shows in visual order
		term.send("Escape")
		term.waitUntil("the list again", func(s string) bool { return !strings.Contains(s, "200 found") })
	}

	mem = memory(b, pid, "VmHWM", "RssAnon", "RssFile")
	term.send("q")
	term.waitExit()
	return mem, firstMS
}

func repeat(key string, n int) []string {
	keys := make([]string, n)
	for i := range keys {
		keys[i] = key
	}
	return keys
}

// memory reads fields of /proc/<pid>/status in MB (VmHWM: the peak
// resident set; RssAnon, RssFile: the resident set now, anonymous and
// file-backed), checking that the process is akhbar.
func memory(b *testing.B, pid int, fields ...string) map[string]float64 {
	b.Helper()
	comm, err := os.ReadFile(fmt.Sprintf("/proc/%d/comm", pid))
	if err != nil {
		b.Fatalf("read the name of process %d: %v", pid, err)
	}
	if name := strings.TrimSpace(string(comm)); name != "akhbar" {
		b.Fatalf("process %d in the pane is %q, not akhbar", pid, name)
	}
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		b.Fatalf("read the status of akhbar: %v", err)
	}
	defer f.Close()
	mb := map[string]float64{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		name, rest, _ := strings.Cut(sc.Text(), ":")
		if !slices.Contains(fields, name) {
			continue
		}
		kb, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
		if err != nil {
			b.Fatalf("%s %q: %v", name, rest, err)
		}
		mb[name] = float64(kb) / 1024
	}
	if err := sc.Err(); err != nil {
		b.Fatalf("read the status of akhbar: %v", err)
	}
	for _, name := range fields {
		if _, ok := mb[name]; !ok {
			b.Fatalf("no %s in the status of akhbar", name)
		}
	}
	return mb
}
