package remote_test

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/feedtest"
	"github.com/akhbar/akhbar/feed/remote/synctest"
	"miniflux.app/v2/client"
)

// TestMiniflux runs the engine against a real Miniflux and PostgreSQL;
// each subtest has its own Miniflux user and local database.
func TestMiniflux(t *testing.T) {
	s := synctest.Start(t)
	fix := feedtest.NewServer(t)
	t.Run("FirstSync", func(t *testing.T) { testFirstSync(t, s, fix) })
	t.Run("BothWays", func(t *testing.T) { testBothWays(t, s, fix) })
	t.Run("Incremental", func(t *testing.T) { testIncremental(t, s, fix) })
	t.Run("Conflicts", func(t *testing.T) { testConflicts(t, s, fix) })
	t.Run("OfflineQueue", func(t *testing.T) { testOfflineQueue(t, s, fix) })
	t.Run("RetentionFollowsServer", func(t *testing.T) { testRetentionFollowsServer(t, s, fix) })
	t.Run("RemovedOnServer", func(t *testing.T) { testRemovedOnServer(t, s, fix) })
	t.Run("RepairDamagedCache", func(t *testing.T) { testRepairDamagedCache(t, s, fix) })
}

func testFirstSync(t *testing.T, s *synctest.Server, fix *feedtest.Server) {
	f := newFixture(t, s, fix, "first", 3, 5)
	ctx := context.Background()
	st, reqs := f.mustSync(t)
	if st.Feeds != 3 || st.Entries != 15 {
		t.Errorf("stats = %+v, want 3 feeds, 15 entries", st)
	}
	if len(reqs) != 3 {
		t.Errorf("first sync made %d requests, want 3 (feeds, entries, counters): %q", len(reqs), reqs)
	}
	feeds, err := accountFeeds(ctx, f.local, f.account.ID)
	if err != nil {
		t.Fatal(err)
	}
	folders := map[string]int{}
	for _, fd := range feeds {
		folders[fd.Folder]++
		if fd.Total != 5 || fd.Unread != 5 {
			t.Errorf("feed %s: %d unread of %d, want 5 of 5", fd.Title, fd.Unread, fd.Total)
		}
	}
	if folders["أخبار"] != 2 || folders["Tech"] != 1 {
		t.Errorf("folders = %v, want أخبار:2 Tech:1", folders)
	}
	id := f.firstEntries(t, 1)[0]
	it, err := f.local.ItemByRemoteID(ctx, f.account.ID, strconv.FormatInt(id, 10))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(it.Title, "خبر ") || !strings.HasPrefix(it.Summary, "نص الخبر رقم") || it.ID == "" || it.FeedID == 0 {
		t.Errorf("item = %+v, want the Arabic title, the content as plain text, an ID and a feed", it)
	}
}

func testBothWays(t *testing.T, s *synctest.Server, fix *feedtest.Server) {
	f := newFixture(t, s, fix, "both", 1, 4)
	ctx := context.Background()
	f.mustSync(t)
	ids := f.firstEntries(t, 4)

	// Server → akhbar.
	if err := f.user.Client.UpdateEntriesContext(ctx, ids[:1], client.EntryStatusRead); err != nil {
		t.Fatal(err)
	}
	if err := f.user.Client.UpdateEntriesStarredContext(ctx, ids[1:2], true); err != nil {
		t.Fatal(err)
	}
	f.mustSync(t)
	checkLocal(t, f, ids[0], true, false)
	checkLocal(t, f, ids[1], false, true)

	// akhbar → server.
	it2 := f.localItem(t, ids[2])
	it3 := f.localItem(t, ids[3])
	if err := f.local.Mark(ctx, it2.ID, feed.FieldRead, true, time.Now()); err != nil {
		t.Fatal(err)
	}
	if err := f.local.Mark(ctx, it3.ID, feed.FieldStarred, true, time.Now()); err != nil {
		t.Fatal(err)
	}
	st, _ := f.mustSync(t)
	if st.Sent != 2 {
		t.Errorf("sent %d changes, want 2", st.Sent)
	}
	if e := f.serverEntry(t, ids[2]); e.Status != client.EntryStatusRead {
		t.Errorf("server entry %d status %s, want read", ids[2], e.Status)
	}
	if e := f.serverEntry(t, ids[3]); !e.Starred || e.Status != client.EntryStatusUnread {
		t.Errorf("server entry %d starred %v status %s, want starred unread", ids[3], e.Starred, e.Status)
	}
	checkPending(t, f, 0)
}

func testIncremental(t *testing.T, s *synctest.Server, fix *feedtest.Server) {
	f := newFixture(t, s, fix, "incr", 2, 10)
	ctx := context.Background()
	// Miniflux's changed_after has one-second resolution: let the
	// entries' creation second pass so the cursor lies after it.
	time.Sleep(1100 * time.Millisecond)
	f.mustSync(t)

	st, reqs := f.mustSync(t)
	if len(reqs) != 3 || st.Entries != 0 || st.Sent != 0 {
		t.Errorf("no-change sync: %+v in %d requests %q, want 0 entries in 3", st, len(reqs), reqs)
	}

	ids := f.firstEntries(t, 2)
	if err := f.user.Client.UpdateEntriesContext(ctx, ids[:1], client.EntryStatusRead); err != nil {
		t.Fatal(err)
	}
	st, reqs = f.mustSync(t)
	if len(reqs) != 3 || st.Entries != 1 {
		t.Errorf("after one server change: %+v in %d requests, want 1 entry in 3", st, len(reqs))
	}

	if err := f.local.Mark(ctx, f.localItem(t, ids[1]).ID, feed.FieldRead, true, time.Now()); err != nil {
		t.Fatal(err)
	}
	_, reqs = f.mustSync(t)
	var puts []string
	for _, r := range reqs {
		if strings.HasPrefix(r, "PUT ") {
			puts = append(puts, r)
		}
	}
	want := `PUT /v1/entries {"entry_ids":[` + strconv.FormatInt(ids[1], 10) + `],"status":"read"}`
	if len(reqs) != 4 || len(puts) != 1 || puts[0] != want {
		t.Errorf("after one local change: requests %q, want feeds, entries, %s and counters", reqs, want)
	}
}

