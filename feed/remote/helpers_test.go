package remote_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"miniflux.app/v2/client"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/cache"
	"github.com/akhbar/akhbar/feed/feedtest"
	"github.com/akhbar/akhbar/feed/remote"
	"github.com/akhbar/akhbar/feed/remote/synctest"
)

// counter is a RoundTripper around the real transport that records
// every request: method, path and, for writes, the body.
type counter struct {
	mu   sync.Mutex
	reqs []string
}

func (c *counter) RoundTrip(req *http.Request) (*http.Response, error) {
	line := req.Method + " " + req.URL.Path
	if req.Body != nil && req.Method != http.MethodGet {
		body, err := io.ReadAll(req.Body)
		if err != nil {
			return nil, err
		}
		req.Body = io.NopCloser(bytes.NewReader(body))
		line += " " + string(body)
	}
	c.mu.Lock()
	c.reqs = append(c.reqs, line)
	c.mu.Unlock()
	return http.DefaultTransport.RoundTrip(req)
}

// take returns the requests seen since the last take.
func (c *counter) take() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	r := c.reqs
	c.reqs = nil
	return r
}

// rssFeed writes an RSS document with n items; item i has GUID
// "<name>-<i>".
func rssFeed(name string, n int) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>%s</title><link>http://example.com/%s</link>`, name, name)
	base := time.Date(2026, 1, 2, 3, 0, 0, 0, time.UTC)
	for i := range n {
		fmt.Fprintf(&b, `<item><title>خبر %d من %s</title><link>http://example.com/%s/%d</link><guid>%s-%d</guid>
<pubDate>%s</pubDate><description>&lt;p&gt;نص الخبر رقم %d عن %s.&lt;/p&gt;</description></item>`,
			i, name, name, i, name, i, base.Add(time.Duration(i)*time.Minute).Format(time.RFC1123Z), i, name)
	}
	b.WriteString(`</channel></rss>`)
	return b.Bytes()
}

// fixture is one Miniflux user subscribed to loopback feeds, with an
// akhbar account and a local database for it.
type fixture struct {
	user    synctest.User
	account feed.Account
	local   *cache.Store
	path    string
	count   *counter
}

// newFixture creates a user with feeds×items entries: feeds alternate
// between the folders "أخبار" and "Tech".
func newFixture(t testing.TB, s *synctest.Server, fix *feedtest.Server, name string, feeds, items int) *fixture {
	t.Helper()
	ctx := context.Background()
	u := s.NewUser(t, name)
	var cats []int64
	for _, title := range []string{"أخبار", "Tech"} {
		c, err := u.Client.CreateCategoryContext(ctx, title)
		if err != nil {
			t.Fatal(err)
		}
		cats = append(cats, c.ID)
	}
	for i := range feeds {
		path := fmt.Sprintf("/%s/%d.xml", name, i)
		fix.Handle(path, feedtest.Route{ContentType: "application/rss+xml", Body: rssFeed(fmt.Sprintf("%s%d", name, i), items)})
		req := &client.FeedCreationRequest{FeedURL: fix.URL(path), CategoryID: cats[i%2]}
		if _, err := u.Client.CreateFeedContext(ctx, req); err != nil {
			t.Fatalf("create feed %s: %v", path, err)
		}
	}
	f := &fixture{user: u, path: filepath.Join(t.TempDir(), "local.db"), count: &counter{}}
	env := "AKHBAR_TEST_SECRET_" + name
	t.Setenv(env, u.Password)
	f.reopen(t)
	a, err := f.local.SaveAccount(ctx, feed.Account{Kind: feed.KindMiniflux, URL: s.URL, Username: name,
		Credential: feed.Credential{Kind: feed.SecretPassword, Env: env}})
	if err != nil {
		t.Fatal(err)
	}
	f.account = a
	return f
}

// reopen opens the local database (again), as a restarted akhbar would.
func (f *fixture) reopen(t testing.TB) {
	t.Helper()
	if f.local != nil {
		if err := f.local.Close(); err != nil {
			t.Fatal(err)
		}
	}
	db, err := cache.Open(f.path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := db.Close(); err != nil {
			t.Error(err)
		}
	})
	f.local = db
}

// sync runs one sync and returns its stats and the requests it made.
func (f *fixture) sync(t testing.TB) (feed.SyncStats, []string, error) {
	t.Helper()
	e, err := remote.Open(context.Background(), f.account, f.local, f.count)
	if err != nil {
		t.Fatal(err)
	}
	f.count.take()
	st, err := e.Sync(context.Background())
	return st, f.count.take(), err
}

// useGReader switches the fixture's account to Miniflux's Google Reader
// endpoint, with the login name and a password of its own.
func (f *fixture) useGReader(t testing.TB, s *synctest.Server) {
	t.Helper()
	login, pw := "gr-"+f.user.Name, "gr-pw-"+f.user.Password
	s.EnableGoogleReader(t, f.user, login, pw)
	env := "AKHBAR_TEST_GR_SECRET_" + f.user.Name
	t.Setenv(env, pw)
	f.account.Kind = feed.KindGReader
	f.account.Username = login
	f.account.Credential = feed.Credential{Kind: feed.SecretPassword, Env: env}
	a, err := f.local.SaveAccount(context.Background(), f.account)
	if err != nil {
		t.Fatal(err)
	}
	f.account = a
}

// mustSync is sync that fails t on error.
func (f *fixture) mustSync(t testing.TB) (feed.SyncStats, []string) {
	t.Helper()
	st, reqs, err := f.sync(t)
	if err != nil {
		t.Fatalf("sync: %v", err)
	}
	return st, reqs
}

// serverEntry returns the entry on the server.
func (f *fixture) serverEntry(t testing.TB, id int64) *client.Entry {
	t.Helper()
	e, err := f.user.Client.EntryContext(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// firstEntries returns the IDs of the user's first n entries by ID.
func (f *fixture) firstEntries(t testing.TB, n int) []int64 {
	t.Helper()
	res, err := f.user.Client.EntriesContext(context.Background(), &client.Filter{Order: "id", Direction: "asc", Limit: n})
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, e := range res.Entries {
		ids = append(ids, e.ID)
	}
	return ids
}

// accountFeeds lists the cache's feeds of an account, by title.
func accountFeeds(ctx context.Context, st *cache.Store, account int64) ([]feed.Feed, error) {
	all, err := st.Feeds(ctx)
	if err != nil {
		return nil, err
	}
	var out []feed.Feed
	for _, f := range all {
		if f.Account == account {
			out = append(out, f)
		}
	}
	slices.SortFunc(out, func(a, b feed.Feed) int { return strings.Compare(a.Title, b.Title) })
	return out, nil
}
