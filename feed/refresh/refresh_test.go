package refresh

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/cache"
	"github.com/akhbar/akhbar/feed/feedtest"
	"github.com/akhbar/akhbar/feed/fetch"
)

var clock = time.Date(2026, 11, 29, 8, 0, 0, 0, time.UTC)

func fixedNow() time.Time { return clock }

func openStore(t testing.TB) *cache.Store {
	t.Helper()
	s, err := cache.Open(filepath.Join(t.TempDir(), "cache.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	})
	return s
}

// rss is an RSS 2.0 feed of n items whose links are linkPrefix + i.
func rss(title string, n int, linkPrefix string) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>%s</title><link>https://example.org/</link>`, title)
	for i := range n {
		fmt.Fprintf(&b, `<item><title>%s — خبر %d</title><link>%s%d</link><pubDate>Sat, 28 Nov 2026 %02d:%02d:00 GMT</pubDate>`+
			`<description>نص الخبر %d</description></item>`, title, i, linkPrefix, i, i/60%24, i%60, i)
	}
	b.WriteString(`</channel></rss>`)
	return []byte(b.String())
}

// subscribe adds the feeds at paths of s to store.
func subscribe(t testing.TB, store *cache.Store, s *feedtest.Server, paths ...string) []feed.Feed {
	t.Helper()
	var feeds []feed.Feed
	for _, p := range paths {
		f, err := store.AddFeed(context.Background(), feed.Feed{URL: s.URL(p)})
		if err != nil {
			t.Fatal(err)
		}
		feeds = append(feeds, f)
	}
	return feeds
}

func TestRefreshFeedsAndErrors(t *testing.T) {
	s := feedtest.NewServer(t)
	s.Handle("/a.xml", feedtest.Route{Body: rss("الأولى", 3, "https://example.org/a/"), ContentType: "application/rss+xml", ETag: `"a1"`})
	s.Handle("/b.xml", feedtest.Route{Body: rss("השנייה", 2, "https://example.org/b/"), LastModified: "Sat, 28 Nov 2026 10:00:00 GMT"})
	s.Handle("/c.xml", feedtest.Route{Body: rss("Third", 2, "https://example.org/c/")})
	s.Handle("/500.xml", feedtest.Route{Status: 500})
	s.Handle("/bad.xml", feedtest.Route{Body: []byte(`<rss version="2.0"><channel><item><title>`)})
	s.Handle("/page.html", feedtest.Route{Body: []byte(`<!DOCTYPE html><html><body>hi</body></html>`)})
	s.Handle("/slow.xml", feedtest.Route{Body: rss("slow", 1, "x"), Delay: 10 * time.Second})
	store := openStore(t)
	feeds := subscribe(t, store, s, "/a.xml", "/404.xml", "/b.xml", "/500.xml", "/bad.xml", "/c.xml", "/page.html", "/slow.xml")
	wantErrs := map[string]string{
		"/404.xml":   "404 Not Found",
		"/500.xml":   "500 Internal Server Error",
		"/bad.xml":   "parse feed: ",
		"/page.html": "parse feed: not a feed (looks like an HTML page)",
		"/slow.xml":  "timed out",
	}
	r := &Refresher{Store: store, Client: fetch.New(fetch.Options{Timeout: 500 * time.Millisecond}), Options: Options{Concurrency: 3, Now: fixedNow}}

	var dones []int
	sum, err := r.Run(context.Background(), feeds, func(p Progress) {
		dones = append(dones, p.Done)
		if p.Total != len(feeds) {
			t.Errorf("progress total %d, want %d", p.Total, len(feeds))
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := []int{1, 2, 3, 4, 5, 6, 7, 8}; !slices.Equal(dones, want) {
		t.Errorf("progress Done = %v, want %v", dones, want)
	}
	if sum.Feeds != 8 || sum.New != 7 || len(sum.Failed) != len(wantErrs) {
		t.Errorf("summary = %+v, want 8 feeds, 7 new, %d failed", sum, len(wantErrs))
	}
	for _, fe := range sum.Failed {
		path := strings.TrimPrefix(fe.Feed.URL, s.URL(""))
		if want, ok := wantErrs[path]; !ok || !strings.Contains(fe.Err.Error(), want) {
			t.Errorf("%s failed with %v, want an error containing %q", path, fe.Err, want)
		}
	}
	checkStoredFeeds(t, store, s, wantErrs, map[string]int{"/a.xml": 3, "/b.xml": 2, "/c.xml": 2})

	// A second refresh sends the validators it got and adds nothing.
	stored, err := store.Feeds(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	sum, err = r.Run(context.Background(), stored, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.New != 0 || len(sum.Failed) != len(wantErrs) {
		t.Errorf("second refresh: %+v, want nothing new and the same failures", sum)
	}
	last := func(path string) map[string][]string {
		reqs := s.Requests(path)
		return reqs[len(reqs)-1]
	}
	if got := last("/a.xml")["If-None-Match"]; !slices.Equal(got, []string{`"a1"`}) {
		t.Errorf("/a.xml If-None-Match = %q", got)
	}
	if got := last("/b.xml")["If-Modified-Since"]; !slices.Equal(got, []string{"Sat, 28 Nov 2026 10:00:00 GMT"}) {
		t.Errorf("/b.xml If-Modified-Since = %q", got)
	}
	checkStoredFeeds(t, store, s, wantErrs, map[string]int{"/a.xml": 3, "/b.xml": 2, "/c.xml": 2})
}

// checkStoredFeeds asserts each feed's recorded error and item count.
func checkStoredFeeds(t *testing.T, store *cache.Store, s *feedtest.Server, wantErrs map[string]string, wantTotal map[string]int) {
	t.Helper()
	stored, err := store.Feeds(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range stored {
		path := strings.TrimPrefix(f.URL, s.URL(""))
		if want := wantErrs[path]; !strings.Contains(f.LastError, want) || (want == "") != (f.LastError == "") {
			t.Errorf("%s: last error %q, want %q", path, f.LastError, want)
		}
		if f.Total != wantTotal[path] {
			t.Errorf("%s: %d items stored, want %d", path, f.Total, wantTotal[path])
		}
	}
}

// titleExtractor is a tiny Extractor for tests: the page's <title> and
// one paragraph.
func titleExtractor(pageURL string, body []byte, contentType string) (feed.Article, error) {
	s := string(body)
	i, j := strings.Index(s, "<title>"), strings.Index(s, "</title>")
	if i < 0 || j < i {
		return feed.Article{}, errors.New("no title")
	}
	title := s[i+len("<title>") : j]
	return feed.Article{URL: pageURL, Title: title, Blocks: []feed.Block{{Kind: feed.Paragraph, Text: title}}}, nil
}

func TestRefreshFullText(t *testing.T) {
	s := feedtest.NewServer(t)
	s.Handle("/f.xml", feedtest.Route{Body: rss("Pages", 3, s.URL("/p/"))})
	s.Handle("/p/0", feedtest.Route{Body: []byte("<html><title>الصفحة صفر</title></html>"), ContentType: "text/html"})
	s.Handle("/p/1", feedtest.Route{Body: []byte("<html>no title</html>")})
	// /p/2 is missing: 404.
	store := openStore(t)
	feeds := subscribe(t, store, s, "/f.xml")
	r := &Refresher{Store: store, Extract: titleExtractor, Options: Options{FullText: true, Now: fixedNow}}

	sum, err := r.Run(context.Background(), feeds, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.New != 3 || sum.Articles != 1 || sum.ArticleErrors != 2 {
		t.Errorf("summary = %+v, want 3 new, 1 article, 2 article errors", sum)
	}
	it, err := store.ItemByURL(context.Background(), s.URL("/p/0"))
	if err != nil {
		t.Fatal(err)
	}
	a, err := store.Article(context.Background(), s.URL("/p/0"))
	if err != nil {
		t.Fatal(err)
	}
	if a.ID != it.ID || a.Title != "الصفحة صفر" {
		t.Errorf("article = %+v, want title الصفحة صفر and ID %s", a, it.ID)
	}
	// Nothing new the second time: no page is fetched again.
	if _, err := r.Run(context.Background(), feeds, nil); err != nil {
		t.Fatal(err)
	}
	if n := s.Hits("/p/0"); n != 1 {
		t.Errorf("page fetched %d times, want 1", n)
	}
}

func TestRefreshCancelled(t *testing.T) {
	s := feedtest.NewServer(t)
	s.Handle("/f.xml", feedtest.Route{Body: rss("x", 1, "https://example.org/")})
	store := openStore(t)
	feeds := subscribe(t, store, s, "/f.xml")
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	r := &Refresher{Store: store, Options: Options{Now: fixedNow}}
	if _, err := r.Run(ctx, feeds, nil); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}
