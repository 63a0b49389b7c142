package remote_test

import (
	"context"
	"errors"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/remote"
	"github.com/akhbar/akhbar/feed/remote/greader"
)

// stdItems names the items of newStd's server.
type stdItems struct {
	recent                    []int64 // 6 unread, crawled an hour ago, 3 per feed
	oldRead, oldUnread, oldSt int64   // crawled 30 days ago: read; unread; read and starred
}

// newStd starts a standard Google Reader server with two feeds and a
// local database with an account on it.
func newStd(t *testing.T) (*grServer, *fixture, stdItems) {
	t.Helper()
	srv := newGRServer(t, "alice", "alice-pw")
	a := srv.addFeed("الجزيرة", "http://example.com/aj.xml", "أخبار")
	b := srv.addFeed("LWN", "http://example.com/lwn.xml", "Tech")
	var its stdItems
	old := 30 * 24 * time.Hour
	its.oldRead = srv.addItem(a, "قديم مقروء", old, true, false)
	its.oldUnread = srv.addItem(a, "قديم غير مقروء", old, false, false)
	its.oldSt = srv.addItem(b, "old starred", old, true, true)
	for i := range 6 {
		its.recent = append(its.recent, srv.addItem([]int{a, b}[i%2], "خبر "+string(rune('أ'+i)), time.Hour, false, false))
	}
	f := &fixture{path: filepath.Join(t.TempDir(), "local.db"), count: &counter{}}
	f.reopen(t)
	t.Setenv("AKHBAR_TEST_GR_STD", "alice-pw")
	acc, err := f.local.SaveAccount(context.Background(), feed.Account{Kind: feed.KindGReader, URL: srv.URL,
		Username: "alice", Credential: feed.Credential{Kind: feed.SecretPassword, Env: "AKHBAR_TEST_GR_STD"}})
	if err != nil {
		t.Fatal(err)
	}
	f.account = acc
	return srv, f, its
}

// std prefixes paths with the server's path.
func std(ps ...string) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = grPrefix + p
	}
	return out
}

// stdNoChange is an unchanged sync: login, subscriptions, unread,
// starred, new items through stream/contents.
var stdNoChange = std(grLogin, grSubs, grIDs, grIDs, grStream)

func TestGReaderStandardFirstSync(t *testing.T) {
	_, f, its := newStd(t)
	ctx := context.Background()
	st, reqs := f.mustSync(t)
	// The 6 recent items come through stream/contents in pages of 5;
	// the old unread and old starred ones by ID; the old read one not.
	want := std(grLogin, grSubs, grIDs, grIDs, grStream, grStream, grItems)
	if got := paths(reqs); st.Feeds != 2 || st.Entries != 8 || !slices.Equal(got, want) {
		t.Errorf("first sync: %+v in %q, want 2 feeds, 8 entries in %q", st, got, want)
	}
	if _, err := f.local.ItemByRemoteID(ctx, f.account.ID, strconv.FormatInt(its.oldRead, 10)); !errors.Is(err, feed.ErrNotFound) {
		t.Errorf("old read item: %v, want not fetched", err)
	}
	checkLocal(t, f, its.oldUnread, false, false)
	checkLocal(t, f, its.oldSt, true, true)
	checkLocal(t, f, its.recent[0], false, false)
	feeds, err := accountFeeds(ctx, f.local, f.account.ID)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]int{}
	for _, fd := range feeds {
		got[fd.Folder+"/"+fd.Title] = fd.Unread
	}
	if want := map[string]int{"أخبار/الجزيرة": 4, "Tech/LWN": 3}; !maps.Equal(got, want) {
		t.Errorf("feeds with unread counts %v, want %v", got, want)
	}
	it := f.localItem(t, its.recent[0])
	if !strings.HasPrefix(it.Title, "خبر ") || it.Summary != it.Title || it.FeedID == 0 {
		t.Errorf("item = %+v, want its title, its content as plain text, a feed", it)
	}

	st, reqs = f.mustSync(t)
	if got := paths(reqs); st.Entries != 0 || !slices.Equal(got, stdNoChange) {
		t.Errorf("no-change sync: %+v in %q, want 0 entries in %q", st, got, stdNoChange)
	}
}

