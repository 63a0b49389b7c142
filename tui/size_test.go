package tui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/cache"
)

// hugeTitleStore is a cache holding one item whose title is one word of
// 10 MiB, written directly, as a cache from before Parse capped fields
// holds it (Parse itself cuts it to feed.MaxTitleBytes).
func hugeTitleStore(t testing.TB) *cache.Store {
	t.Helper()
	st, err := cache.Open(filepath.Join(t.TempDir(), "cache.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	it := feed.Item{GUID: "huge", URL: "http://127.0.0.1:9/huge", Title: strings.Repeat("ب", 5<<20), Published: testNow}
	ctx := context.Background()
	f, err := st.AddFeed(ctx, feed.Feed{URL: "http://127.0.0.1:9/huge.xml", Title: strings.Repeat("x", 1<<20)})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveFetch(ctx, f.ID, feed.FetchResult{Items: []feed.Item{it}, At: testNow}); err != nil {
		t.Fatal(err)
	}
	return st
}

// TestHugeTitle checks that a 10 MiB title gives a frame of the screen's
// size, and a window title within its cap, in the list and the reader.
func TestHugeTitle(t *testing.T) {
	m := start(t, hugeTitleStore(t), 100, 20)
	for _, where := range []string{"list", "reader"} {
		if where == "reader" {
			m = send(t, m, press("enter"))
		}
		v := m.(Model).View()
		if len(v.Content) > 64<<10 {
			t.Errorf("%s: frame of %d bytes for a 100×20 screen", where, len(v.Content))
		}
		if len(v.WindowTitle) > maxWindowTitle {
			t.Errorf("%s: window title of %d bytes", where, len(v.WindowTitle))
		}
	}
	if s := screen(m); !strings.Contains(s, "ببب") {
		t.Errorf("the reader does not show the title:\n%s", s)
	}
}

// BenchmarkHugeTitleFrame measures one frame of the headline list and of
// the reader with a 10 MiB one-word title in the cache.
func BenchmarkHugeTitleFrame(b *testing.B) {
	st := hugeTitleStore(b)
	for _, where := range []string{"list", "reader"} {
		b.Run(where, func(b *testing.B) {
			m := start(b, st, 100, 30)
			if where == "reader" {
				m = send(b, m, press("enter"))
			}
			b.ReportAllocs()
			for b.Loop() {
				m = send(b, m, tea.WindowSizeMsg{Width: 100, Height: 30})
				_ = m.(Model).View()
			}
		})
	}
}
