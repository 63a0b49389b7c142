package cache

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/akhbar/akhbar/feed"
)

func sampleItems(n int, guidPrefix string) []feed.Item {
	items := make([]feed.Item, n)
	for i := range items {
		items[i] = feed.Item{
			GUID:      fmt.Sprintf("%s-%d", guidPrefix, i),
			URL:       fmt.Sprintf("https://news.example/story/%d", i),
			Title:     fmt.Sprintf("خبر رقم %d", i),
			Published: fetchTime.Add(-time.Duration(i) * time.Hour),
		}
	}
	return items
}

func count(t *testing.T, s *Store, q feed.ItemQuery) int {
	t.Helper()
	n, err := s.CountItems(context.Background(), q)
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func TestSaveFetchIdentity(t *testing.T) {
	tests := []struct {
		name    string
		second  []feed.Item // saved after sampleItems(5, "g")
		wantNew int
		total   int
	}{
		{"same items again", sampleItems(5, "g"), 0, 5},
		{"GUIDs rewritten, same links and titles", sampleItems(5, "rewritten"), 0, 5},
		{"no GUIDs, same links", func() []feed.Item {
			items := sampleItems(5, "")
			for i := range items {
				items[i].GUID = ""
			}
			return items
		}(), 0, 5},
		{"two more items", sampleItems(7, "g"), 2, 7},
		{"same link, new title, new GUID: a new item", func() []feed.Item {
			items := sampleItems(1, "other")
			items[0].Title = "عنوان جديد"
			return items
		}(), 1, 6},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := newStore(t)
			f := addFeed(t, s, "https://news.example/rss", "")
			if got := len(saveFetch(t, s, f.ID, sampleItems(5, "g")...)); got != 5 {
				t.Fatalf("first fetch: %d new, want 5", got)
			}
			if got := len(saveFetch(t, s, f.ID, tt.second...)); got != tt.wantNew {
				t.Fatalf("second fetch: %d new, want %d", got, tt.wantNew)
			}
			saveFetch(t, s, f.ID, tt.second...) // and a third time
			if got := count(t, s, feed.ItemQuery{}); got != tt.total {
				t.Fatalf("%d items, want %d", got, tt.total)
			}
		})
	}
}

func TestReadAndStarredSurviveResave(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	f := addFeed(t, s, "https://news.example/rss", "")
	added := saveFetch(t, s, f.ID, sampleItems(3, "g")...)
	if err := s.SetRead(ctx, []string{added[0].ID, added[1].ID}, true); err != nil {
		t.Fatal(err)
	}
	if err := s.SetStarred(ctx, added[1].ID, true); err != nil {
		t.Fatal(err)
	}
	changed := sampleItems(3, "rewritten") // new GUIDs, and a new summary
	for i := range changed {
		changed[i].Summary = "ملخص محدث"
	}
	saveFetch(t, s, f.ID, changed...)
	want := []struct{ read, starred bool }{{true, false}, {true, true}, {false, false}}
	for i, w := range want {
		it, err := s.Item(ctx, added[i].ID)
		if err != nil {
			t.Fatal(err)
		}
		if it.Read != w.read || it.Starred != w.starred || it.Summary != "ملخص محدث" {
			t.Errorf("item %d: read=%v starred=%v summary=%q, want %v %v and the new summary",
				i, it.Read, it.Starred, it.Summary, w.read, w.starred)
		}
	}
	feeds, err := s.Feeds(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if feeds[0].Unread != 1 || feeds[0].Total != 3 {
		t.Fatalf("unread/total = %d/%d, want 1/3", feeds[0].Unread, feeds[0].Total)
	}
}

func TestRemoveFeedKeepsStarred(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	f := addFeed(t, s, "https://news.example/rss", "")
	other := addFeed(t, s, "https://other.example/rss", "")
	if _, err := s.SaveFetch(ctx, f.ID, feed.FetchResult{Title: "أخبار", Items: sampleItems(3, "g"), At: fetchTime}); err != nil {
		t.Fatal(err)
	}
	items, err := s.Items(ctx, feed.ItemQuery{FeedID: f.ID, Order: feed.OldestFirst})
	if err != nil {
		t.Fatal(err)
	}
	saveFetch(t, s, other.ID, feed.Item{GUID: "o", URL: items[1].URL, Title: "same link elsewhere"})
	for _, it := range items {
		if err := s.SaveArticle(ctx, feed.Article{URL: it.URL, Blocks: []feed.Block{{Kind: feed.Paragraph, Text: "نص " + it.Title}}}); err != nil {
			t.Fatal(err)
		}
	}
	starred := items[0]
	if err := s.SetStarred(ctx, starred.ID, true); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveFeed(ctx, f.URL); err != nil {
		t.Fatal(err)
	}

	kept, err := s.Item(ctx, starred.ID)
	if err != nil {
		t.Fatalf("starred item after RemoveFeed: %v", err)
	}
	if kept.FeedID != 0 || kept.FeedTitle != "أخبار" || !kept.Starred {
		t.Errorf("orphan = feed %d %q starred=%v, want feed 0 \"أخبار\" starred", kept.FeedID, kept.FeedTitle, kept.Starred)
	}
	articles := []struct {
		url  string
		kept bool
	}{{items[0].URL, true}, {items[1].URL, true}, {items[2].URL, false}} // [1] is linked from the other feed
	for _, a := range articles {
		_, err := s.Article(ctx, a.url)
		if (err == nil) != a.kept {
			t.Errorf("Article(%s) after RemoveFeed: %v, want kept=%v", a.url, err, a.kept)
		}
	}
	if _, err := s.Item(ctx, items[2].ID); err == nil {
		t.Error("unstarred item survived RemoveFeed")
	}
	if got := count(t, s, feed.ItemQuery{}); got != 2 {
		t.Errorf("%d items after RemoveFeed, want 2 (the orphan and the other feed's)", got)
	}
	hits, err := s.Search(ctx, "نص", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 2 { // the orphan and the other feed's item, whose article stayed
		t.Errorf("search after RemoveFeed found %d hits, want 2", len(hits))
	}
	for _, h := range hits {
		if h.Item.ID == items[2].ID {
			t.Error("search found an item of the removed feed")
		}
	}

	// Subscribing again adopts the orphan instead of duplicating it.
	f = addFeed(t, s, f.URL, "")
	saveFetch(t, s, f.ID, sampleItems(3, "g")...)
	if got := count(t, s, feed.ItemQuery{FeedID: f.ID}); got != 3 {
		t.Errorf("%d items after subscribing again, want 3", got)
	}
}