func TestGReaderStandardIncremental(t *testing.T) {
	srv, f, its := newStd(t)
	f.mustSync(t)
	// A new item comes with the new-items request; a state change by ID.
	srv.advance(time.Minute)
	fresh := srv.addItem(0, "جديد", 0, false, false)
	srv.set(its.oldRead, false, true)
	// (An item crawled in the very second of a sync is fetched again by
	// the next one: the window overlaps by a second, so nothing is missed.)
	srv.advance(time.Minute)
	st, reqs := f.mustSync(t)
	if got, want := paths(reqs), append(slices.Clone(stdNoChange), grPrefix+grItems); st.Entries != 2 || !slices.Equal(got, want) {
		t.Errorf("after a new item and a change: %+v in %q, want 2 entries in %q", st, got, want)
	}
	checkLocal(t, f, fresh, false, false)
	checkLocal(t, f, its.oldRead, false, true)
	srv.advance(time.Minute)
	st, reqs = f.mustSync(t)
	if got := paths(reqs); st.Entries != 0 || !slices.Equal(got, stdNoChange) {
		t.Errorf("then: %+v in %q, want 0 entries in %q", st, got, stdNoChange)
	}
}

func TestGReaderStandardBothWaysAndConflicts(t *testing.T) {
	srv, f, its := newStd(t)
	ctx := context.Background()
	f.mustSync(t)
	mark := func(id int64, field feed.Field, v bool, at time.Time) {
		t.Helper()
		if err := f.local.Mark(ctx, f.localItem(t, id).ID, field, v, at); err != nil {
			t.Fatal(err)
		}
	}
	mark(its.recent[0], feed.FieldRead, true, time.Now())
	mark(its.recent[1], feed.FieldStarred, true, time.Now())
	// The server changed recent[2] after the last sync: an older local
	// change of it loses, a later one of recent[3] wins.
	mark(its.recent[2], feed.FieldStarred, true, time.Now().Add(-time.Hour))
	srv.set(its.recent[2], true, false)
	srv.set(its.recent[3], true, false)
	mark(its.recent[3], feed.FieldRead, false, time.Now().Add(2*time.Second))

	st, reqs := f.mustSync(t)
	if st.Sent != 3 || st.Superseded != 1 {
		t.Errorf("stats %+v, want 3 sent, 1 superseded", st)
	}
	if got := paths(reqs); !slices.Contains(got, grPrefix+grToken) {
		t.Errorf("requests %q: no edit token fetched", got)
	}
	for _, c := range []struct {
		id            int64
		read, starred bool
	}{
		{its.recent[0], true, false},
		{its.recent[1], false, true},
		{its.recent[2], true, false},
		{its.recent[3], false, false},
	} {
		if r, s := srv.state(c.id); r != c.read || s != c.starred {
			t.Errorf("server item %d: read %v starred %v, want %v %v", c.id, r, s, c.read, c.starred)
		}
		checkLocal(t, f, c.id, c.read, c.starred)
	}
	checkPending(t, f, 0)
	st, reqs = f.mustSync(t)
	if got := paths(reqs); st.Entries != 0 || st.Sent != 0 || !slices.Equal(got, stdNoChange) {
		t.Errorf("next sync: %+v in %q, want nothing in %q", st, got, stdNoChange)
	}
}

func TestGReaderStandardCredentials(t *testing.T) {
	_, f, _ := newStd(t)
	// A token credential is the auth token: no ClientLogin.
	t.Setenv("AKHBAR_TEST_GR_TOKEN", "alice/auth-token")
	f.account.Credential = feed.Credential{Kind: feed.SecretToken, Env: "AKHBAR_TEST_GR_TOKEN"}
	st, reqs := f.mustSync(t)
	if got := paths(reqs); st.Entries != 8 || slices.Contains(got, grPrefix+grLogin) {
		t.Errorf("token sync: %+v in %q, want 8 entries without login", st, got)
	}
	// A wrong password is an authorization failure, and the sync stops.
	t.Setenv("AKHBAR_TEST_GR_STD", "wrong")
	f.account.Credential = feed.Credential{Kind: feed.SecretPassword, Env: "AKHBAR_TEST_GR_STD"}
	if _, reqs, err := f.sync(t); !errors.Is(err, greader.ErrUnauthorized) || len(reqs) != 1 {
		t.Errorf("wrong password: %v after %q, want ErrUnauthorized after the login", err, paths(reqs))
	}
	if _, err := remote.Open(context.Background(), feed.Account{Kind: "rss"}, f.local, nil); err == nil {
		t.Error("Open of an unknown kind succeeded")
	}
}
