package tui

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/akhbar/akhbar/feed/cache"
)

// bigCache is a cache file with 100,000 items, made once per test binary
// run (benchmarks only).
var bigCache struct {
	once sync.Once
	dir  string
	err  error
}

func bigCachePath(b *testing.B) string {
	bigCache.once.Do(func() {
		bigCache.dir, bigCache.err = os.MkdirTemp("", "akhbar-tui-bench-")
		if bigCache.err != nil {
			return
		}
		bigCache.err = fillStore(b, filepath.Join(bigCache.dir, "big.db"), 100_000).Close()
	})
	if bigCache.err != nil {
		b.Fatal(bigCache.err)
	}
	return filepath.Join(bigCache.dir, "big.db")
}

func TestMain(m *testing.M) {
	code := m.Run()
	removeScaleCache()
	if bigCache.dir != "" {
		if err := os.RemoveAll(bigCache.dir); err != nil {
			fmt.Fprintln(os.Stderr, err)
		}
	}
	os.Exit(code)
}

// BenchmarkFirstScreen100k measures opening a cache of 100,000 items and
// producing the first full frame of the headline list.
func BenchmarkFirstScreen100k(b *testing.B) {
	path := bigCachePath(b)
	b.ResetTimer()
	for b.Loop() {
		st, err := cache.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		m := newTestModel(st)
		var tm tea.Model = m
		tm = settle(b, tm, m.Init())
		tm = send(b, tm, tea.WindowSizeMsg{Width: 120, Height: 40})
		_ = tm.View()
		if err := st.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkListView100k measures one frame of the headline list over a
// cache of 100,000 items.
func BenchmarkListView100k(b *testing.B) {
	st, err := cache.Open(bigCachePath(b))
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	var m tea.Model = newTestModel(st)
	m = settle(b, m, m.Init())
	m = send(b, m, tea.WindowSizeMsg{Width: 120, Height: 40}, press("G"))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		_ = m.View()
	}
}
