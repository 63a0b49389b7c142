package tui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/cache"
	"github.com/akhbar/akhbar/render"
	"github.com/akhbar/akhbar/tui/i18n"
)

// The scale benchmarks of issues 5 and 7 run on a generated cache of
// 100,000 items with articles of about 3 KB, half of them Arabic, in 500
// feeds and ten folders (cache.Generate). Generating it takes about a
// minute; to reuse one across runs, make it once and name it:
//
//	go run ./cmd/gencache -items 100000 -feeds 500 -out /tmp/cache.db
//	AKHBAR_BENCH_CACHE=/tmp/cache.db go test -run '^$' -bench 'ColdStart|View100k' ./tui
//
// The benchmarks open articles, which marks them read in that cache.

// scaleCacheEnv names an existing generated cache to use instead of
// generating one.
const scaleCacheEnv = "AKHBAR_BENCH_CACHE"

// scaleCache is the generated cache, made at most once per test binary
// run in a temporary folder that TestMain removes (removeScaleCache).
var scaleCache struct {
	once sync.Once
	dir  string
	path string
	err  error
}

// scaleCachePath returns the path of the generated 100k cache.
func scaleCachePath(b *testing.B) string {
	b.Helper()
	if p := os.Getenv(scaleCacheEnv); p != "" {
		return p
	}
	scaleCache.once.Do(func() {
		scaleCache.dir, scaleCache.err = os.MkdirTemp("", "akhbar-tui-scale-")
		if scaleCache.err != nil {
			return
		}
		scaleCache.path = filepath.Join(scaleCache.dir, "cache.db")
		start := time.Now()
		scaleCache.err = cache.Generate(scaleCache.path, 100_000, 500)
		fmt.Fprintf(os.Stderr, "generated the 100k cache in %s\n", time.Since(start).Round(time.Second))
	})
	if scaleCache.err != nil {
		b.Fatalf("generate the 100k cache: %v", scaleCache.err)
	}
	return scaleCache.path
}

// removeScaleCache removes the generated cache, if one was made; TestMain
// calls it after the run.
func removeScaleCache() {
	if scaleCache.dir == "" {
		return
	}
	if err := os.RemoveAll(scaleCache.dir); err != nil {
		fmt.Fprintln(os.Stderr, "remove the generated cache:", err)
	}
}

// openScale opens the generated cache for one benchmark.
func openScale(b *testing.B) *cache.Store {
	b.Helper()
	st, err := cache.Open(scaleCachePath(b))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() {
		if err := st.Close(); err != nil {
			b.Error(err)
		}
	})
	return st
}

// scaleModel is a model over st in the given UI language.
func scaleModel(st *cache.Store, lang i18n.Lang) Model {
	return New(Deps{Store: st, Now: func() time.Time { return testNow }},
		Options{Theme: "dark", Bidi: render.Visual, Shape: true, Lang: lang})
}

// Frame size of the scale benchmarks.
const scaleW, scaleH = 120, 40

// BenchmarkColdStart100k measures opening the generated cache of 100,000
// items and producing the first full frame: Init, its commands (feeds
// with unread counts, the first page), the window size, then View. The
// file is in the OS page cache after the first iteration.
func BenchmarkColdStart100k(b *testing.B) {
	path := scaleCachePath(b)
	b.ReportAllocs()
	for b.Loop() {
		st, err := cache.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		m := scaleModel(st, i18n.EN)
		var tm tea.Model = m
		tm = settle(b, tm, m.Init())
		tm = send(b, tm, tea.WindowSizeMsg{Width: scaleW, Height: scaleH})
		frame := tm.View().Content
		if err := st.Close(); err != nil {
			b.Fatal(err)
		}
		if !strings.Contains(frame, "folder 0") {
			b.Fatalf("the first frame lacks the feeds pane:\n%s", frame)
		}
	}
}

// viewCase is one screen of BenchmarkView100k: how to reach it from the
// first screen, and a text the screen must show.
type viewCase struct {
	name  string
	lang  i18n.Lang
	reach func(b *testing.B, m tea.Model) tea.Model
	want  func(m Model) string // "" when the screen is as expected, else what is wrong
}

func viewCases(st *cache.Store) []viewCase {
	return []viewCase{
		{"list-top", i18n.EN, nil, wantList(0)},
		{"list-bottom", i18n.EN, func(b *testing.B, m tea.Model) tea.Model {
			return send(b, m, press("G"))
		}, wantList(99_999)},
		{"folder", i18n.EN, reachFolder, func(m Model) string {
			if e := m.feeds.selected(); e.kind != entryFolder || len(m.list.win) == 0 {
				return "no folder list"
			}
			return ""
		}},
		{"reader-arabic", i18n.EN, reachLongArabic(st), wantReader},
		{"related", i18n.EN, func(b *testing.B, m tea.Model) tea.Model {
			return send(b, reachArabic(b, m), press("f"))
		}, func(m Model) string {
			if !m.related.open || m.related.loading || len(m.related.entries) == 0 {
				return "no related stories"
			}
			return ""
		}},
		{"search-arabic", i18n.EN, func(b *testing.B, m tea.Model) tea.Model {
			m = send(b, m, press("/"))
			m = send(b, m, typeText("مشروع")...)
			return send(b, m, press("enter"))
		}, func(m Model) string {
			if !m.results.open || len(m.results.hits) < searchLimit {
				return fmt.Sprintf("%d hits (error %v), want %d", len(m.results.hits), m.results.err, searchLimit)
			}
			return ""
		}},
		{"help", i18n.EN, func(b *testing.B, m tea.Model) tea.Model {
			return send(b, m, press("?"))
		}, func(m Model) string {
			if !m.showHelp {
				return "no help"
			}
			return ""
		}},
		{"list-arabic-ui", i18n.AR, nil, wantList(0)},
	}
}

