package remote_test

import (
	"context"
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/feedtest"
	"github.com/akhbar/akhbar/feed/remote"
	"github.com/akhbar/akhbar/feed/remote/synctest"
	"miniflux.app/v2/client"
)

// TestGReaderMiniflux runs the Google Reader engine against Miniflux's
// Google Reader endpoint, which serves item IDs and item contents but not
// stream/contents; each subtest has its own user and local database.
func TestGReaderMiniflux(t *testing.T) {
	s := synctest.Start(t)
	fix := feedtest.NewServer(t)
	t.Run("FirstSync", func(t *testing.T) { testGRFirstSync(t, s, fix) })
	t.Run("BothWays", func(t *testing.T) { testGRBothWays(t, s, fix) })
	t.Run("Incremental", func(t *testing.T) { testGRIncremental(t, s, fix) })
	t.Run("Conflicts", func(t *testing.T) { testGRConflicts(t, s, fix) })
	t.Run("OfflineQueue", func(t *testing.T) { testGROffline(t, s, fix) })
	t.Run("Retention", func(t *testing.T) { testGRRetention(t, s, fix) })
	t.Run("RemovedOnServer", func(t *testing.T) { testGRRemovedOnServer(t, s, fix) })
	t.Run("Repair", func(t *testing.T) { testGRRepair(t, s, fix) })
}

// paths returns the request paths without methods and bodies.
func paths(reqs []string) []string {
	out := make([]string, len(reqs))
	for i, r := range reqs {
		_, rest, _ := strings.Cut(r, " ")
		out[i], _, _ = strings.Cut(rest, " ")
	}
	return out
}

const (
	grLogin   = "/accounts/ClientLogin"
	grSubs    = "/reader/api/0/subscription/list"
	grIDs     = "/reader/api/0/stream/items/ids"
	grItems   = "/reader/api/0/stream/items/contents"
	grToken   = "/reader/api/0/token"
	grEditTag = "/reader/api/0/edit-tag"
	grStream  = "/reader/api/0/stream/contents/user/-/state/com.google/reading-list"
)

// noChange is what a sync of an unchanged account asks a server that
// serves item IDs only: login, subscriptions, unread, starred, new.
var noChange = []string{grLogin, grSubs, grIDs, grIDs, grIDs}

