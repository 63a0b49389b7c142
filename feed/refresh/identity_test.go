package refresh

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/cache"
)

// TestUnstableIDsDoNotGrowTheCache serves, on loopback, a feed of 20
// items that changes every GUID and a ?ts= token (and a utm_ tag) in
// every link on every fetch: 10 refreshes must still give 20 items, keep
// their read state, and note the feed's unstable IDs once.
func TestUnstableIDsDoNotGrowTheCache(t *testing.T) {
	var fetches atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := fetches.Add(1)
		var b strings.Builder
		b.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Churn</title>`)
		for i := range 20 {
			fmt.Fprintf(&b, `<item><guid isPermaLink="false">%d-%d</guid><title>خبر %d</title>`+
				`<link>http://%s/story/%d?id=%d&amp;ts=%d&amp;utm_source=rss%d</link>`+
				`<pubDate>Sat, 28 Nov 2026 %02d:00:00 GMT</pubDate></item>`, n, i, i, r.Host, i, i, n*1000+int64(i), n, i)
		}
		b.WriteString(`</channel></rss>`)
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(b.String()))
	}))
	defer srv.Close()
	store := openStore(t)
	ctx := context.Background()
	f, err := store.AddFeed(ctx, feed.Feed{URL: srv.URL + "/feed.xml"})
	if err != nil {
		t.Fatal(err)
	}
	r := &Refresher{Store: store, Options: Options{Now: fixedNow}}
	var notices []string
	for i := range 10 {
		sum, err := r.Run(ctx, []feed.Feed{f}, nil)
		if err != nil || len(sum.Failed) > 0 {
			t.Fatalf("refresh %d: %v %v", i, err, sum.Failed)
		}
		if i > 0 && sum.New != 0 {
			t.Errorf("refresh %d: %d new items from a feed that only changed its IDs", i+1, sum.New)
		}
		if i == 0 {
			markOneRead(t, store)
		}
		got, err := store.FeedByURL(ctx, f.URL)
		if err != nil {
			t.Fatal(err)
		}
		notices = append(notices, got.Notice)
	}
	items, err := store.Items(ctx, feed.ItemQuery{FeedID: f.ID, Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 20 {
		t.Errorf("10 refreshes left %d items, want 20", len(items))
	}
	read := 0
	for _, it := range items {
		if it.Read {
			read++
		}
	}
	if read != 1 {
		t.Errorf("%d items read after the refreshes, want the 1 marked", read)
	}
	if fetches.Load() != 10 {
		t.Errorf("%d fetches, want 10", fetches.Load())
	}
	if notices[0] != "" {
		t.Errorf("notice after the first fetch: %q", notices[0])
	}
	for i, n := range notices[1:] {
		if n != cache.NoticeUnstableIDs {
			t.Errorf("notice after fetch %d: %q, want %q", i+2, n, cache.NoticeUnstableIDs)
		}
	}
}

func markOneRead(t *testing.T, store *cache.Store) {
	t.Helper()
	items, err := store.Items(context.Background(), feed.ItemQuery{Limit: 1})
	if err != nil || len(items) != 1 {
		t.Fatalf("items: %v", err)
	}
	if err := store.SetRead(context.Background(), []string{items[0].ID}, true); err != nil {
		t.Fatal(err)
	}
}