// wantList checks that the headline list is loaded with its cursor on row.
func wantList(row int) func(m Model) string {
	return func(m Model) string {
		if m.list.total != 100_000 || m.list.cursor != row || len(m.list.win) == 0 {
			return fmt.Sprintf("list of %d with cursor %d, want 100000 with cursor %d", m.list.total, m.list.cursor, row)
		}
		return ""
	}
}

func wantReader(m Model) string {
	if m.focus != focusReader || m.reader.article.Dir != feed.DirRTL || len(m.reader.page.Lines) < 5*m.reader.height || m.reader.top == 0 {
		return fmt.Sprintf("reader at line %d of %d of a %q article", m.reader.top, len(m.reader.page.Lines), m.reader.article.Dir)
	}
	return ""
}

// reachFolder selects the first folder in the feeds pane.
func reachFolder(b *testing.B, m tea.Model) tea.Model {
	m = send(b, m, tea.KeyPressMsg{Code: tea.KeyTab})
	for range 10 {
		if mm := m.(Model); mm.feeds.selected().kind == entryFolder {
			return m
		}
		m = send(b, m, press("j"))
	}
	b.Fatal("no folder in the feeds pane")
	return m
}

// reachArabic opens the newest Arabic article and scrolls into it.
func reachArabic(b *testing.B, m tea.Model) tea.Model {
	for range 50 {
		mm := m.(Model)
		if it, ok := mm.list.selected(); ok && it.Lang == "ar" {
			return send(b, m, press("enter"), press("j"), press("j"))
		}
		m = send(b, m, press("j"))
	}
	b.Fatal("no Arabic item among the first 50")
	return m
}

// reachLongArabic shows, in place of the newest Arabic article, one made
// of the first ten Arabic articles of the list (about 30 KB), through the
// reader's own path (article message, layout command), and pages down
// to its middle.
func reachLongArabic(st *cache.Store) func(*testing.B, tea.Model) tea.Model {
	return func(b *testing.B, m tea.Model) tea.Model {
		mm := m.(Model)
		var long feed.Article
		for _, it := range mm.list.win {
			if it.Lang != "ar" {
				continue
			}
			a, err := st.Article(context.Background(), it.URL)
			if err != nil {
				b.Fatal(err)
			}
			if long.URL == "" {
				long = a
			} else {
				long.Blocks = append(long.Blocks, a.Blocks...)
			}
			if len(long.Blocks) >= 100 {
				break
			}
		}
		mm.reader, mm.focus = newReader(feed.Item{URL: long.URL, Title: long.Title, Lang: "ar"}, "", mm.paneHeight()), focusReader
		m = send(b, mm, articleMsg{url: long.URL, article: long})
		for range 5 {
			m = send(b, m, tea.KeyPressMsg{Code: tea.KeyPgDown})
		}
		return m
	}
}

// BenchmarkView100k measures one frame (View) of each screen over the
// generated cache of 100,000 items. Reaching the screen is not timed.
func BenchmarkView100k(b *testing.B) {
	st := openScale(b)
	for _, c := range viewCases(st) {
		b.Run(c.name, func(b *testing.B) {
			var m tea.Model = scaleModel(st, c.lang)
			m = settle(b, m, m.Init())
			m = send(b, m, tea.WindowSizeMsg{Width: scaleW, Height: scaleH})
			if c.reach != nil {
				m = c.reach(b, m)
			}
			if bad := c.want(m.(Model)); bad != "" {
				b.Fatalf("%s: %s:\n%s", c.name, bad, screen(m))
			}
			b.ReportAllocs()
			for b.Loop() {
				_ = m.View()
			}
		})
	}
	// The frame after a change (a resize, a new page): no row laid out yet.
	b.Run("list-top-cold", func(b *testing.B) {
		var m tea.Model = scaleModel(st, "")
		m = settle(b, m, m.Init())
		m = send(b, m, tea.WindowSizeMsg{Width: scaleW, Height: scaleH})
		b.ReportAllocs()
		for b.Loop() {
			mm := m.(Model)
			mm.list.laidOut = newRowCache()
			_ = mm.View()
		}
	})
}

// BenchmarkOpenArabic100k measures opening the newest Arabic article of
// the generated cache from the list until its first frame: the cache
// read and the layout (both done in commands, off the UI goroutine) and
// View, then back to the list.
func BenchmarkOpenArabic100k(b *testing.B) {
	st := openScale(b)
	var m tea.Model = scaleModel(st, i18n.EN)
	m = settle(b, m, m.Init())
	m = send(b, m, tea.WindowSizeMsg{Width: scaleW, Height: scaleH})
	m = send(b, reachArabic(b, m), press("esc"))
	b.ReportAllocs()
	for b.Loop() {
		m = send(b, m, press("enter"))
		_ = m.View()
		if bad := wantOpen(m.(Model)); bad != "" {
			b.Fatal(bad)
		}
		m = send(b, m, press("esc"))
	}
}

func wantOpen(m Model) string {
	if m.focus != focusReader || m.reader.article.Dir != feed.DirRTL || len(m.reader.page.Lines) == 0 {
		return fmt.Sprintf("reader shows %d lines of a %q article", len(m.reader.page.Lines), m.reader.article.Dir)
	}
	return ""
}
