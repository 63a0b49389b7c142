package service

import (
	"context"
	"errors"
	"net"
	"net/http"
	"net/netip"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/feedtest"
	"github.com/akhbar/akhbar/feed/fetch"
	"github.com/akhbar/akhbar/feed/refresh"
)

// Only what the user typed may be on a private address: these tests give
// akhbar URLs on loopback that a page, a redirect or a sync server
// supplied, and check that nothing asks for them.

// otherHost is the URL of path on srv under the name localhost instead
// of 127.0.0.1: the same loopback server, but another host name, so the
// address policy treats it as a host the user did not type.
func otherHost(srv *feedtest.Server, path string) string {
	return strings.Replace(srv.URL(path), "127.0.0.1", "localhost", 1)
}

// refusedAddress fails t unless err is the address policy's refusal.
func refusedAddress(t *testing.T, what string, err error) {
	t.Helper()
	var addr *fetch.AddressError
	if !errors.As(err, &addr) {
		t.Errorf("%s: %v, want the address refused", what, err)
	}
}

func noFeeds(t *testing.T, svc *Service) {
	t.Helper()
	feeds, err := svc.store.Feeds(context.Background())
	if err != nil || len(feeds) != 0 {
		t.Errorf("feeds after a refused add: %+v, %v; want none", feeds, err)
	}
}

// TestSubscribeRefusesAPrivateFeedAPageAnnouncesOnAnotherHost: the user
// typed a page's URL; the page names a feed on another host, which is on
// loopback. The page is a remote document, so the feed is held to the
// public policy, and add fails in one line saying why. (Before, the
// discovered feed was fetched with private addresses allowed.)
func TestSubscribeRefusesAPrivateFeedAPageAnnouncesOnAnotherHost(t *testing.T) {
	srv := feedtest.NewServer(t)
	svc, _, _ := newService(t, false, nil)
	srv.Handle("/page", html([]byte(`<html><head><link rel="alternate" type="application/rss+xml" href="`+
		otherHost(srv, "/internal.xml")+`"></head><body><p>hello</p></body></html>`)))
	srv.Handle("/internal.xml", rssRoute(rss("internal", srv.URL("/a/1"))))

	_, _, err := svc.Subscribe(context.Background(), srv.URL("/page"), "")
	refusedAddress(t, "add", err)
	if err == nil || !strings.Contains(err.Error(), "refused") || strings.Contains(err.Error(), "\n") {
		t.Errorf("add: %v, want one line saying it was refused", err)
	}
	if n := srv.Hits("/internal.xml"); n != 0 {
		t.Errorf("the internal feed was requested %d times", n)
	}
	noFeeds(t, svc)
}

// publicServer serves h on feedtest.PublicIP (in a network namespace
// that InNetNS made) and returns its base URL, and how to stop it early.
func publicServer(t *testing.T, h http.HandlerFunc) (string, func()) {
	t.Helper()
	ln, err := net.Listen("tcp", net.JoinHostPort(feedtest.PublicIP, "0"))
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: h}
	go srv.Serve(ln)
	stop := func() {
		if err := srv.Close(); err != nil {
			t.Error(err)
		}
	}
	t.Cleanup(func() { srv.Close() })
	return "http://" + ln.Addr().String(), stop
}

// TestSubscribeNeverFollowsAPublicDocumentToAPrivateFeed: a feed on a
// public address that redirects to a loopback feed, and a public page
// whose <link rel=alternate> names one, are both refused; the loopback
// server is never asked and nothing is subscribed.
func TestSubscribeNeverFollowsAPublicDocumentToAPrivateFeed(t *testing.T) {
	if !feedtest.InNetNS(t, "127.0.0.1 localhost\n") {
		return
	}
	private := feedtest.NewServer(t)
	private.Handle("/feed.xml", rssRoute(rss("internal", private.URL("/a/1"))))
	public, _ := publicServer(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/redir":
			http.Redirect(w, r, r.URL.Query().Get("to"), http.StatusFound)
		case "/page":
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte(`<html><head><link rel="alternate" type="application/atom+xml" href="` +
				private.URL("/feed.xml") + `"></head><body>news</body></html>`))
		default:
			http.NotFound(w, r)
		}
	})
	svc, _, _ := newService(t, true, nil)
	for _, typed := range []string{public + "/redir?to=" + private.URL("/feed.xml"), public + "/page"} {
		_, _, err := svc.Subscribe(context.Background(), typed, "")
		refusedAddress(t, "add "+typed, err)
		if err == nil || !strings.Contains(err.Error(), "refused") {
			t.Errorf("add %s: %v, want it refused", typed, err)
		}
	}
	if n := private.Hits("/feed.xml"); n != 0 {
		t.Errorf("the loopback feed was requested %d times", n)
	}
	noFeeds(t, svc)
}

