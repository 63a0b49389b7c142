package remote_test

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"testing"
	"time"

	"miniflux.app/v2/client"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/cache"
	"github.com/akhbar/akhbar/feed/feedtest"
	"github.com/akhbar/akhbar/feed/remote/synctest"
)

// tight is a retention far shorter than the entries' age: every item it
// may judge by age goes.
var tight = cache.Retention{Limits: cache.Limits{KeepDays: 30, KeepItems: 2}, UnreadDays: 60, Vacuum: true}

// agedRSS writes an RSS document of n items about name, all published
// age ago (a minute apart).
func agedRSS(name string, n int, age time.Duration) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>%s</title><link>http://example.com/%s</link>`, name, name)
	base := time.Now().Add(-age).UTC()
	for i := range n {
		fmt.Fprintf(&b, `<item><title>מבזק %d על %s</title><link>http://example.com/%s/%d</link><guid>%s-%d</guid>
<pubDate>%s</pubDate><description>گزارش شماره %d درباره %s.</description></item>`,
			i, name, name, i, name, i, base.Add(time.Duration(i)*time.Minute).Format(time.RFC1123Z), i, name)
	}
	b.WriteString(`</channel></rss>`)
	return b.Bytes()
}

// subscribe serves body at path and subscribes the fixture's Miniflux
// user to it, returning the server's feed ID.
func (f *fixture) subscribe(t *testing.T, fix *feedtest.Server, path string, body []byte) int64 {
	t.Helper()
	fix.Handle(path, feedtest.Route{ContentType: "application/rss+xml", Body: body})
	id, err := f.user.Client.CreateFeedContext(context.Background(), &client.FeedCreationRequest{FeedURL: fix.URL(path)})
	if err != nil {
		t.Fatalf("subscribe %s: %v", path, err)
	}
	return id
}

