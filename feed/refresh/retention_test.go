package refresh

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/cache"
	"github.com/akhbar/akhbar/feed/feedtest"
	"github.com/akhbar/akhbar/feed/fetch"
)

// oldRSS is an RSS feed of the items with these numbers, all published
// a year before clock.
func oldRSS(nums ...int) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>ארכיון</title><link>https://example.org/</link>`)
	for _, i := range nums {
		fmt.Fprintf(&b, `<item><title>רשומה ישנה %d</title><link>https://example.org/old/%d</link><pubDate>%s</pubDate></item>`,
			i, i, clock.AddDate(-1, 0, -i).Format(time.RFC1123Z))
	}
	b.WriteString(`</channel></rss>`)
	return []byte(b.String())
}

// TestRetentionAfterNotModified: a feed that answers 304 (or fails) has
// re-listed nothing, so whatever its latest full fetch listed stays,
// however old, even after a starred item of the feed was imported from
// another machine in between; once a full fetch no longer lists an item,
// the age limits apply to it.
func TestRetentionAfterNotModified(t *testing.T) {
	ctx := context.Background()
	s := feedtest.NewServer(t)
	s.Handle("/old.xml", feedtest.Route{Body: oldRSS(1, 2, 3, 4), ContentType: "application/rss+xml", ETag: `"v1"`})
	store := openStore(t)
	f := subscribe(t, store, s, "/old.xml")[0]
	at := clock
	run := func() {
		t.Helper()
		at = at.Add(time.Hour)
		r := &Refresher{Store: store, Client: fetch.New(fetch.Options{}), Options: Options{Now: func() time.Time { return at }}}
		fresh, err := store.Feeds(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := r.Run(ctx, fresh, nil); err != nil {
			t.Fatal(err)
		}
	}
	tight := cache.Retention{Limits: cache.Limits{KeepDays: 30, KeepItems: 1}, UnreadDays: 30}
	cleanup := func() int {
		t.Helper()
		rep, err := store.Cleanup(ctx, tight)
		if err != nil {
			t.Fatal(err)
		}
		return rep.Items
	}

	run() // full fetch: 4 items
	imported := cache.StateItem{FeedURL: f.URL, ID: "imported-star", URL: "https://example.org/starred-elsewhere",
		Title: "כוכב ממכשיר אחר", Starred: true, Published: clock.AddDate(-1, 0, 0)}
	if _, err := store.ImportState(ctx, cache.State{Version: cache.StateVersion, Items: []cache.StateItem{imported}}); err != nil {
		t.Fatal(err)
	}
	run() // 304
	run() // 304
	s.Handle("/old.xml", feedtest.Route{Status: 500})
	run() // failed
	if n := cleanup(); n != 0 || count(t, store, f.ID) != 5 {
		t.Fatalf("after 304s and a failure cleanup removed %d items, %d left; want the 4 listed and the starred one", n, count(t, store, f.ID))
	}
	if n := len(s.Requests("/old.xml")); n != 4 {
		t.Fatalf("%d requests of the feed, want 4", n)
	}

	s.Handle("/old.xml", feedtest.Route{Body: oldRSS(4), ContentType: "application/rss+xml", ETag: `"v2"`})
	run() // full fetch listing only item 4
	if n := cleanup(); n != 3 || count(t, store, f.ID) != 2 {
		t.Fatalf("after a full fetch listing one item cleanup removed %d, %d left; want 3 removed, item 4 and the starred one left", n, count(t, store, f.ID))
	}
}

// count is how many items the feed has in the cache.
func count(t *testing.T, store *cache.Store, feedID int64) int {
	t.Helper()
	items, err := store.Items(context.Background(), feed.ItemQuery{FeedID: feedID, Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	return len(items)
}
