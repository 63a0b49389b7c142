package tui

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/article"
	"github.com/akhbar/akhbar/feed/cache"
	"github.com/akhbar/akhbar/feed/feedtest"
	"github.com/akhbar/akhbar/feed/fetch"
	"github.com/akhbar/akhbar/feed/refresh"
	"github.com/akhbar/akhbar/render"
)

// hostileBase is where the hostile fixtures claim to come from.
const hostileBase = "http://127.0.0.1:8080"

// hostileErr is an error whose text carries every attack, as a server's
// status line or a parser's message could.
func hostileErr(what string) error {
	var b strings.Builder
	for _, a := range feedtest.Attacks() {
		b.WriteString(a.Text)
	}
	return fmt.Errorf("%s %s: 500 %s%s", what, hostileBase, feedtest.HostileStatusLine, b.String())
}

// hostileStore is a real cache holding the hostile RSS, Atom and JSON
// feeds parsed the way a refresh parses them, a feed of one item per
// attack string, the hostile page extracted as the article of every
// item that links to it, and a hostile error on one feed.
func hostileStore(t *testing.T) *cache.Store {
	t.Helper()
	st, err := cache.Open(filepath.Join(t.TempDir(), "cache.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := st.Close(); err != nil {
			t.Error(err)
		}
	})
	ctx := context.Background()
	for _, name := range []string{"rss.xml", "atom.xml", "feed.json"} {
		body, err := feedtest.HostileFile(name, hostileBase)
		if err != nil {
			t.Fatal(err)
		}
		url := hostileBase + "/hostile/" + name
		p, err := feed.Parse(fetch.ToUTF8(body, ""), url, testNow)
		if err != nil {
			t.Fatalf("parse %s: %v", name, err)
		}
		saveFeed(t, st, feed.Feed{URL: url}, feed.FetchResult{Title: p.Title, SiteURL: p.SiteURL, Items: p.Items, At: testNow})
	}
	f := saveFeed(t, st, feed.Feed{URL: hostileBase + "/attacks.xml", Title: "Attacks\x1b]0;pwned-feed\a\u202e"}, feed.FetchResult{Items: attackItems(), At: testNow})
	if err := st.SaveFeedError(ctx, f.ID, hostileErr("fetch").Error(), testNow); err != nil {
		t.Fatal(err)
	}
	page, err := feedtest.HostileFile("page/hostile.html", hostileBase)
	if err != nil {
		t.Fatal(err)
	}
	a, err := article.Extract(hostileBase+feedtest.HostilePage, page, "text/html; charset=utf-8")
	if err != nil {
		t.Fatalf("extract the hostile page: %v", err)
	}
	a.URL = hostileBase + feedtest.HostilePage
	if err := st.SaveArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	checkKeptOriginal(t, st)
	return st
}

// checkKeptOriginal makes sure the hostile bytes reached the cache as
// received (the cache keeps the original; only render sanitises), so
// that a clean screen means the sanitiser worked, not that the fixtures
// lost their attacks on the way.
func checkKeptOriginal(t *testing.T, st *cache.Store) {
	t.Helper()
	items, err := st.Items(context.Background(), feed.ItemQuery{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"H02": false, "J01": false, "X00": false}
	for _, it := range items {
		for marker := range want {
			if strings.HasPrefix(it.Title, marker) && strings.ContainsRune(it.Title, 0x1b) {
				want[marker] = true
			}
		}
	}
	for marker, ok := range want {
		if !ok {
			t.Errorf("item %s lost its ESC before the cache", marker)
		}
	}
}

func saveFeed(t *testing.T, st *cache.Store, f feed.Feed, r feed.FetchResult) feed.Feed {
	t.Helper()
	f, err := st.AddFeed(context.Background(), f)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.SaveFetch(context.Background(), f.ID, r); err != nil {
		t.Fatal(err)
	}
	return f
}

// attackItems is one item per attack string, in every text field, linking
// to the attack itself (a hostile link) or to the hostile page.
func attackItems() []feed.Item {
	var items []feed.Item
	for i, a := range feedtest.Attacks() {
		it := feed.Item{
			GUID:       fmt.Sprintf("x%02d", i),
			URL:        a.Text,
			Title:      fmt.Sprintf("X%02d %s%s end", i, a.Name, a.Text),
			Summary:    fmt.Sprintf("X%02d summary %s\n\n%s paragraph", i, a.Text, a.Text),
			Author:     "author" + a.Text,
			Categories: []string{a.Text},
			Published:  testNow.Add(-time.Duration(i) * time.Minute),
		}
		it.ID = feed.ItemID(hostileBase+"/attacks.xml", it)
		items = append(items, it)
	}
	return items
}

// recorder stands in for the browser: it records what it was asked to
// open and fails with a hostile error.
type recorder struct {
	mu     sync.Mutex
	opened []string
}

func (r *recorder) open(url string) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.opened = append(r.opened, url)
	return hostileErr("open")
}