// serverEntryIDs lists the IDs of the server's entries of a feed.
func (f *fixture) serverEntryIDs(t *testing.T, feedID int64) []int64 {
	t.Helper()
	res, err := f.user.Client.FeedEntriesContext(context.Background(), feedID, &client.Filter{Order: "id", Direction: "asc", Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, e := range res.Entries {
		ids = append(ids, e.ID)
	}
	return ids
}

// localTotal is how many items the cache has in the account's feed
// with the server's ID feedID.
func (f *fixture) localTotal(t *testing.T, feedID int64) int {
	t.Helper()
	ctx := context.Background()
	rf, err := f.user.Client.FeedContext(ctx, feedID)
	if err != nil {
		t.Fatal(err)
	}
	local, err := f.local.FeedByURL(ctx, rf.FeedURL)
	if err != nil {
		t.Fatal(err)
	}
	return local.Total
}

// refresh is what `akhbar refresh` does to an account: a sync, then
// retention.
func (f *fixture) refresh(t *testing.T, r cache.Retention) cache.CleanupReport {
	t.Helper()
	f.mustSync(t)
	rep, err := f.local.Cleanup(context.Background(), r)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// nextSecond waits until the wall clock enters a new second: Miniflux's
// changed_after and the cache's fetch stamps have one-second resolution.
func nextSecond() { time.Sleep(1100 * time.Millisecond) }

// testRetentionFollowsServer: entries dated a year back that the server
// still has, unread or read, survive refreshes with changes in between
// and a cleanup far shorter than their age.
func testRetentionFollowsServer(t *testing.T, s *synctest.Server, fix *feedtest.Server) {
	f := newFixture(t, s, fix, "keep", 0, 0)
	ctx := context.Background()
	id := f.subscribe(t, fix, "/keep/old.xml", agedRSS("keep-old", 9, 380*24*time.Hour))
	ids := f.serverEntryIDs(t, id)
	if len(ids) != 9 {
		t.Fatalf("server has %d entries, want 9", len(ids))
	}
	nextSecond()
	f.refresh(t, cache.DefaultRetention())
	for round := range 3 {
		nextSecond()
		// A change on the server between refreshes: the sync brings
		// only that entry.
		if err := f.user.Client.UpdateEntriesContext(ctx, ids[round:round+1], client.EntryStatusRead); err != nil {
			t.Fatal(err)
		}
		if rep := f.refresh(t, cache.DefaultRetention()); rep.Items != 0 {
			t.Errorf("refresh %d removed %d items the server has", round+1, rep.Items)
		}
	}
	if rep, err := f.local.Cleanup(ctx, tight); err != nil || rep.Items != 0 {
		t.Errorf("cleanup %+v removed %d items the server has (%v)", tight, rep.Items, err)
	}
	if n := f.localTotal(t, id); n != 9 {
		t.Errorf("cache has %d of the feed's items, the server 9", n)
	}
	for i, e := range ids {
		checkLocal(t, f, e, i < 3, false)
	}
}

// testRemovedOnServer: an entry the server deletes goes from the cache;
// one starred in akhbar stays, as a starred item of no entry.
func testRemovedOnServer(t *testing.T, s *synctest.Server, fix *feedtest.Server) {
	f := newFixture(t, s, fix, "gone", 0, 0)
	ctx := context.Background()
	id := f.subscribe(t, fix, "/gone/old.xml", agedRSS("gone-old", 4, 380*24*time.Hour))
	ids := f.serverEntryIDs(t, id)
	f.mustSync(t)
	dropped, starred := f.localItem(t, ids[0]), f.localItem(t, ids[1])

	// The server deletes its read entries (Miniflux's "flush history";
	// its archiving of old entries deletes the same way). The reader
	// starred one of them before akhbar could tell the server.
	if err := f.user.Client.UpdateEntriesContext(ctx, ids[:2], client.EntryStatusRead); err != nil {
		t.Fatal(err)
	}
	if err := f.local.Mark(ctx, starred.ID, feed.FieldStarred, true, time.Now()); err != nil {
		t.Fatal(err)
	}
	flushHistory(t, f, ids[:2])
	f.mustSync(t)
	if _, err := f.local.Cleanup(ctx, tight); err != nil {
		t.Fatal(err)
	}

	if _, err := f.local.Item(ctx, dropped.ID); !errors.Is(err, feed.ErrNotFound) {
		t.Errorf("entry deleted on the server: %v, want it gone from the cache", err)
	}
	it, err := f.local.Item(ctx, starred.ID)
	if err != nil || !it.Starred || it.FeedID != starred.FeedID {
		t.Fatalf("starred entry deleted on the server: %+v, %v; want a starred item of its feed", it, err)
	}
	if _, err := f.local.ItemByRemoteID(ctx, f.account.ID, strconv.FormatInt(ids[1], 10)); !errors.Is(err, feed.ErrNotFound) {
		t.Errorf("starred item still maps to the deleted entry: %v", err)
	}
	if n := f.localTotal(t, id); n != 3 {
		t.Errorf("cache has %d items of the feed, want the server's 2 and the starred one", n)
	}
	// It is akhbar's own now: unstarring queues nothing for the server,
	// and then the age limits apply to it.
	if err := f.local.Mark(ctx, starred.ID, feed.FieldStarred, false, time.Now()); err != nil {
		t.Fatal(err)
	}
	checkPending(t, f, 0)
	if rep, err := f.local.Cleanup(ctx, tight); err != nil || rep.Items != 1 {
		t.Errorf("cleanup after unstarring removed %d items (%v), want the one the server no longer has", rep.Items, err)
	}
}

// flushHistory asks Miniflux to delete the read entries and waits until
// the ids are gone (Miniflux deletes in the background).
func flushHistory(t *testing.T, f *fixture, ids []int64) {
	t.Helper()
	ctx := context.Background()
	if err := f.user.Client.FlushHistoryContext(ctx); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for _, id := range ids {
		for {
			_, err := f.user.Client.EntryContext(ctx, id)
			if errors.Is(err, client.ErrNotFound) {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("entry %d still on the server after flushing history (%v)", id, err)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
}

// testRepairDamagedCache: entries an earlier akhbar dropped while the
// server still had them come back on the next sync, which lists only
// the feed whose counts disagree.
func testRepairDamagedCache(t *testing.T, s *synctest.Server, fix *feedtest.Server) {
	f := newFixture(t, s, fix, "repair", 0, 0)
	damagedFeed := f.subscribe(t, fix, "/repair/a.xml", agedRSS("repair-a", 6, 200*24*time.Hour))
	intact := f.subscribe(t, fix, "/repair/b.xml", agedRSS("repair-b", 4, 200*24*time.Hour))
	nextSecond()
	f.mustSync(t)
	ids := f.serverEntryIDs(t, damagedFeed)
	lost := ids[:4]
	f.damage(t, lost)
	if n := f.localTotal(t, damagedFeed); n != 2 {
		t.Fatalf("damaged cache has %d items of the feed, want 2", n)
	}

	st, reqs := f.mustSync(t)
	if n := f.localTotal(t, damagedFeed); n != 6 {
		t.Errorf("after the repairing sync the cache has %d items of the feed, the server 6 (%+v)", n, st)
	}
	for _, e := range lost {
		checkLocal(t, f, e, false, false)
	}
	if n := f.localTotal(t, intact); n != 4 {
		t.Errorf("intact feed has %d items, want 4", n)
	}
	listing := "GET /v1/feeds/" + strconv.FormatInt(damagedFeed, 10) + "/entries"
	other := "GET /v1/feeds/" + strconv.FormatInt(intact, 10) + "/entries"
	if !hasRequest(reqs, listing) || hasRequest(reqs, other) {
		t.Errorf("repairing sync made %q, want a listing of feed %d only", reqs, damagedFeed)
	}
	// Once repaired, counts agree and nothing is listed again.
	if _, reqs := f.mustSync(t); hasRequest(reqs, listing) {
		t.Errorf("sync after the repair listed the feed again: %q", reqs)
	}
}

// hasRequest reports whether a request line starts with prefix.
func hasRequest(reqs []string, prefix string) bool {
	for _, r := range reqs {
		if len(r) >= len(prefix) && r[:len(prefix)] == prefix {
			return true
		}
	}
	return false
}

// damage deletes the items of these entries from the cache file, as the
// old retention rule did (one DELETE of the items, whose triggers and
// foreign keys clean up after them), with akhbar closed.
func (f *fixture) damage(t *testing.T, entries []int64) {
	t.Helper()
	var ns []string
	for _, e := range entries {
		ns = append(ns, f.localItem(t, e).ID)
	}
	if err := f.local.Close(); err != nil {
		t.Fatal(err)
	}
	f.local = nil
	db, err := sql.Open("sqlite", "file:"+f.path+"?_pragma=foreign_keys(1)")
	if err != nil {
		t.Fatal(err)
	}
	for _, id := range ns {
		if _, err := db.Exec(`DELETE FROM items WHERE id = ?`, id); err != nil {
			t.Fatal(err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	f.reopen(t)
}

// testGRRetention: through the Google Reader API, unread and starred
// entries dated a year back survive refreshes with changes in between
// and a cleanup far shorter than their age (the API lists every unread
// and starred item, so akhbar knows the server has them).
func testGRRetention(t *testing.T, s *synctest.Server, fix *feedtest.Server) {
	f := newFixture(t, s, fix, "grkeep", 0, 0)
	ctx := context.Background()
	id := f.subscribe(t, fix, "/grkeep/old.xml", agedRSS("grkeep-old", 6, 380*24*time.Hour))
	f.useGReader(t, s)
	ids := f.serverEntryIDs(t, id)
	f.refresh(t, cache.DefaultRetention())
	for round := range 3 {
		nextSecond()
		if err := f.user.Client.UpdateEntriesStarredContext(ctx, ids[round:round+1], true); err != nil {
			t.Fatal(err)
		}
		if rep := f.refresh(t, cache.DefaultRetention()); rep.Items != 0 {
			t.Errorf("refresh %d removed %d items the server has", round+1, rep.Items)
		}
	}
	if rep, err := f.local.Cleanup(ctx, tight); err != nil || rep.Items != 0 {
		t.Errorf("cleanup removed %d unread or starred items the server has (%v)", rep.Items, err)
	}
	for i, e := range ids {
		checkLocal(t, f, e, false, i < 3)
	}
}

// testGRRemovedOnServer: an item the server deleted goes from the cache
// when the API tells (it left the unread list, and asked for by ID the
// server no longer has it); a starred one stays as a local item.
func testGRRemovedOnServer(t *testing.T, s *synctest.Server, fix *feedtest.Server) {
	f := newFixture(t, s, fix, "grgone", 0, 0)
	ctx := context.Background()
	id := f.subscribe(t, fix, "/grgone/old.xml", agedRSS("grgone-old", 4, 380*24*time.Hour))
	f.useGReader(t, s)
	ids := f.serverEntryIDs(t, id)
	f.mustSync(t)
	dropped, starred := f.localItem(t, ids[0]), f.localItem(t, ids[1])
	if err := f.user.Client.UpdateEntriesContext(ctx, ids[:2], client.EntryStatusRead); err != nil {
		t.Fatal(err)
	}
	if err := f.local.Mark(ctx, starred.ID, feed.FieldStarred, true, time.Now()); err != nil {
		t.Fatal(err)
	}
	flushHistory(t, f, ids[:2])
	f.mustSync(t)
	if _, err := f.local.Item(ctx, dropped.ID); !errors.Is(err, feed.ErrNotFound) {
		t.Errorf("item deleted on the server: %v, want it gone from the cache", err)
	}
	it, err := f.local.Item(ctx, starred.ID)
	if err != nil || !it.Starred || it.FeedID != starred.FeedID {
		t.Fatalf("starred item deleted on the server: %+v, %v; want a starred item of its feed", it, err)
	}
	if _, err := f.local.ItemByRemoteID(ctx, f.account.ID, strconv.FormatInt(ids[1], 10)); !errors.Is(err, feed.ErrNotFound) {
		t.Errorf("starred item still maps to the deleted entry: %v", err)
	}
	if n := f.localTotal(t, id); n != 3 {
		t.Errorf("cache has %d items of the feed, want the server's 2 and the starred one", n)
	}
}

// testGRRepair: unread items an earlier akhbar dropped come back on the
// next sync: the server lists them as unread and the cache lacks them.
func testGRRepair(t *testing.T, s *synctest.Server, fix *feedtest.Server) {
	f := newFixture(t, s, fix, "grrepair", 0, 0)
	id := f.subscribe(t, fix, "/grrepair/a.xml", agedRSS("grrepair-a", 5, 200*24*time.Hour))
	f.useGReader(t, s)
	f.mustSync(t)
	ids := f.serverEntryIDs(t, id)
	f.damage(t, ids[:3])
	f.mustSync(t)
	if n := f.localTotal(t, id); n != 5 {
		t.Errorf("after the repairing sync the cache has %d items of the feed, the server 5", n)
	}
	for _, e := range ids[:3] {
		checkLocal(t, f, e, false, false)
	}
}
