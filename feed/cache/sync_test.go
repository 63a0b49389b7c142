package cache

import (
	"bytes"
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"miniflux.app/v2/client"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/feedtest"
	"github.com/akhbar/akhbar/feed/remote"
	"github.com/akhbar/akhbar/feed/remote/synctest"
)

// syncRSS is an RSS feed of n items about name.
func syncRSS(name string, n int) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>%s</title><link>http://example.com/%s</link>`, name, name)
	for i := range n {
		fmt.Fprintf(&b, `<item><title>خبر %d عن %s</title><link>http://example.com/%s/%d</link><guid>%s-%d</guid>
<description>نص الخبر رقم %d عن الفيضانات في %s.</description></item>`, i, name, name, i, name, i, i, name)
	}
	b.WriteString(`</channel></rss>`)
	return b.Bytes()
}

// syncFixture is a Miniflux user with two feeds in two categories and a
// cache with an account for it.
type syncFixture struct {
	user    synctest.User
	account feed.Account
	store   *Store
	path    string
}

func newSyncFixture(t *testing.T, s *synctest.Server, fix *feedtest.Server, name string) *syncFixture {
	ctx := context.Background()
	u := s.NewUser(t, name)
	for i, cat := range []string{"أخبار", "Tech"} {
		c, err := u.Client.CreateCategoryContext(ctx, cat)
		if err != nil {
			t.Fatal(err)
		}
		path := fmt.Sprintf("/%s/%d.xml", name, i)
		fix.Handle(path, feedtest.Route{ContentType: "application/rss+xml", Body: syncRSS(fmt.Sprintf("%s%d", name, i), 3)})
		if _, err := u.Client.CreateFeedContext(ctx, &client.FeedCreationRequest{FeedURL: fix.URL(path), CategoryID: c.ID}); err != nil {
			t.Fatal(err)
		}
	}
	f := &syncFixture{user: u, path: filepath.Join(t.TempDir(), "cache.db")}
	f.reopen(t)
	t.Cleanup(func() { must(t, f.store.Close()) })
	env := "AKHBAR_CACHE_TEST_SECRET_" + name
	t.Setenv(env, u.Password)
	a, err := f.store.SaveAccount(ctx, feed.Account{Kind: feed.KindMiniflux, URL: s.URL, Username: name,
		Credential: feed.Credential{Kind: feed.SecretPassword, Env: env}})
	if err != nil {
		t.Fatal(err)
	}
	f.account = a
	return f
}

// reopen opens the cache again, as a restarted akhbar would.
func (f *syncFixture) reopen(t *testing.T) {
	if f.store != nil {
		must(t, f.store.Close())
	}
	s, err := Open(f.path)
	if err != nil {
		t.Fatal(err)
	}
	f.store = s
}

func (f *syncFixture) sync(t *testing.T) (feed.SyncStats, error) {
	e, err := remote.Open(context.Background(), f.account, f.store, nil)
	if err != nil {
		t.Fatal(err)
	}
	return e.Sync(context.Background())
}

// item finds the cache's item of a Miniflux entry.
func (f *syncFixture) item(t *testing.T, entry int64) feed.Item {
	t.Helper()
	e, err := f.user.Client.EntryContext(context.Background(), entry)
	if err != nil {
		t.Fatal(err)
	}
	it, err := f.store.ItemByURL(context.Background(), e.URL)
	if err != nil {
		t.Fatal(err)
	}
	return it
}

func (f *syncFixture) entryIDs(t *testing.T) []int64 {
	res, err := f.user.Client.EntriesContext(context.Background(), &client.Filter{Order: "id", Direction: "asc"})
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, e := range res.Entries {
		ids = append(ids, e.ID)
	}
	return ids
}

