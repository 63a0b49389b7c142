package cache

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/akhbar/akhbar/feed"
)

// generated opens a new cache made by Generate with items items in feeds
// feeds, closed when the test ends, and returns it with its path.
func generated(t *testing.T, items, feeds int) (*Store, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "gen.db")
	if err := Generate(path, items, feeds); err != nil {
		t.Fatal(err)
	}
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

func TestGenerate(t *testing.T) {
	s, _ := generated(t, 203, 4)
	ctx := context.Background()
	feeds, err := s.Feeds(ctx)
	if err != nil {
		t.Fatal(err)
	}
	total, unread := 0, 0
	for _, f := range feeds {
		total += f.Total
		unread += f.Unread
	}
	if len(feeds) != 4 || total != 203 || unread == 0 || unread == total {
		t.Fatalf("%d feeds, %d items, %d unread; want 4 feeds, 203 items, some read", len(feeds), total, unread)
	}
	langs := map[string]int{}
	items, err := s.Items(ctx, feed.ItemQuery{Limit: 300})
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		langs[it.Lang]++
		a, err := s.Article(ctx, it.URL)
		if err != nil {
			t.Fatal(err)
		}
		if n := len(a.Text()); n < 3000 || n > 4500 {
			t.Fatalf("article %s is %d bytes, want about 3 KB", a.URL, n)
		}
		if len(it.Categories) == 0 || it.Published.IsZero() || a.ID != it.ID {
			t.Fatalf("item %+v lacks categories, date or article link", it)
		}
	}
	if langs["ar"] < 90 || langs["en"] < 90 {
		t.Fatalf("languages %v, want about half Arabic, half English", langs)
	}
	hits, err := s.Search(ctx, "في", 5) // a common Arabic word
	if err != nil || len(hits) == 0 {
		t.Fatalf("search in the generated cache: %d hits, %v", len(hits), err)
	}
}
