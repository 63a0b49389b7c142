package cache

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"

	"github.com/akhbar/akhbar/feed"
)

// TestSaveFetchConcurrent saves 40 fetches from 40 goroutines at once, so
// that they are saved in batches, with one fetch of a feed that does not
// exist among them: it alone fails; every other call returns its own new
// items, and the counts, the search index and read state are as if each
// had been saved alone.
func TestSaveFetchConcurrent(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	const feeds, per = 40, 25
	ids := make([]int64, feeds)
	for i := range ids {
		ids[i] = addFeed(t, s, fmt.Sprintf("https://batch%d.example/rss", i), "").ID
	}
	ids[7] = 999_999 // no such feed
	added := make([][]feed.Item, feeds)
	errs := make([]error, feeds)
	var wg sync.WaitGroup
	for i := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			items := sampleItems(per, fmt.Sprintf("batch%d", i))
			for j := range items {
				items[j].Summary = fmt.Sprintf("نص الخبر الكامل رقم %d", i)
			}
			added[i], errs[i] = s.SaveFetch(ctx, ids[i], feed.FetchResult{Items: items})
		}()
	}
	wg.Wait()
	for i := range ids {
		if i == 7 {
			if !errors.Is(errs[i], feed.ErrNotFound) {
				t.Errorf("fetch of a missing feed: %v, want ErrNotFound", errs[i])
			}
			continue
		}
		if errs[i] != nil || len(added[i]) != per {
			t.Fatalf("feed %d: %d new, %v", i, len(added[i]), errs[i])
		}
		for _, it := range added[i] {
			if it.FeedID != ids[i] {
				t.Fatalf("feed %d was told of an item of feed %d", i, it.FeedID)
			}
		}
	}
	if err := s.SetRead(ctx, []string{added[0][0].ID}, true); err != nil {
		t.Fatal(err)
	}
	fs, err := s.Feeds(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fs {
		if f.URL == "https://batch7.example/rss" {
			continue // its fetch went to the missing feed
		}
		want := per - map[bool]int{true: 1}[f.ID == ids[0]]
		if f.Total != per || f.Unread != want {
			t.Errorf("feed %s: total %d unread %d, want %d and %d", f.URL, f.Total, f.Unread, per, want)
		}
	}
	hits, err := s.Search(ctx, "الكامل", 10_000)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != (feeds-1)*per {
		t.Errorf("search found %d items, want %d", len(hits), (feeds-1)*per)
	}
}