func hostileModel(t *testing.T, st *cache.Store, browser *recorder, w, h int) tea.Model {
	t.Helper()
	d := Deps{
		Store: st,
		Now:   func() time.Time { return testNow },
		Open:  browser.open,
		Service: funcService{
			article: func(context.Context, string, int64) (feed.Article, error) {
				return feed.Article{}, hostileErr("fetch")
			},
			refresh: func(_ context.Context, feeds []feed.Feed, progress func(refresh.Progress)) error {
				for i, f := range feeds {
					progress(refresh.Progress{Done: i + 1, Total: len(feeds), Feed: f, Err: hostileErr("fetch")})
				}
				return hostileErr("refresh")
			},
		},
	}
	m := New(d, Options{Theme: "dark", Bidi: render.Visual, Shape: true})
	return send(t, settle(t, m, m.Init()), tea.WindowSizeMsg{Width: w, Height: h})
}

// checkFrame fails when the frame or window title carries anything a
// terminal could act on, or a line wider than the screen.
func checkFrame(t *testing.T, m tea.Model, width int, where string) {
	t.Helper()
	v := m.(Model).View()
	if err := feedtest.CheckTerminal(v.Content, true); err != nil {
		t.Fatalf("%s: frame: %v", where, err)
	}
	if a, ok := feedtest.ContainsAttack(v.Content); ok {
		t.Fatalf("%s: frame carries the %s", where, a.Name)
	}
	if err := feedtest.CheckTerminal(v.WindowTitle, false); err != nil || strings.ContainsAny(v.WindowTitle, "\n\t") {
		t.Fatalf("%s: window title %q: %v", where, v.WindowTitle, err)
	}
	for i, l := range strings.Split(v.Content, "\n") {
		if w := ansi.StringWidth(l); w > width {
			t.Fatalf("%s: line %d is %d cells wide: %q", where, i, w, ansi.Strip(l))
		}
	}
}

func TestHostileListAndFeeds(t *testing.T) {
	st := hostileStore(t)
	for _, size := range [][2]int{{100, 30}, {40, 12}} {
		w, h := size[0], size[1]
		m := hostileModel(t, st, &recorder{}, w, h)
		checkFrame(t, m, w, "first screen")
		total, err := st.CountItems(context.Background(), feed.ItemQuery{})
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for i := range total {
			m = send(t, m, press("j"))
			checkFrame(t, m, w, fmt.Sprintf("%dx%d after %d×j", w, h, i+1))
			for _, marker := range []string{"H01", "A01", "J01", "X00"} {
				seen[marker] = seen[marker] || strings.Contains(screen(m), marker)
			}
		}
		for marker, ok := range seen {
			if !ok {
				t.Errorf("%dx%d: %s never shown while scrolling the list", w, h, marker)
			}
		}
		m = send(t, m, press("tab"))
		checkFrame(t, m, w, "feeds pane")
		for range 5 {
			m = send(t, m, press("j"))
			checkFrame(t, m, w, "feeds pane, moving")
		}
	}
}

func TestHostileReaderAndLinks(t *testing.T) {
	st := hostileStore(t)
	browser := &recorder{}
	const w, h = 90, 30
	m := hostileModel(t, st, browser, w, h)
	total, err := st.CountItems(context.Background(), feed.ItemQuery{})
	if err != nil {
		t.Fatal(err)
	}
	sawPage, sawTitle := false, false
	for i := range total {
		where := fmt.Sprintf("item %d", i)
		m = send(t, m, press("enter"))
		checkFrame(t, m, w, where+" open")
		sawTitle = sawTitle || strings.Contains(m.(Model).View().WindowTitle, "]0;pwned-title")
		sawPage = sawPage || strings.Contains(screen(m), "P01 first paragraph")
		for _, keys := range [][]string{{"o"}, {"1", "o"}, {"3", "o"}, {"b"}, {"pgdown"}, {"b"}} {
			for _, k := range keys {
				m = send(t, m, pressKey(k))
			}
			checkFrame(t, m, w, fmt.Sprintf("%s after %v", where, keys))
		}
		m = send(t, m, press("esc"), press("j"))
		checkFrame(t, m, w, where+" back")
	}
	if !sawPage {
		t.Error("the hostile page was never shown as an article")
	}
	if !sawTitle {
		t.Error("no window title ever showed a hostile title (defused): the title check checks nothing")
	}
	if len(browser.opened) == 0 {
		t.Error("no link was ever opened: the test checks nothing")
	}
	for _, u := range browser.opened {
		// Deps.Open passes the URL as one argv element (cmd/akhbar's
		// openBrowser), so spaces, $() and backticks are harmless there;
		// what must never reach it is anything but an http(s) URL.
		if !feed.IsWebURL(u) {
			t.Errorf("asked the browser to open %q", u)
		}
	}
}

func pressKey(k string) tea.KeyPressMsg {
	if k == "pgdown" {
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	}
	return press(k)
}

func TestHostileStatusLine(t *testing.T) {
	st := hostileStore(t)
	const w, h = 120, 20
	m := hostileModel(t, st, &recorder{}, w, h)
	m = send(t, m, press("R"))
	checkFrame(t, m, w, "after a refresh whose every feed failed")
	if s := screen(m); !strings.Contains(s, "refresh") {
		t.Errorf("status line does not show the refresh error:\n%s", s)
	}
	// An item with no cached article: Fetch fails with a hostile error.
	m = send(t, m, press("G"), press("enter"))
	checkFrame(t, m, w, "after a failed article fetch")
	m = send(t, m, press("o"))
	checkFrame(t, m, w, "after a failed browser open")
	if m.(Model).status.text == "" {
		t.Errorf("status is empty after failures")
	}
}