func testConflicts(t *testing.T, s *synctest.Server, fix *feedtest.Server) {
	f := newFixture(t, s, fix, "conflict", 1, 2)
	ctx := context.Background()
	f.mustSync(t)
	ids := f.firstEntries(t, 2)

	// An old local change loses to a later server change.
	if err := f.local.Mark(ctx, f.localItem(t, ids[0]).ID, feed.FieldStarred, true, time.Now().Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}
	if err := f.user.Client.UpdateEntriesContext(ctx, ids[:1], client.EntryStatusRead); err != nil {
		t.Fatal(err)
	}
	// A local change after the server's change wins.
	if err := f.user.Client.UpdateEntriesContext(ctx, ids[1:2], client.EntryStatusRead); err != nil {
		t.Fatal(err)
	}
	if err := f.local.Mark(ctx, f.localItem(t, ids[1]).ID, feed.FieldRead, false, time.Now().Add(time.Second)); err != nil {
		t.Fatal(err)
	}
	st, _ := f.mustSync(t)
	if st.Superseded != 1 || st.Sent != 1 {
		t.Errorf("stats %+v, want 1 superseded, 1 sent", st)
	}
	checkLocal(t, f, ids[0], true, false)
	if e := f.serverEntry(t, ids[0]); e.Starred {
		t.Errorf("entry %d starred on the server by an older local change", ids[0])
	}
	checkLocal(t, f, ids[1], false, false)
	if e := f.serverEntry(t, ids[1]); e.Status != client.EntryStatusUnread {
		t.Errorf("entry %d is %s on the server, want the later local unread", ids[1], e.Status)
	}
	checkPending(t, f, 0)
}

func testOfflineQueue(t *testing.T, s *synctest.Server, fix *feedtest.Server) {
	f := newFixture(t, s, fix, "offline", 1, 3)
	f.mustSync(t)
	ids := f.firstEntries(t, 2)

	queueWhileDown(t, f, s, ids)

	st, reqs := f.mustSync(t)
	if st.Sent != 2 || len(reqs) != 5 {
		t.Errorf("after restart: %+v in %q, want 2 sent in 5 requests", st, reqs)
	}
	checkSentAfterRestart(t, f, ids)
	st, reqs = f.mustSync(t)
	if st.Sent != 0 || len(reqs) != 3 {
		t.Errorf("next sync: %+v in %q, want nothing sent again", st, reqs)
	}
}

// queueWhileDown stops Miniflux, marks ids[0] read and ids[1] starred,
// checks that a sync fails and that both changes stay queued across a
// restart of akhbar, then starts Miniflux again.
func queueWhileDown(t *testing.T, f *fixture, s *synctest.Server, ids []int64) {
	t.Helper()
	ctx := context.Background()
	s.Stop()
	if err := f.local.Mark(ctx, f.localItem(t, ids[0]).ID, feed.FieldRead, true, time.Now()); err != nil {
		t.Fatal(err)
	}
	if err := f.local.Mark(ctx, f.localItem(t, ids[1]).ID, feed.FieldStarred, true, time.Now()); err != nil {
		t.Fatal(err)
	}
	if _, _, err := f.sync(t); err == nil {
		t.Fatal("sync succeeded with Miniflux stopped")
	}
	checkPending(t, f, 2)
	f.reopen(t) // akhbar killed and started again: the queue is on disk
	checkPending(t, f, 2)
	s.Restart(t)
}

// checkSentAfterRestart checks that the changes of queueWhileDown reached
// the server and left the queue.
func checkSentAfterRestart(t *testing.T, f *fixture, ids []int64) {
	t.Helper()
	if e := f.serverEntry(t, ids[0]); e.Status != client.EntryStatusRead {
		t.Errorf("entry %d is %s on the server, want read", ids[0], e.Status)
	}
	if e := f.serverEntry(t, ids[1]); !e.Starred {
		t.Errorf("entry %d not starred on the server", ids[1])
	}
	checkPending(t, f, 0)
}

func (f *fixture) localItem(t *testing.T, id int64) feed.Item {
	t.Helper()
	it, err := f.local.ItemByRemoteID(context.Background(), f.account.ID, strconv.FormatInt(id, 10))
	if err != nil {
		t.Fatal(err)
	}
	return it
}

func checkLocal(t *testing.T, f *fixture, id int64, read, starred bool) {
	t.Helper()
	it, err := f.local.ItemByRemoteID(context.Background(), f.account.ID, strconv.FormatInt(id, 10))
	if err != nil {
		t.Fatal(err)
	}
	if it.Read != read || it.Starred != starred {
		t.Errorf("local entry %d: read %v starred %v, want %v %v", id, it.Read, it.Starred, read, starred)
	}
}

func checkPending(t *testing.T, f *fixture, want int) {
	t.Helper()
	p, err := f.local.Pending(context.Background(), f.account.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(p) != want {
		t.Errorf("%d queued changes, want %d: %+v", len(p), want, p)
	}
}