func testGRFirstSync(t *testing.T, s *synctest.Server, fix *feedtest.Server) {
	f := newFixture(t, s, fix, "grfirst", 3, 5)
	f.useGReader(t, s)
	ctx := context.Background()
	st, reqs := f.mustSync(t)
	if st.Feeds != 3 || st.Entries != 15 {
		t.Errorf("stats = %+v, want 3 feeds, 15 entries", st)
	}
	// Login, subscriptions, unread, starred, stream/contents answered
	// "[]", new item IDs, then the contents of the 15 unread items.
	want := []string{grLogin, grSubs, grIDs, grIDs, grStream, grIDs, grItems}
	if got := paths(reqs); !slices.Equal(got, want) {
		t.Errorf("first sync requests %q, want %q", got, want)
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
	it := f.localItem(t, id)
	if !strings.HasPrefix(it.Title, "خبر ") || !strings.HasPrefix(it.Summary, "نص الخبر رقم") || it.FeedID == 0 {
		t.Errorf("item = %+v, want the Arabic title, the content as plain text and a feed", it)
	}
	// The same story has the same ID through either protocol.
	mf := *f
	mf.account.ID = 0
	mf.account.Kind = feed.KindMiniflux
	mf.account.Username = f.user.Name
	mf.account.Credential = feed.Credential{Kind: feed.SecretPassword, Env: "AKHBAR_TEST_SECRET_grfirst"}
	if mf.account, err = f.local.SaveAccount(ctx, mf.account); err != nil {
		t.Fatal(err)
	}
	mf.mustSync(t)
	if other := mf.localItem(t, id); other.ID != it.ID {
		t.Errorf("item ID %s through Google Reader, %s through Miniflux's API", it.ID, other.ID)
	}
}

func testGRBothWays(t *testing.T, s *synctest.Server, fix *feedtest.Server) {
	f := newFixture(t, s, fix, "grboth", 1, 4)
	f.useGReader(t, s)
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
	st, _ := f.mustSync(t)
	if st.Entries != 2 {
		t.Errorf("fetched %d entries after 2 server changes, want 2", st.Entries)
	}
	checkLocal(t, f, ids[0], true, false)
	checkLocal(t, f, ids[1], false, true)

	// akhbar → server, and back to unread and unstarred.
	for _, v := range []bool{true, false} {
		if err := f.local.Mark(ctx, f.localItem(t, ids[2]).ID, feed.FieldRead, v, time.Now()); err != nil {
			t.Fatal(err)
		}
		if err := f.local.Mark(ctx, f.localItem(t, ids[3]).ID, feed.FieldStarred, v, time.Now()); err != nil {
			t.Fatal(err)
		}
		st, _ = f.mustSync(t)
		if st.Sent != 2 {
			t.Errorf("sent %d changes, want 2", st.Sent)
		}
		wantStatus := map[bool]string{true: client.EntryStatusRead, false: client.EntryStatusUnread}[v]
		if e := f.serverEntry(t, ids[2]); e.Status != wantStatus {
			t.Errorf("server entry %d status %s, want %s", ids[2], e.Status, wantStatus)
		}
		if e := f.serverEntry(t, ids[3]); e.Starred != v || e.Status != client.EntryStatusUnread {
			t.Errorf("server entry %d starred %v status %s, want starred %v unread", ids[3], e.Starred, e.Status, v)
		}
		checkPending(t, f, 0)
	}
}

func testGRIncremental(t *testing.T, s *synctest.Server, fix *feedtest.Server) {
	f := newFixture(t, s, fix, "grincr", 2, 10)
	f.useGReader(t, s)
	ctx := context.Background()
	f.mustSync(t)

	st, reqs := f.mustSync(t)
	if got := paths(reqs); st.Entries != 0 || !slices.Equal(got, noChange) {
		t.Errorf("no-change sync: %+v in %q, want 0 entries in %q", st, got, noChange)
	}
	// An engine kept open logs in once.
	e, err := remote.Open(ctx, f.account, f.local, f.count)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		f.count.take()
		if _, err := e.Sync(ctx); err != nil {
			t.Fatal(err)
		}
		if got, want := paths(f.count.take()), noChange[i:]; !slices.Equal(got, want) {
			t.Errorf("sync %d of one engine: %q, want %q", i, got, want)
		}
	}

	ids := f.firstEntries(t, 2)
	if err := f.user.Client.UpdateEntriesContext(ctx, ids[:1], client.EntryStatusRead); err != nil {
		t.Fatal(err)
	}
	st, reqs = f.mustSync(t)
	if got, want := paths(reqs), append(slices.Clone(noChange), grItems); st.Entries != 1 || !slices.Equal(got, want) {
		t.Errorf("after one server change: %+v in %q, want 1 entry in %q", st, got, want)
	}

	if err := f.local.Mark(ctx, f.localItem(t, ids[1]).ID, feed.FieldRead, true, time.Now()); err != nil {
		t.Fatal(err)
	}
	_, reqs = f.mustSync(t)
	if got, want := paths(reqs), append(slices.Clone(noChange), grToken, grEditTag); !slices.Equal(got, want) {
		t.Fatalf("after one local change: %q, want %q", got, want)
	}
	_, body, _ := strings.Cut(strings.TrimPrefix(reqs[len(reqs)-1], "POST "+grEditTag), " ")
	form, err := url.ParseQuery(body)
	if err != nil {
		t.Fatal(err)
	}
	wantID := fmt.Sprintf("tag:google.com,2005:reader/item/%016x", ids[1])
	if form.Get("a") != "user/-/state/com.google/read" || len(form["i"]) != 1 || form.Get("i") != wantID || form.Get("T") == "" {
		t.Errorf("edit-tag form %v, want i=%s a=read and a token", redactT(form), wantID)
	}
	// The change sent is not taken for a server change next time.
	st, reqs = f.mustSync(t)
	if got := paths(reqs); st.Entries != 0 || !slices.Equal(got, noChange) {
		t.Errorf("after sending: %+v in %q, want 0 entries in %q", st, got, noChange)
	}
}

// redactT drops the token from a form for printing.
func redactT(form url.Values) url.Values {
	out := url.Values{}
	for k, v := range form {
		if k != "T" {
			out[k] = v
		}
	}
	return out
}

func testGRConflicts(t *testing.T, s *synctest.Server, fix *feedtest.Server) {
	f := newFixture(t, s, fix, "grconflict", 1, 2)
	f.useGReader(t, s)
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
	if err := f.local.Mark(ctx, f.localItem(t, ids[1]).ID, feed.FieldRead, false, time.Now().Add(2*time.Second)); err != nil {
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

func testGROffline(t *testing.T, s *synctest.Server, fix *feedtest.Server) {
	f := newFixture(t, s, fix, "groffline", 1, 3)
	f.useGReader(t, s)
	f.mustSync(t)
	ids := f.firstEntries(t, 2)

	queueWhileDown(t, f, s, ids)

	st, reqs := f.mustSync(t)
	edits := 0
	for _, p := range paths(reqs) {
		if p == grEditTag {
			edits++
		}
	}
	if st.Sent != 2 || edits != 2 {
		t.Errorf("after restart: %+v in %q, want 2 sent in 2 edit-tags", st, paths(reqs))
	}
	checkSentAfterRestart(t, f, ids)
	st, reqs = f.mustSync(t)
	if got := paths(reqs); st.Sent != 0 || !slices.Equal(got, noChange) {
		t.Errorf("next sync: %+v in %q, want nothing sent again", st, got)
	}
}
