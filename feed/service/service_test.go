package service

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/cache"
	"github.com/akhbar/akhbar/feed/feedtest"
	"github.com/akhbar/akhbar/feed/fetch"
	"github.com/akhbar/akhbar/feed/refresh"
)

// The service is tested as the CLI and the TUI use it: over a real cache
// file and real HTTP to a loopback server.

var clock = time.Date(2026, 11, 29, 8, 0, 0, 0, time.UTC)

// failures records what the service reported as failed.
type failures struct {
	mu   sync.Mutex
	list []string // "what url: error"
}

func (f *failures) add(what, url string, err error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.list = append(f.list, what+" "+url+": "+err.Error())
}

func (f *failures) all() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.list...)
}

// newService opens a fresh cache file and a service over it that fetches
// through a real client; settings may be nil.
func newService(t *testing.T, fullText bool, settings map[string]feed.Settings) (*Service, *cache.Store, *failures) {
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
	fails := &failures{}
	c := fetch.New(fetch.Options{Timeout: 10 * time.Second, PerHost: 4})
	svc := New(st, c, Options{Concurrency: 4, PerHost: 4, FullText: fullText, Settings: settings,
		Failed: fails.add, Now: func() time.Time { return clock }})
	return svc, st, fails
}

// rss is an RSS 2.0 feed whose items link to links.
func rss(title string, links ...string) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>%s</title><link>https://example.org/</link>`, title)
	for i, l := range links {
		fmt.Fprintf(&b, `<item><title>%s — خبر %d</title><link>%s</link><pubDate>Sat, 28 Nov 2026 10:%02d:00 GMT</pubDate>`+
			`<description>نص الخبر %d كما ترسله الخلاصة</description></item>`, title, i, l, i, i)
	}
	b.WriteString(`</channel></rss>`)
	return []byte(b.String())
}

// page is an article page in Arabic with a related story link.
func page(title, related string) []byte {
	return []byte(`<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>` + title + `</title></head><body>
<article><h1>` + title + `</h1>
<p>افتتحت البلدية صباح اليوم مكتبة عامة جديدة في وسط المدينة، تضم أكثر من عشرين ألف كتاب باللغات العربية والفارسية والعبرية والإنجليزية، وقاعة للقراءة تتسع لمئتي شخص.</p>
<p>وقال مدير المكتبة إن المبنى صمم ليكون مفتوحا للجميع طوال أيام الأسبوع، وإن قسما خاصا للأطفال سيفتح أبوابه الشهر المقبل بعد انتهاء أعمال التجهيز.</p>
<p>ويأمل سكان الحي أن تصبح المكتبة مكانا للقاء والتعلم، بعد سنوات من انتظار مشروع تأخر تنفيذه بسبب نقص التمويل وتغير الخطط أكثر من مرة.</p>
</article>
<aside class="related"><h2>أخبار ذات صلة</h2><ul><li><a href="` + related + `">مكتبة المدينة تمدد ساعات العمل في الصيف</a></li></ul></aside>
</body></html>`)
}

func html(body []byte) feedtest.Route {
	return feedtest.Route{ContentType: "text/html; charset=utf-8", Body: body}
}

func rssRoute(body []byte) feedtest.Route {
	return feedtest.Route{ContentType: "application/rss+xml", Body: body}
}

func TestSubscribeFollowsTheFeedAPageAnnounces(t *testing.T) {
	srv := feedtest.NewServer(t)
	svc, st, _ := newService(t, true, nil)
	srv.Handle("/", html([]byte(`<html><head><link rel="alternate" type="application/rss+xml" href="/news.xml"></head><body><p>مرحبا</p></body></html>`)))
	srv.Handle("/news.xml", rssRoute(rss("أخبار المدينة", srv.URL("/a/1"), srv.URL("/a/2"))))
	srv.Handle("/a/1", html(page("مكتبة جديدة", srv.URL("/a/2"))))
	srv.Handle("/a/2", html(page("ساعات العمل", srv.URL("/a/1"))))

	f, n, err := svc.Subscribe(context.Background(), srv.URL("/"), "محلي")
	if err != nil {
		t.Fatal(err)
	}
	if f.URL != srv.URL("/news.xml") || f.Folder != "محلي" || f.Title != "أخبار المدينة" || n != 2 {
		t.Fatalf("subscribed to %+v with %d items, want the announced feed in its folder with 2", f, n)
	}
	for _, p := range []string{"/a/1", "/a/2"} {
		a, err := st.Article(context.Background(), srv.URL(p))
		if err != nil || len(a.Blocks) == 0 {
			t.Fatalf("full text of %s not cached: %+v %v", p, a, err)
		}
	}
	if _, _, err := svc.Subscribe(context.Background(), srv.URL("/a/1"), ""); err == nil || !strings.Contains(err.Error(), "announces no feed") {
		t.Fatalf("subscribing to a page without a feed: %v", err)
	}
	if _, _, err := svc.Subscribe(context.Background(), "ftp://example.org/x", ""); err == nil {
		t.Fatal("subscribed to an ftp URL")
	}
}

