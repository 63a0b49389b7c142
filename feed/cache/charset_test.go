package cache

import (
	"context"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"github.com/akhbar/akhbar/feed"
)

// TestSaveFetchRedecodesStoredItems: items decoded with a wrong code page
// are decoded again when a later fetch declares the right one, including
// items the feed no longer lists.
func TestSaveFetchRedecodesStoredItems(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	f := addFeed(t, s, "https://legacy.example/rss", "")
	const old, fresh = "مغادرة آخر قطار الليلة", "وصول الوفد إلى العاصمة"
	raw, err := charmap.Windows1256.NewEncoder().String(old)
	if err != nil {
		t.Fatal(err)
	}
	mojibake, err := charmap.Windows1252.NewDecoder().String(raw)
	if err != nil {
		t.Fatal(err)
	}
	wrong := feed.Charset{Name: "windows-1252", Declared: true}
	if _, err := s.SaveFetch(ctx, f.ID, feed.FetchResult{At: fetchTime, Charset: wrong,
		Items: []feed.Item{{GUID: "old", Title: mojibake}}}); err != nil {
		t.Fatal(err)
	}
	right := feed.Charset{Name: "windows-1256", Declared: true}
	if _, err := s.SaveFetch(ctx, f.ID, feed.FetchResult{At: fetchTime, Charset: right,
		Items: []feed.Item{{GUID: "fresh", Title: fresh}}}); err != nil {
		t.Fatal(err)
	}
	items, err := s.Items(ctx, feed.ItemQuery{FeedID: f.ID})
	if err != nil {
		t.Fatal(err)
	}
	titles := map[string]string{}
	for _, it := range items {
		titles[it.GUID] = it.Title
	}
	if titles["old"] != old || titles["fresh"] != fresh {
		t.Fatalf("titles %q, want old %q and fresh %q", titles, old, fresh)
	}
	if hits, err := s.Search(ctx, "قطار", 5); err != nil || len(hits) != 1 {
		t.Fatalf("Search(قطار) after re-decoding: %d hits, %v; want the re-decoded item", len(hits), err)
	}
	// A detected charset does not overrule a declared one.
	if _, err := s.SaveFetch(ctx, f.ID, feed.FetchResult{At: fetchTime, Charset: feed.Charset{Name: "iso-8859-6"},
		Items: []feed.Item{{GUID: "fresh", Title: fresh}}}); err != nil {
		t.Fatal(err)
	}
	it, err := s.Items(ctx, feed.ItemQuery{FeedID: f.ID})
	if err != nil || len(it) != 2 {
		t.Fatalf("items %v, %v", it, err)
	}
	for _, x := range it {
		if x.GUID == "old" && x.Title != old {
			t.Fatalf("a detected charset re-decoded a declared one: %q", x.Title)
		}
	}
}
