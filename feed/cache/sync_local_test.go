package cache

import (
	"context"
	"testing"
	"time"

	"github.com/akhbar/akhbar/feed"
)

func entry(remoteID, feedID string, read bool, changed time.Time) feed.Entry {
	it := feed.Item{URL: "https://s.example/" + remoteID, Title: "entry " + remoteID, Read: read}
	it.ID = feed.ItemID("https://s.example/rss", it)
	return feed.Entry{RemoteID: remoteID, RemoteFeedID: feedID, Item: it, ChangedAt: changed}
}

func TestLocalLaterChangeWins(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	local := addFeed(t, s, "https://s.example/rss", "mine") // joins the account
	a, err := s.SaveAccount(ctx, feed.Account{Kind: feed.KindMiniflux, URL: "http://127.0.0.1:1"})
	if err != nil {
		t.Fatal(err)
	}
	must(t, s.SaveFeeds(ctx, a.ID, []feed.RemoteFeed{{RemoteID: "f1", URL: local.URL, Title: "Server title", Folder: "news"}}))
	if f, err := s.FeedByURL(ctx, local.URL); err != nil || f.ID != local.ID || f.Account != a.ID || f.Folder != "news" {
		t.Fatalf("local feed after SaveFeeds: %+v, %v; want it taken over by the account", f, err)
	}
	t0 := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	must(t, s.SaveEntries(ctx, a.ID, []feed.Entry{entry("1", "f1", false, t0), entry("2", "f1", false, t0), entry("3", "f1", false, t0)}))
	one, two := entry("1", "f1", false, t0).Item.ID, entry("2", "f1", false, t0).Item.ID
	must(t, s.Mark(ctx, one, feed.FieldRead, true, t0.Add(time.Minute)))  // later than the server's next change
	must(t, s.Mark(ctx, two, feed.FieldRead, true, t0.Add(-time.Minute))) // older
	p, err := s.Pending(ctx, a.ID)
	if err != nil || len(p) != 2 || p[0].RemoteID != "1" || p[0].Field != feed.FieldRead || !p[0].Value {
		t.Fatalf("pending: %+v, %v", p, err)
	}
	// The server says unread for both, changed at t0+30s; 3 is removed.
	removed := entry("3", "f1", false, t0)
	removed.Removed = true
	must(t, s.SaveEntries(ctx, a.ID, []feed.Entry{
		entry("1", "f1", false, t0.Add(30*time.Second)), entry("2", "f1", false, t0.Add(30*time.Second)), removed,
	}))
	if it, err := s.Item(ctx, one); err != nil || !it.Read {
		t.Fatalf("entry 1: %+v, %v; want the later local read kept", it, err)
	}
	if it, err := s.Item(ctx, two); err != nil || it.Read {
		t.Fatalf("entry 2: %+v, %v; want the later server unread", it, err)
	}
	if n := count(t, s, feed.ItemQuery{FeedID: local.ID}); n != 2 {
		t.Fatalf("%d items, want 2 after the removed entry", n)
	}
	must(t, s.Ack(ctx, a.ID, []int64{p[0].ID, p[1].ID}))
	if p, err := s.Pending(ctx, a.ID); err != nil || len(p) != 0 {
		t.Fatalf("pending after ack: %+v, %v", p, err)
	}
	must(t, s.SaveCursor(ctx, a.ID, "42"))
	if c, err := s.Cursor(ctx, a.ID); err != nil || c != "42" {
		t.Fatalf("cursor %q, %v", c, err)
	}
	// A local item that is no entry is marked without queueing.
	other := addFeed(t, s, "https://local.example/rss", "")
	added := saveFetch(t, s, other.ID, sampleItems(1, "l")...)
	must(t, s.SetRead(ctx, []string{added[0].ID}, true))
	if p, err := s.Pending(ctx, a.ID); err != nil || len(p) != 0 {
		t.Fatalf("a local item's change was queued: %+v, %v", p, err)
	}
}

func TestItemQueryByAccount(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	mine := addFeed(t, s, "https://mine.example/rss", "mine")
	a, err := s.SaveAccount(ctx, feed.Account{Kind: feed.KindMiniflux, URL: "http://127.0.0.1:1"})
	if err != nil {
		t.Fatal(err)
	}
	must(t, s.SaveFeeds(ctx, a.ID, []feed.RemoteFeed{{RemoteID: "f1", URL: "https://s.example/rss", Title: "Synced", Folder: "news"}}))
	t0 := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	must(t, s.SaveEntries(ctx, a.ID, []feed.Entry{entry("1", "f1", false, t0), entry("2", "f1", false, t0)}))
	it := feed.Item{GUID: "local-1", URL: "https://mine.example/1", Title: "local", Published: t0}
	it.ID = feed.ItemID(mine.URL, it)
	if _, err := s.SaveFetch(ctx, mine.ID, feed.FetchResult{Items: []feed.Item{it}, At: t0}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		q    feed.ItemQuery
		want int
	}{
		{feed.ItemQuery{}, 3},
		{feed.ItemQuery{Account: a.ID}, 2},
		{feed.ItemQuery{Account: feed.LocalOnly}, 1},
		{feed.ItemQuery{Account: a.ID, Folder: "news"}, 2},
		{feed.ItemQuery{Account: feed.LocalOnly, Folder: "news"}, 0},
	} {
		if n := count(t, s, tt.q); n != tt.want {
			t.Errorf("%+v: %d items, want %d", tt.q, n, tt.want)
		}
	}
}