func TestRefreshReportsEveryFeedAndLogsFailures(t *testing.T) {
	srv := feedtest.NewServer(t)
	svc, st, fails := newService(t, true, nil)
	srv.Handle("/ok.xml", rssRoute(rss("ok", srv.URL("/a/1"), srv.URL("/a/missing"))))
	srv.Handle("/broken.xml", feedtest.Route{Status: 500})
	srv.Handle("/a/1", html(page("مكتبة جديدة", srv.URL("/a/2"))))
	ctx := context.Background()
	for _, p := range []string{"/ok.xml", "/broken.xml"} {
		if _, err := st.AddFeed(ctx, feed.Feed{URL: srv.URL(p)}); err != nil {
			t.Fatal(err)
		}
	}
	var got []refresh.Progress
	if err := svc.RefreshAll(ctx, func(p refresh.Progress) { got = append(got, p) }); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[1].Done != 2 || got[1].Total != 2 {
		t.Fatalf("progress %+v, want two reports counting to 2/2", got)
	}
	for _, p := range got {
		if failed := p.Err != nil; failed != strings.HasSuffix(p.Feed.URL, "/broken.xml") {
			t.Errorf("progress of %s: err %v", p.Feed.URL, p.Err)
		}
	}
	if _, err := st.Article(ctx, srv.URL("/a/1")); err != nil {
		t.Fatalf("full text of a new item: %v", err)
	}
	// The article page was asked for as HTML: one fetch path for every article.
	checkAsksForHTML(t, srv, "/a/1")
	logged := strings.Join(fails.all(), "\n")
	if !strings.Contains(logged, "refresh "+srv.URL("/broken.xml")) || !strings.Contains(logged, "full text "+srv.URL("/a/missing")) {
		t.Fatalf("failures logged:\n%s\nwant the broken feed and the missing page", logged)
	}
	if err := svc.Cleanup(ctx); err != nil {
		t.Fatal(err)
	}
}

func TestRefreshStopsWhenCancelled(t *testing.T) {
	srv := feedtest.NewServer(t)
	svc, st, _ := newService(t, false, nil)
	srv.HandleFunc("/slow.xml", feedtest.Drip(50*time.Millisecond))
	f, err := st.AddFeed(context.Background(), feed.Feed{URL: srv.URL("/slow.xml")})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- svc.Refresh(ctx, []feed.Feed{f}, nil) }()
	for srv.Hits("/slow.xml") == 0 {
		time.Sleep(5 * time.Millisecond)
	}
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Fatalf("a cancelled refresh returned %v", err)
	}
}

func TestArticleIsFetchedOnceThenCached(t *testing.T) {
	srv := feedtest.NewServer(t)
	svc, _, _ := newService(t, false, nil)
	srv.Handle("/a/1", html(page("مكتبة جديدة", srv.URL("/a/2"))))
	ctx := context.Background()
	// Reached from an item of an unknown feed: public addresses only, so
	// the loopback page is refused.
	if _, err := svc.Article(ctx, srv.URL("/a/1"), 99); err == nil {
		t.Fatal("fetched a loopback page for an item of no private feed")
	}
	// Named by the user: any address.
	a, err := svc.ArticleAt(ctx, srv.URL("/a/1"))
	if err != nil || a.Title != "مكتبة جديدة" || a.URL != srv.URL("/a/1") {
		t.Fatalf("ArticleAt: %+v %v", a, err)
	}
	if _, err := svc.Article(ctx, srv.URL("/a/1"), 99); err != nil {
		t.Fatalf("the cached article: %v", err)
	}
	checkAsksForHTML(t, srv, "/a/1")
}

// checkAsksForHTML fails unless path was requested once, as an HTML page
// first (not as a feed): every article goes through one fetch path.
func checkAsksForHTML(t *testing.T, srv *feedtest.Server, path string) {
	t.Helper()
	h := srv.Requests(path)
	if len(h) != 1 || !strings.HasPrefix(h[0].Get("Accept"), "text/html") {
		t.Fatalf("requests of %s: %v, want one asking for HTML first", path, h)
	}
}