// TestMinifluxSyncOnCache runs feed/remote's Miniflux engine against a real
// Miniflux with the cache as its Local.
func TestMinifluxSyncOnCache(t *testing.T) {
	s := synctest.Start(t)
	fix := feedtest.NewServer(t)
	ctx := context.Background()
	f := newSyncFixture(t, s, fix, "cachesync")

	// First sync: the account's feeds are ordinary feeds of the cache.
	st, err := f.sync(t)
	if err != nil || st.Feeds != 2 || st.Entries != 6 {
		t.Fatalf("first sync: %+v, %v", st, err)
	}
	feeds, err := f.store.Feeds(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(feeds) != 2 || feeds[0].Account != f.account.ID || feeds[0].Unread != 3 || feeds[0].Folder == feeds[1].Folder {
		t.Fatalf("feeds after the first sync: %+v", feeds)
	}
	if hits, err := f.store.Search(ctx, "الفيضانات", 10); err != nil || len(hits) != 6 {
		t.Fatalf("search over synced items: %d hits, %v", len(hits), err)
	}
	fl, err := f.store.AddFollow(ctx, "cachesync1")
	if err != nil || fl.Total != 3 {
		t.Fatalf("follow over synced items: %+v, %v", fl, err)
	}

	// Both ways: the server marks one read; the reader (SetRead and
	// SetStarred, as the TUI calls them) marks two others.
	ids := f.entryIDs(t)
	must(t, f.user.Client.UpdateEntriesContext(ctx, ids[:1], client.EntryStatusRead))
	must(t, f.store.SetRead(ctx, []string{f.item(t, ids[1]).ID}, true))
	must(t, f.store.SetStarred(ctx, f.item(t, ids[2]).ID, true))
	if st, err = f.sync(t); err != nil || st.Sent != 2 {
		t.Fatalf("second sync: %+v, %v; want 2 changes sent", st, err)
	}
	if !f.item(t, ids[0]).Read {
		t.Error("the server's read did not reach the cache")
	}
	if e, err := f.user.Client.EntryContext(ctx, ids[1]); err != nil || e.Status != client.EntryStatusRead {
		t.Errorf("entry %d on the server: %v, %v; want read", ids[1], e.Status, err)
	}
	if e, err := f.user.Client.EntryContext(ctx, ids[2]); err != nil || !e.Starred {
		t.Errorf("entry %d on the server not starred (%v)", ids[2], err)
	}

	// Offline: a change made while the server is down, and akhbar
	// restarted, is sent once when it is back.
	offline := f.item(t, ids[3])
	s.Stop()
	must(t, f.store.Mark(ctx, offline.ID, feed.FieldStarred, true, time.Now()))
	if _, err := f.sync(t); err == nil {
		t.Fatal("sync succeeded with Miniflux stopped")
	}
	f.reopen(t)
	if p, err := f.store.Pending(ctx, f.account.ID); err != nil || len(p) != 1 {
		t.Fatalf("queue after restart: %+v, %v", p, err)
	}
	s.Restart(t)
	if st, err = f.sync(t); err != nil || st.Sent != 1 {
		t.Fatalf("sync after the server came back: %+v, %v", st, err)
	}
	if st, err = f.sync(t); err != nil || st.Sent != 0 {
		t.Fatalf("next sync: %+v, %v; want nothing sent again", st, err)
	}
	if e, err := f.user.Client.EntryContext(ctx, ids[3]); err != nil || !e.Starred {
		t.Errorf("entry %d on the server not starred after the offline change (%v)", ids[3], err)
	}

	// A feed dropped on the server goes, its starred item stays.
	remote, err := f.user.Client.FeedsContext(ctx)
	if err != nil {
		t.Fatal(err)
	}
	kept := f.item(t, ids[2])
	starredFeed := kept.FeedID
	for _, rf := range remote {
		if local, err := f.store.FeedByURL(ctx, rf.FeedURL); err == nil && local.ID == starredFeed {
			must(t, f.user.Client.DeleteFeedContext(ctx, rf.ID))
		}
	}
	if _, err := f.sync(t); err != nil {
		t.Fatal(err)
	}
	if feeds, err := f.store.Feeds(ctx); err != nil || len(feeds) != 1 {
		t.Fatalf("feeds after one was dropped on the server: %+v, %v", feeds, err)
	}
	if it, err := f.store.Item(ctx, kept.ID); err != nil || !it.Starred || it.FeedID != 0 {
		t.Fatalf("starred item of the dropped feed: %+v, %v", it, err)
	}
	must(t, f.store.RemoveAccount(ctx, f.account.ID))
	if n := count(t, f.store, feed.ItemQuery{}); n != 2 {
		t.Fatalf("%d items after removing the account, want the 2 starred", n)
	}
}
