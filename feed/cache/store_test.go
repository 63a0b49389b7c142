package cache

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	"github.com/akhbar/akhbar/feed"
)

func newStore(t testing.TB) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "cache.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	})
	return s, path
}

func addFeed(t testing.TB, s *Store, url, folder string) feed.Feed {
	t.Helper()
	f, err := s.AddFeed(context.Background(), feed.Feed{URL: url, Folder: folder})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func saveFetch(t testing.TB, s *Store, feedID int64, items ...feed.Item) []feed.Item {
	t.Helper()
	added, err := s.SaveFetch(context.Background(), feedID, feed.FetchResult{Items: items, At: fetchTime})
	if err != nil {
		t.Fatal(err)
	}
	return added
}

var fetchTime = time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

func TestMigrateFromEmpty(t *testing.T) {
	s, path := newStore(t)
	var version int
	if err := s.r.QueryRow("PRAGMA user_version").Scan(&version); err != nil {
		t.Fatal(err)
	}
	if version != len(migrations) {
		t.Fatalf("user_version = %d, want %d", version, len(migrations))
	}
	var mode string
	if err := s.r.QueryRow("PRAGMA journal_mode").Scan(&mode); err != nil {
		t.Fatal(err)
	}
	if mode != "wal" {
		t.Fatalf("journal_mode = %q, want wal", mode)
	}
	again, err := Open(path) // migrating an up-to-date file is a no-op
	if err != nil {
		t.Fatal(err)
	}
	if err := again.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestOpenNotADatabase(t *testing.T) {
	if _, err := Open(filepath.Join(t.TempDir(), "missing-dir", "cache.db")); err == nil {
		t.Fatal("Open in a missing directory: no error")
	}
}

// utc returns it with every time in UTC, so reflect.DeepEqual compares
// instants rather than zone pointers.
func utc(it feed.Item) feed.Item {
	it.Published, it.Updated, it.Fetched = it.Published.UTC(), it.Updated.UTC(), it.Fetched.UTC()
	return it
}

func TestItemRoundTrip(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	f := addFeed(t, s, "https://news.example/rss", "world")
	zone := time.FixedZone("AST", 3*3600)
	want := feed.Item{
		FeedID: f.ID, FeedTitle: "أخبار", GUID: "g-1", URL: "https://news.example/1",
		Title: "عنوان \u200fالخبر", Summary: "ملخص \x1b[31m", Author: "كاتب",
		Published:  time.Date(2026, 2, 28, 9, 30, 15, 123456789, zone),
		Updated:    time.Date(2026, 3, 1, 8, 0, 0, 0, time.UTC),
		Fetched:    time.Date(2026, 3, 1, 11, 0, 0, 0, time.UTC),
		Categories: []string{"اقتصاد", "World"}, Image: "https://news.example/1.jpg",
		Lang: "ar", Read: true, Starred: true,
	}
	_, err := s.SaveFetch(ctx, f.ID, feed.FetchResult{Title: "أخبار", SiteURL: "https://news.example/",
		ETag: `"e1"`, LastModified: "Sun, 01 Mar 2026 11:00:00 GMT", Items: []feed.Item{want}, At: fetchTime})
	if err != nil {
		t.Fatal(err)
	}
	want.ID = feed.ItemID(f.URL, want)
	got, err := s.Item(ctx, want.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(utc(got), utc(want)) {
		t.Fatalf("Item round trip:\n got %+v\nwant %+v", got, want)
	}
	byURL, err := s.ItemByURL(ctx, want.URL)
	if err != nil || byURL.ID != want.ID {
		t.Fatalf("ItemByURL = %v, %v; want %s", byURL.ID, err, want.ID)
	}
	gotFeed, err := s.FeedByURL(ctx, f.URL)
	if err != nil {
		t.Fatal(err)
	}
	wantFeed := feed.Feed{ID: f.ID, URL: f.URL, Title: "أخبار", SiteURL: "https://news.example/",
		Folder: "world", ETag: `"e1"`, LastModified: "Sun, 01 Mar 2026 11:00:00 GMT",
		LastFetch: fetchTime, Unread: 0, Total: 1}
	gotFeed.LastFetch = gotFeed.LastFetch.UTC()
	if !reflect.DeepEqual(gotFeed, wantFeed) {
		t.Fatalf("FeedByURL:\n got %+v\nwant %+v", gotFeed, wantFeed)
	}
}

func TestArticleRoundTrip(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	want := feed.Article{
		ID: "0123456789abcdef", URL: "https://news.example/1", Title: "عنوان", Byline: "بقلم فلان",
		Published: time.Date(2026, 2, 28, 9, 30, 0, 0, time.UTC),
		Modified:  time.Date(2026, 2, 28, 10, 0, 0, 0, time.UTC),
		Section:   "اقتصاد", SiteName: "أخبار", Image: "https://news.example/1.jpg", Lang: "ar", Dir: feed.DirRTL,
		Blocks: []feed.Block{
			{Kind: feed.Heading, Text: "عنوان فرعي", Level: 2},
			{Kind: feed.Paragraph, Text: "نص مع link", Dir: feed.DirRTL, Lang: "ar",
				Spans: []feed.Span{{Start: 7, End: 11, Style: feed.Anchor, Link: 1}}},
		},
		Links:   []feed.Link{{Title: "link", URL: "https://example.org/"}},
		Related: []feed.Link{{Title: "خبر آخر", URL: "https://news.example/2"}},
	}
	if err := s.SaveArticle(ctx, want); err != nil {
		t.Fatal(err)
	}
	got, err := s.Article(ctx, want.URL)
	if err != nil {
		t.Fatal(err)
	}
	got.Published, got.Modified = got.Published.UTC(), got.Modified.UTC()
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("Article round trip:\n got %+v\nwant %+v", got, want)
	}
}

func TestNotFound(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	tests := []struct {
		name string
		call func() error
	}{
		{"Item", func() error { _, err := s.Item(ctx, "nope"); return err }},
		{"ItemByURL", func() error { _, err := s.ItemByURL(ctx, "https://x/"); return err }},
		{"Article", func() error { _, err := s.Article(ctx, "https://x/"); return err }},
		{"FeedByURL", func() error { _, err := s.FeedByURL(ctx, "https://x/"); return err }},
		{"RemoveFeed", func() error { return s.RemoveFeed(ctx, "https://x/") }},
		{"SetStarred", func() error { return s.SetStarred(ctx, "nope", true) }},
		{"SaveFetch", func() error { _, err := s.SaveFetch(ctx, 42, feed.FetchResult{}); return err }},
		{"SaveFeedError", func() error { return s.SaveFeedError(ctx, 42, "boom", fetchTime) }},
		{"DeferFeed", func() error { return s.DeferFeed(ctx, 42, fetchTime) }},
		{"Related", func() error { _, err := s.Related(ctx, "nope", 5); return err }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.call(); !errors.Is(err, feed.ErrNotFound) {
				t.Fatalf("error %v, want one wrapping feed.ErrNotFound", err)
			}
		})
	}
}