func TestItemArticleFallsBackToTheFeedsText(t *testing.T) {
	srv := feedtest.NewServer(t)
	rtl := map[string]feed.Settings{srv.URL("/news.xml"): {Dir: feed.DirRTL}}
	svc, st, _ := newService(t, false, rtl)
	srv.Handle("/news.xml", rssRoute(rss("أخبار", srv.URL("/a/1"), srv.URL("/a/gone"))))
	srv.Handle("/a/1", html(page("مكتبة جديدة", srv.URL("/a/gone"))))
	ctx := context.Background()
	if _, _, err := svc.Subscribe(ctx, srv.URL("/news.xml"), ""); err != nil {
		t.Fatal(err)
	}
	items, err := st.Items(ctx, feed.ItemQuery{})
	if err != nil || len(items) != 2 {
		t.Fatalf("items %v %v", items, err)
	}
	for _, it := range items {
		r, err := svc.ItemArticle(ctx, it.ID)
		if err != nil {
			t.Fatal(err)
		}
		gone := strings.HasSuffix(it.URL, "/gone")
		if (r.PageErr != nil) != gone || r.Article.ID != it.ID || r.Article.Dir != feed.DirRTL {
			t.Fatalf("%s: %+v (page error %v)", it.URL, r.Article, r.PageErr)
		}
		if gone && !strings.Contains(r.Article.Text(), "كما ترسله الخلاصة") {
			t.Fatalf("fallback of %s is not the feed's text: %+v", it.URL, r.Article)
		}
	}
	if _, err := svc.ItemArticle(ctx, "no-such-item"); !errors.Is(err, feed.ErrNotFound) {
		t.Fatalf("an unknown item: %v", err)
	}
}

func TestRelatedListsEachStoryOnce(t *testing.T) {
	srv := feedtest.NewServer(t)
	svc, _, _ := newService(t, true, nil)
	srv.Handle("/news.xml", rssRoute(rss("أخبار المكتبة", srv.URL("/a/1"), srv.URL("/a/2"))))
	srv.Handle("/a/1", html(page("مكتبة جديدة في وسط المدينة", srv.URL("/a/2"))))
	srv.Handle("/a/2", html(page("مكتبة المدينة تمدد ساعات العمل", srv.URL("/a/1"))))
	ctx := context.Background()
	if _, _, err := svc.Subscribe(ctx, srv.URL("/news.xml"), ""); err != nil {
		t.Fatal(err)
	}
	a, err := svc.ArticleAt(ctx, srv.URL("/a/1"))
	if err != nil {
		t.Fatal(err)
	}
	stories, err := svc.Related(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, s := range stories {
		if s.URL == srv.URL("/a/2") {
			n++
			if s.Source != "page" || s.ID == "" {
				t.Errorf("/a/2 listed as %+v, want the page's story with its cached item's ID", s)
			}
		}
		if s.URL == srv.URL("/a/1") {
			t.Fatalf("the article is related to itself: %+v", stories)
		}
	}
	if n != 1 {
		t.Fatalf("related %+v: /a/2 listed %d times, want once (on the page and in the cache)", stories, n)
	}
}

func TestRetentionTakesTheFeedsOwnLimits(t *testing.T) {
	svc, _, _ := newService(t, false, map[string]feed.Settings{
		"https://a.example/rss": {KeepDays: 3},
		"https://b.example/rss": {Name: "no limits"},
	})
	r := svc.Retention()
	if len(r.PerFeed) != 1 || r.PerFeed["https://a.example/rss"].KeepDays != 3 || r.KeepDays != cache.DefaultRetention().KeepDays {
		t.Fatalf("retention %+v", r)
	}
}

func TestAddAccountRefusesWhatCannotBeAnAccount(t *testing.T) {
	svc, st, _ := newService(t, false, nil)
	ctx := context.Background()
	for _, bad := range []struct{ kind, url string }{{"rss", "https://example.org"}, {"miniflux", "file:///etc/passwd"}} {
		acc := accountOf(bad.kind, bad.url)
		if _, _, err := svc.AddAccount(ctx, acc); err == nil {
			t.Fatalf("added %+v", acc)
		}
	}
	if accs, err := st.Accounts(ctx); err != nil || len(accs) != 0 {
		t.Fatalf("accounts saved: %v %v", accs, err)
	}
}

func accountOf(kind, url string) feed.Account {
	return feed.Account{Kind: feed.AccountKind(kind), URL: url, Credential: feed.Credential{Kind: feed.SecretToken, Env: "AKHBAR_TEST_NO_SUCH_VARIABLE"}}
}

// TestSyncRefusesClearTextUnlessAllowed: an account on http:// to a host
// that is not this machine does not sync unless the user allowed it,
// here through Options.InsecureHTTP (insecure_http in config.toml).
func TestSyncRefusesClearTextUnlessAllowed(t *testing.T) {
	t.Setenv("AKHBAR_TEST_CLEAR_TOKEN", "token")
	acc := feed.Account{Kind: feed.KindMiniflux, URL: "http://192.0.2.10/",
		Credential: feed.Credential{Kind: feed.SecretToken, Env: "AKHBAR_TEST_CLEAR_TOKEN"}}
	svc, _, _ := newService(t, false, nil)
	if _, err := svc.Sync(context.Background(), acc); !errors.Is(err, feed.ErrClearText) {
		t.Fatalf("sync: %v, want ErrClearText", err)
	}
	svc.opts.InsecureHTTP = map[string]bool{acc.URL: true}
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // the engine opens; the sync itself stops at once, sending nothing
	if _, err := svc.Sync(ctx, acc); errors.Is(err, feed.ErrClearText) || !errors.Is(err, context.Canceled) {
		t.Fatalf("sync with insecure_http: %v, want the cancelled sync's error", err)
	}
}
