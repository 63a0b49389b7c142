package refresh

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
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

// TestRetryAfterRemembered: a feed whose server answers 429 or 503 with
// Retry-After is skipped by later refreshes until then — at most
// MaxRetryAfter ahead, however far the server asks — and fetched again
// afterwards; a success clears it.
func TestRetryAfterRemembered(t *testing.T) {
	s := feedtest.NewServer(t)
	s.Handle("/hour.xml", feedtest.Route{Status: 429, Header: map[string][]string{"Retry-After": {"3600"}}})
	s.Handle("/decade.xml", feedtest.Route{Status: 503, Header: map[string][]string{"Retry-After": {"Fri, 31 Dec 2100 23:59:59 GMT"}}})
	s.Handle("/plain.xml", feedtest.Route{Status: 503})
	store := openStore(t)
	feeds := subscribe(t, store, s, "/hour.xml", "/decade.xml", "/plain.xml")
	start := time.Now()
	now := start
	r := &Refresher{Store: store, Options: Options{Now: func() time.Time { return now }}}
	ctx := context.Background()
	refreshAt := func(at time.Time) map[string]error {
		t.Helper()
		now = at
		fs, err := store.Feeds(ctx)
		if err != nil {
			t.Fatal(err)
		}
		errs := map[string]error{}
		if _, err := r.Run(ctx, fs, func(p Progress) { errs[p.Feed.URL] = p.Err }); err != nil {
			t.Fatal(err)
		}
		return errs
	}
	hits := func() [3]int { return [3]int{s.Hits("/hour.xml"), s.Hits("/decade.xml"), s.Hits("/plain.xml")} }

	refreshAt(start)
	if got := hits(); got != [3]int{1, 1, 1} {
		t.Fatalf("first refresh: hits %v, want one each", got)
	}
	byURL := map[string]feed.Feed{}
	fs, err := store.Feeds(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		byURL[f.URL] = f
	}
	if ra := byURL[feeds[0].URL].RetryAfter; ra.Before(start.Add(59*time.Minute)) || ra.After(time.Now().Add(61*time.Minute)) {
		t.Errorf("429 Retry-After 3600: remembered %v, want about an hour after %v", ra, start)
	}
	if ra := byURL[feeds[1].URL].RetryAfter; !ra.Equal(start.Add(MaxRetryAfter)) {
		t.Errorf("503 until 2100: remembered %v, want capped at %v", ra, start.Add(MaxRetryAfter))
	}
	if ra := byURL[feeds[2].URL].RetryAfter; !ra.IsZero() {
		t.Errorf("503 without Retry-After: remembered %v, want nothing", ra)
	}

	errs := refreshAt(start.Add(time.Minute))
	if got := hits(); got != [3]int{1, 1, 2} {
		t.Errorf("a minute later: hits %v, want only the feed that did not ask to wait", got)
	}
	var w *WaitingError
	if !errors.As(errs[feeds[0].URL], &w) || !strings.Contains(w.Error(), "Retry-After") {
		t.Errorf("skipped feed reported %v, want a WaitingError", errs[feeds[0].URL])
	}

	s.Handle("/hour.xml", feedtest.Route{Body: rss("back", 1, "https://example.org/")})
	refreshAt(start.Add(2 * time.Hour))
	if got := hits(); got != [3]int{2, 1, 3} {
		t.Errorf("two hours later: hits %v, want the hour feed fetched again, the capped one still skipped", got)
	}
	refreshAt(start.Add(MaxRetryAfter + time.Minute))
	if got := hits(); got[1] != 2 {
		t.Errorf("after the cap: hits %v, want the capped feed fetched again", got)
	}
	f, err := store.FeedByURL(ctx, feeds[0].URL)
	if err != nil || !f.RetryAfter.IsZero() || f.LastError != "" {
		t.Errorf("after a success: %+v, %v; want no Retry-After and no error", f, err)
	}
}

// TestDamagedCacheStopsRefresh: when saving meets a damaged cache file
// (too large for Open's full check), the refresh stops writing and
// fetching at once and reports the damage once, as its error, instead of
// "database disk image is malformed" for every feed.
func TestDamagedCacheStopsRefresh(t *testing.T) {
	s := feedtest.NewServer(t)
	path := filepath.Join(t.TempDir(), "cache.db")
	if err := cache.Generate(path, 1700, 20); err != nil { // about 10 MB
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.Exec(`UPDATE feeds SET url = ? || id`, s.URL("/f")); err != nil {
		t.Fatal(err)
	}
	var leaves []int64
	rows, err := db.Query(`SELECT pageno FROM dbstat WHERE name = 'items' AND pagetype = 'leaf'`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var p int64
		if err := rows.Scan(&p); err != nil {
			t.Fatal(err)
		}
		leaves = append(leaves, p)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	fh, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range leaves {
		if _, err := fh.WriteAt(bytes.Repeat([]byte{0xa5}, 4096), (p-1)*4096); err != nil {
			t.Fatal(err)
		}
	}
	if err := fh.Close(); err != nil {
		t.Fatal(err)
	}
	store, err := cache.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	feeds, err := store.Feeds(context.Background())
	if err != nil || len(feeds) != 20 {
		t.Fatalf("feeds: %d, %v", len(feeds), err)
	}
	for i := range feeds {
		s.Handle(fmt.Sprintf("/f%d", feeds[i].ID), feedtest.Route{Body: rss(fmt.Sprint("f", i), 3, "https://example.org/new/")})
	}
	var told []error
	r := &Refresher{Store: store, Options: Options{Concurrency: 2, Now: fixedNow}}
	_, err = r.Run(context.Background(), feeds, func(p Progress) { told = append(told, p.Err) })
	if !errors.Is(err, feed.ErrCacheDamaged) {
		t.Fatalf("Run: %v, want ErrCacheDamaged", err)
	}
	for _, e := range told {
		if e != nil {
			t.Errorf("a feed reported an error after the damage: %v", e)
		}
	}
	hits := 0
	for i := range feeds {
		hits += s.Hits(fmt.Sprintf("/f%d", feeds[i].ID))
	}
	if hits >= len(feeds) {
		t.Errorf("%d of %d feeds fetched; want the refresh stopped at the damage", hits, len(feeds))
	}
	if store.Damaged() == nil {
		t.Error("the store does not say it is damaged")
	}
}
