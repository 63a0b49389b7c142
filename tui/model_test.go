package tui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/cache"
	"github.com/akhbar/akhbar/render"
)

var testNow = time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)

// newTestStore is a real SQLite cache with one feed of n items, the first
// of which has its full article cached.
func newTestStore(t testing.TB, n int) *cache.Store {
	t.Helper()
	st := fillStore(t, filepath.Join(t.TempDir(), "cache.db"), n)
	t.Cleanup(func() {
		if err := st.Close(); err != nil {
			t.Error(err)
		}
	})
	return st
}

// fillStore creates the cache at path with one feed of n items.
func fillStore(t testing.TB, path string, n int) *cache.Store {
	t.Helper()
	st, err := cache.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	f, err := st.AddFeed(ctx, feed.Feed{URL: "http://127.0.0.1/feed.xml", Title: "Test Feed", Folder: "News"})
	if err != nil {
		t.Fatal(err)
	}
	items := make([]feed.Item, n)
	for i := range items {
		items[i] = feed.Item{
			GUID:      fmt.Sprintf("g%d", i),
			URL:       fmt.Sprintf("http://127.0.0.1/a/%d.html", i),
			Title:     fmt.Sprintf("Headline number %d", i),
			Summary:   fmt.Sprintf("Summary of story %d.", i),
			Published: testNow.Add(-time.Duration(i) * time.Minute),
		}
		items[i].ID = feed.ItemID(f.URL, items[i])
	}
	if _, err := st.SaveFetch(ctx, f.ID, feed.FetchResult{Title: "Test Feed", Items: items, At: testNow}); err != nil {
		t.Fatal(err)
	}
	art := feed.Article{URL: items[0].URL, Title: items[0].Title, Lang: "en",
		Blocks: []feed.Block{{Kind: feed.Paragraph, Text: "The full text of the first story."}}}
	if err := st.SaveArticle(ctx, art); err != nil {
		t.Fatal(err)
	}
	return st
}

func newTestModel(st *cache.Store) Model {
	return New(Deps{Store: st, Now: func() time.Time { return testNow }}, Options{Theme: "dark", Bidi: render.Visual})
}

// settle runs cmd and every command that follows from it, feeding each
// message back into the model, as the Bubble Tea runtime would.
func settle(t testing.TB, m tea.Model, cmd tea.Cmd) tea.Model {
	t.Helper()
	queue := []tea.Cmd{cmd}
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 1000 {
			t.Fatal("commands never settle")
		}
		c := queue[0]
		queue = queue[1:]
		if c == nil {
			continue
		}
		switch msg := c().(type) {
		case nil:
		case tea.BatchMsg:
			queue = append(queue, msg...)
		default:
			var next tea.Cmd
			m, next = m.Update(msg)
			queue = append(queue, next)
		}
	}
	return m
}

func send(t testing.TB, m tea.Model, msgs ...tea.Msg) tea.Model {
	t.Helper()
	for _, msg := range msgs {
		var cmd tea.Cmd
		m, cmd = m.Update(msg)
		m = settle(t, m, cmd)
	}
	return m
}

func press(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

func screen(m tea.Model) string {
	return ansi.Strip(m.(Model).View().Content)
}

func start(t testing.TB, st *cache.Store, w, h int) tea.Model {
	t.Helper()
	m := newTestModel(st)
	return send(t, settle(t, m, m.Init()), tea.WindowSizeMsg{Width: w, Height: h})
}

func TestOpenArticleAndBack(t *testing.T) {
	st := newTestStore(t, 30)
	m := start(t, st, 100, 20)
	s := screen(m)
	if !strings.Contains(s, "Headline number 0") || !strings.Contains(s, "Test Feed") {
		t.Fatalf("first screen lacks headlines or feeds:\n%s", s)
	}
	m = send(t, m, press("enter"))
	if s = screen(m); !strings.Contains(s, "The full text of the first story.") {
		t.Fatalf("reader does not show the cached article:\n%s", s)
	}
	it, err := st.Item(context.Background(), feed.ItemID("http://127.0.0.1/feed.xml", feed.Item{GUID: "g0"}))
	if err != nil {
		t.Fatal(err)
	}
	if !it.Read {
		t.Error("opening an article did not mark it read")
	}
	m = send(t, m, press("esc"))
	if s = screen(m); !strings.Contains(s, "Headline number 1") {
		t.Fatalf("esc did not return to the list:\n%s", s)
	}
}

func TestArticleFallsBackToFeedText(t *testing.T) {
	st := newTestStore(t, 3)
	m := start(t, st, 100, 20)
	m = send(t, m, press("j"), press("enter")) // item 1 has no cached article and no fetcher
	if s := screen(m); !strings.Contains(s, "Summary of story 1.") {
		t.Fatalf("reader does not fall back to the feed's text:\n%s", s)
	}
}

func TestEveryLineFitsAfterResize(t *testing.T) {
	st := newTestStore(t, 50)
	m := start(t, st, 120, 30)
	for _, size := range [][2]int{{40, 10}, {80, 24}, {200, 50}, {20, 5}} {
		m = send(t, m, tea.WindowSizeMsg{Width: size[0], Height: size[1]})
		lines := strings.Split(m.(Model).View().Content, "\n")
		if len(lines) != size[1] {
			t.Errorf("%dx%d: %d lines", size[0], size[1], len(lines))
		}
		for i, l := range lines {
			if w := ansi.StringWidth(l); w > size[0] {
				t.Errorf("%dx%d: line %d is %d cells wide: %q", size[0], size[1], i, w, ansi.Strip(l))
			}
		}
	}
}

func TestScrollPagesFromCache(t *testing.T) {
	st := newTestStore(t, 1000)
	m := start(t, st, 100, 20)
	m = send(t, m, press("G"))
	if s := screen(m); !strings.Contains(s, "Headline number 999") {
		t.Fatalf("G does not reach the last headline:\n%s", s)
	}
	if got := len(m.(Model).list.win); got > pageSize {
		t.Fatalf("the list holds %d rows, want at most a page (%d)", got, pageSize)
	}
	m = send(t, m, press("g"))
	if s := screen(m); !strings.Contains(s, "Headline number 0") {
		t.Fatalf("g does not return to the first headline:\n%s", s)
	}
}

func TestStarAndToggleRead(t *testing.T) {
	st := newTestStore(t, 3)
	m := start(t, st, 100, 20)
	m = send(t, m, press("s"), press("m"))
	id := feed.ItemID("http://127.0.0.1/feed.xml", feed.Item{GUID: "g0"})
	it, err := st.Item(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	if !it.Starred || !it.Read {
		t.Fatalf("after s and m: starred=%v read=%v, want both", it.Starred, it.Read)
	}
	if s := screen(m); !strings.Contains(s, "★") {
		t.Fatalf("star not shown:\n%s", s)
	}
}

func TestBidiModeKeyShowsInStatus(t *testing.T) {
	st := newTestStore(t, 3)
	m := start(t, st, 100, 20)
	if s := screen(m); !strings.Contains(s, "visual") {
		t.Fatalf("status line does not name the mode:\n%s", s)
	}
	m = send(t, m, press("b"))
	if s := screen(m); !strings.Contains(s, "logical") {
		t.Fatalf("b did not switch to logical:\n%s", s)
	}
}
