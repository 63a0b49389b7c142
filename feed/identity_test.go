package feed

import (
	"strings"
	"testing"
	"time"
)

func TestItemIDStableAndDistinct(t *testing.T) {
	day := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	tests := []struct {
		name string
		a, b Item
		same bool
	}{
		{"same guid, other link", Item{GUID: "g1", URL: "https://a/1"}, Item{GUID: "g1", URL: "https://a/2"}, true},
		{"other guid", Item{GUID: "g1"}, Item{GUID: "g2"}, false},
		{"link when no guid", Item{URL: "https://a/1", Title: "x"}, Item{URL: "https://a/1", Title: "y"}, true},
		{"title and date", Item{Title: "خبر", Published: day}, Item{Title: "خبر", Published: day.In(time.FixedZone("x", 3600))}, true},
		{"title, other date", Item{Title: "خبر", Published: day}, Item{Title: "خبر", Published: day.Add(time.Hour)}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := ItemID("https://f/rss", tt.a), ItemID("https://f/rss", tt.b)
			if (a == b) != tt.same {
				t.Fatalf("ItemID %q vs %q: same=%v, want %v", a, b, a == b, tt.same)
			}
			if len(a) != 16 {
				t.Fatalf("ItemID length %d, want 16", len(a))
			}
		})
	}
	if ItemID("https://f/rss", Item{GUID: "g"}) == ItemID("https://g/rss", Item{GUID: "g"}) {
		t.Fatal("same GUID in two feeds must give two IDs")
	}
}

func TestAsArticleSplitsParagraphs(t *testing.T) {
	it := Item{ID: "x", Title: "عنوان", Summary: "الفقرة الأولى.\n\n  \n\nThe second one.\n\n"}
	a := it.AsArticle()
	if len(a.Blocks) != 2 || a.Blocks[0].Text != "الفقرة الأولى." || a.Blocks[1].Text != "The second one." {
		t.Fatalf("blocks = %+v", a.Blocks)
	}
	if a.Title != "عنوان" || a.ID != "x" {
		t.Fatalf("article = %+v", a)
	}
}

func TestLinkKey(t *testing.T) {
	tests := []struct {
		a, b string
		same bool
	}{
		{"https://a.example/x?ts=1", "https://a.example/x?ts=2", true},
		{"https://a.example/x?id=7&utm_source=rss&fbclid=abc", "https://A.example:443/x?id=7#top", true},
		{"http://a.example/x?_=123&cb=9&b=2&a=1", "http://a.example/x?a=1&b=2", true},
		{"https://a.example/x?id=7", "https://a.example/x?id=8", false},
		{"https://a.example/x", "https://a.example/y", false},
		{"https://a.example/x", "http://a.example/x", false},
	}
	for _, tc := range tests {
		if got := LinkKey(tc.a) == LinkKey(tc.b); got != tc.same {
			t.Errorf("LinkKey(%q) = %q, LinkKey(%q) = %q; same = %v, want %v", tc.a, LinkKey(tc.a), tc.b, LinkKey(tc.b), got, tc.same)
		}
		if !strings.HasPrefix(tc.a, LinkBase(tc.a)) || strings.ContainsAny(LinkBase(tc.a), "?#") {
			t.Errorf("LinkBase(%q) = %q", tc.a, LinkBase(tc.a))
		}
	}
}