// TestSubscribeKeepsAFeedFromAnotherHostPublic: a feed URL that a page or
// a redirect supplied is stored PublicOnly, so when its name later
// answers with a loopback address (DNS rebinding), refreshing it is
// refused. (Before, every subscribed URL might be private for ever.)
func TestSubscribeKeepsAFeedFromAnotherHostPublic(t *testing.T) {
	if !feedtest.InNetNS(t, "127.0.0.1 localhost\n"+feedtest.PublicIP+" news.test\n") {
		return
	}
	typed := feedtest.NewServer(t) // the user's own server, on loopback
	public, stop := publicServer(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(rss("news", "http://news.test/a/1"))
	})
	port := public[strings.LastIndexByte(public, ':')+1:]
	feedURL := "http://news.test:" + port
	typed.Handle("/page", html([]byte(`<html><head><link rel="alternate" type="application/rss+xml" href="`+
		feedURL+`/announced.xml"></head><body>news</body></html>`)))
	typed.Handle("/redir", feedtest.Route{Status: http.StatusMovedPermanently,
		Header: http.Header{"Location": {feedURL + "/moved.xml"}}})

	svc, st, _ := newService(t, false, nil)
	ctx := context.Background()
	for _, c := range []struct{ typed, want string }{
		{typed.URL("/page"), feedURL + "/announced.xml"},
		{typed.URL("/redir"), feedURL + "/moved.xml"},
	} {
		f, _, err := svc.Subscribe(ctx, c.typed, "")
		if err != nil {
			t.Fatalf("add %s: %v", c.typed, err)
		}
		if f.URL != c.want || !f.PublicOnly {
			t.Errorf("add %s: %+v, want %s stored public-only", c.typed, f, c.want)
		}
	}

	// The public server goes (with its kept-alive connections), and
	// news.test now answers with loopback, where a server waits on the
	// same port.
	stop()
	ln, err := net.Listen("tcp", "127.0.0.1:"+port)
	if err != nil {
		t.Fatal(err)
	}
	hit := make(chan string, 4)
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hit <- r.URL.Path
		w.Write(rss("internal"))
	})}
	go srv.Serve(ln)
	defer srv.Close()
	if err := os.WriteFile("/etc/hosts", []byte("127.0.0.1 localhost news.test\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	waitForAnswer(t, "news.test", netip.MustParseAddr("127.0.0.1"))

	var fails []error
	if err := svc.RefreshAll(ctx, func(p refresh.Progress) {
		if p.Err != nil {
			fails = append(fails, p.Err)
		}
	}); err != nil {
		t.Fatal(err)
	}
	if len(fails) != 2 {
		t.Errorf("refresh failures %v, want both feeds refused", fails)
	}
	for _, err := range fails {
		refusedAddress(t, "refresh", err)
	}
	select {
	case p := <-hit:
		t.Errorf("a public-only feed was fetched from loopback (%s)", p)
	default:
	}
	if feeds, err := st.Feeds(ctx); err != nil || len(feeds) != 2 {
		t.Fatalf("feeds: %+v, %v", feeds, err)
	}
}

// waitForAnswer waits (up to 20 s: the resolver keeps /etc/hosts for 5 s)
// until host resolves to want.
func waitForAnswer(t *testing.T, host string, want netip.Addr) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		ips, err := net.DefaultResolver.LookupNetIP(context.Background(), "ip", host)
		if err == nil && len(ips) == 1 && ips[0].Unmap() == want {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s still resolves to %v (%v), want %s", host, ips, err, want)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// syncedItem is an entry of the account's feed "f1" linking to url.
func syncedItem(remoteID, feedURL, url string) feed.Entry {
	it := feed.Item{URL: url, Title: "entry " + remoteID, Published: clock}
	it.ID = feed.ItemID(feedURL, it)
	return feed.Entry{RemoteID: remoteID, RemoteFeedID: "f1", Item: it, ChangedAt: clock}
}

// TestSyncedEntryPagesArePrivateOnlyOnTheServersHost: the user typed the
// sync server's URL (on 127.0.0.1). The server lists a feed on another
// loopback name and entries there and on its own host. Full text after a
// sync and on demand fetches only the entry on the server's own host;
// the other is refused without a request. (Before, a feed URL on
// loopback made every page of the feed private.)
func TestSyncedEntryPagesArePrivateOnlyOnTheServersHost(t *testing.T) {
	srv := feedtest.NewServer(t)
	srv.Handle("/secret.html", html(page("سر", srv.URL("/"))))
	srv.Handle("/ok.html", html(page("خبر", srv.URL("/"))))
	svc, st, fails := newService(t, true, nil)
	ctx := context.Background()
	acc, err := st.SaveAccount(ctx, accountOf("miniflux", srv.URL("")))
	if err != nil {
		t.Fatal(err)
	}
	feedURL := otherHost(srv, "/feed.xml")
	if err := st.SaveFeeds(ctx, acc.ID, []feed.RemoteFeed{{RemoteID: "f1", URL: feedURL, Title: "listed"}}); err != nil {
		t.Fatal(err)
	}
	secret := syncedItem("1", feedURL, otherHost(srv, "/secret.html"))
	ok := syncedItem("2", feedURL, srv.URL("/ok.html"))
	if err := st.SaveEntries(ctx, acc.ID, []feed.Entry{secret, ok}); err != nil {
		t.Fatal(err)
	}

	svc.fetchMissingArticles(ctx, acc)
	if a, err := st.Article(ctx, ok.Item.URL); err != nil || len(a.Blocks) == 0 {
		t.Errorf("full text of the entry on the server's host: %+v, %v", a, err)
	}
	if len(fails.all()) != 1 || !strings.Contains(fails.all()[0], "not allowed (loopback)") {
		t.Errorf("failures %q, want the other entry's page refused", fails.all())
	}

	r, err := svc.ItemArticle(ctx, secret.Item.ID)
	if err != nil {
		t.Fatal(err)
	}
	refusedAddress(t, "read the listed entry", r.PageErr)
	if r.Article.Title != secret.Item.Title {
		t.Errorf("read the listed entry: %+v, want the server's own text", r.Article)
	}
	f, err := st.FeedByURL(ctx, feedURL)
	if err != nil {
		t.Fatal(err)
	}
	_, err = svc.Article(ctx, secret.Item.URL, f.ID)
	refusedAddress(t, "open the listed entry's page", err)
	if n := srv.Hits("/secret.html"); n != 0 {
		t.Errorf("a page a sync server listed was fetched from loopback %d times", n)
	}
}

// TestArticleIsPrivateOnlyOnTheFeedsOwnHost: pages opened from a feed the
// user typed (on 127.0.0.1) may be on loopback only on that host; pages
// of a feed a page announced (PublicOnly) may not be at all.
func TestArticleIsPrivateOnlyOnTheFeedsOwnHost(t *testing.T) {
	srv := feedtest.NewServer(t)
	srv.Handle("/ok.html", html(page("خبر", srv.URL("/"))))
	srv.Handle("/secret.html", html(page("سر", srv.URL("/"))))
	srv.Handle("/announced.html", html(page("سر", srv.URL("/"))))
	svc, st, _ := newService(t, false, nil)
	ctx := context.Background()
	typed, err := st.AddFeed(ctx, feed.Feed{URL: srv.URL("/feed.xml")})
	if err != nil {
		t.Fatal(err)
	}
	announced, err := st.AddFeed(ctx, feed.Feed{URL: srv.URL("/announced.xml"), PublicOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := svc.Article(ctx, srv.URL("/ok.html"), typed.ID); err != nil {
		t.Errorf("a page on the typed feed's host: %v", err)
	}
	_, err = svc.Article(ctx, otherHost(srv, "/secret.html"), typed.ID)
	refusedAddress(t, "a loopback page on another host", err)
	_, err = svc.Article(ctx, srv.URL("/announced.html"), announced.ID)
	refusedAddress(t, "a loopback page of a public-only feed", err)
	if n := srv.Hits("/secret.html") + srv.Hits("/announced.html"); n != 0 {
		t.Errorf("pages akhbar may not reach were fetched %d times", n)
	}
}
