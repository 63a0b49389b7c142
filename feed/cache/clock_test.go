package cache

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/akhbar/akhbar/feed"
)

// TestOpenWithClock: every time the cache stamps comes from the clock it
// was opened with, not from the wall clock.
func TestOpenWithClock(t *testing.T) {
	at := time.Date(2031, 5, 6, 7, 8, 9, 0, time.UTC)
	s, err := OpenWith(filepath.Join(t.TempDir(), "cache.db"), Options{Now: func() time.Time { return at }})
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	}()
	ctx := context.Background()
	f, err := s.AddFeed(ctx, feed.Feed{URL: "https://example.org/rss"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.SaveFetch(ctx, f.ID, feed.FetchResult{Title: "t"}); err != nil { // no At: the cache stamps it
		t.Fatal(err)
	}
	if f, err = s.FeedByURL(ctx, f.URL); err != nil || !f.LastFetch.Equal(at) {
		t.Fatalf("last fetch %v (%v), want %v", f.LastFetch, err, at)
	}
	fl, err := s.AddFollow(ctx, "خبر")
	if err != nil || !fl.Created.Equal(at) {
		t.Fatalf("follow created %v (%v), want %v", fl.Created, err, at)
	}
	state, err := s.ExportState(ctx)
	if err != nil || !state.Exported.Equal(at) {
		t.Fatalf("state exported %v (%v), want %v", state.Exported, err, at)
	}
}
