package cache

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/akhbar/akhbar/feed"
)

// searchCorpus is saved as one feed; keys name the items in the tests.
var searchCorpus = []struct {
	key, title, summary, article string
}{
	{"ahmad", "أَحْمَد يزور المدرسة", "زيارة مُصْطَفَى إلى شبه الجزيرة العربية", ""},
	{"reversed", "الجزيرة شبه", "عنوان مقلوب", ""},
	{"persian", "کتاب تازه در ایران", "", ""},
	{"hebrew", "שָׁלוֹם עַכְשָׁיו", "", ""},
	{"english", "Economy grows in Qatar", "The QATAR economy grew", ""},
	{"article", "تقرير", "", "تراجعت مؤشرات اقتصادية عدة في الربع الأخير.\n\nوقال محللون إن ذلك متوقع."},
}

func searchStore(t *testing.T) *Store {
	t.Helper()
	s, _ := newStore(t)
	ctx := context.Background()
	f := addFeed(t, s, "https://news.example/rss", "")
	var items []feed.Item
	for _, c := range searchCorpus {
		items = append(items, feed.Item{GUID: c.key, URL: "https://news.example/" + c.key, Title: c.title, Summary: c.summary})
	}
	saveFetch(t, s, f.ID, items...)
	for _, c := range searchCorpus {
		if c.article == "" {
			continue
		}
		var blocks []feed.Block
		for _, p := range strings.Split(c.article, "\n\n") {
			blocks = append(blocks, feed.Block{Kind: feed.Paragraph, Text: p})
		}
		if err := s.SaveArticle(ctx, feed.Article{URL: "https://news.example/" + c.key, Blocks: blocks}); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

func TestSearch(t *testing.T) {
	s := searchStore(t)
	tests := []struct {
		query string
		want  []string // keys, in any order
	}{
		{"احمد", []string{"ahmad"}},
		{"أحمد", []string{"ahmad"}},
		{"أَحْمَد", []string{"ahmad"}},
		{"المدرسه", []string{"ahmad"}},
		{"مصطفي", []string{"ahmad"}},
		{"كتاب", []string{"persian"}},  // Arabic kaf finds Persian keheh
		{"ايران", []string{"persian"}}, // Arabic yeh finds Persian yeh
		{"ایران", []string{"persian"}},
		{"שלום", []string{"hebrew"}},
		{"שָׁלוֹם", []string{"hebrew"}},
		{"ECONOMY", []string{"english"}},
		{"economy qatar", []string{"english"}},
		{"economy ahmad", nil}, // words must all match
		{"اقتصا*", []string{"article"}},
		{"مؤشرات متوقع", []string{"article"}}, // article text, two paragraphs
		{`"شبه الجزيرة"`, []string{"ahmad"}},
		{"شبه الجزيرة", []string{"ahmad", "reversed"}},
		{`"(*`, nil},
		{`"`, nil},
		{`AND OR NOT`, nil},
		{`NEAR(economy`, nil},
		{`title:economy`, nil},
		{`^economy -qatar +grows`, []string{"english"}},
		{`{title body}: economy`, nil}, // three words: title, body, economy
		{`economy*"qatar`, []string{"english"}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			hits, err := s.Search(context.Background(), tt.query, 10)
			if err != nil {
				t.Fatalf("Search(%q): %v", tt.query, err)
			}
			var got []string
			for _, h := range hits {
				got = append(got, h.Item.GUID)
				for _, m := range h.Match {
					if m[0] < 0 || m[1] > len(h.Snippet) || m[0] >= m[1] {
						t.Errorf("hit %s: match %v outside snippet %q", h.Item.GUID, m, h.Snippet)
					}
				}
			}
			slices.Sort(got)
			want := slices.Clone(tt.want)
			slices.Sort(want)
			if !slices.Equal(got, want) {
				t.Fatalf("Search(%q) = %q, want %q", tt.query, got, want)
			}
		})
	}
}

func TestSearchSnippetAndRank(t *testing.T) {
	s := searchStore(t)
	hits, err := s.Search(context.Background(), "اقتصا*", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 1 || len(hits[0].Match) != 1 {
		t.Fatalf("hits %+v, want one with one match", hits)
	}
	h := hits[0]
	if got := h.Snippet[h.Match[0][0]:h.Match[0][1]]; got != "اقتصادية" {
		t.Fatalf("match %q in snippet %q, want اقتصادية", got, h.Snippet)
	}
	// A title match outranks a body match (the title column weighs more).
	hits, err = s.Search(context.Background(), "الجزيرة", 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 2 || hits[0].Item.GUID != "reversed" {
		t.Fatalf("Search(الجزيرة) ranks %v first, want the title match", hits)
	}
}

// FuzzSearch checks that no query is an error: every user query becomes
// a valid FTS5 query, and snippets stay inside their text.
func FuzzSearch(f *testing.F) {
	for _, q := range []string{`"(*`, `a OR b`, `NEAR(a b, 2)`, `"شبه الجزيرة"`, `اقتصا*`, `*`, `""`,
		`title:x`, `{title}: x`, `a AND (b OR c)`, "\x00\xff", `-x ^y +z`, `"a" "b`, `ﷺ`, `צה״ל`} {
		f.Add(q)
	}
	s, _ := newStore(f)
	ctx := context.Background()
	feedRow := addFeed(f, s, "https://news.example/rss", "")
	saveFetch(f, s, feedRow.ID, feed.Item{GUID: "1", Title: "economy شبه الجزيرة", Summary: "أَحْمَد (a OR b) \"q\" *"})
	f.Fuzz(func(t *testing.T, q string) {
		hits, err := s.Search(ctx, q, 5)
		if err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
		for _, h := range hits {
			for _, m := range h.Match {
				if m[0] < 0 || m[1] > len(h.Snippet) || m[0] >= m[1] {
					t.Fatalf("Search(%q): match %v outside snippet %q", q, m, h.Snippet)
				}
			}
		}
	})
}

func TestSearchArticleSavedBeforeItem(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	url := "https://news.example/early"
	if err := s.SaveArticle(ctx, feed.Article{URL: url, Blocks: []feed.Block{{Kind: feed.Paragraph, Text: "نص مبكر عن الزلزال"}}}); err != nil {
		t.Fatal(err)
	}
	f := addFeed(t, s, "https://news.example/rss", "")
	added := saveFetch(t, s, f.ID, feed.Item{GUID: "early", URL: url, Title: "عنوان"})
	hits, err := s.Search(ctx, "الزلزال", 5)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 1 || hits[0].Item.ID != added[0].ID {
		t.Fatalf("Search found %d hits, want the item whose article was saved first", len(hits))
	}
	// Saving the article again now links it to the item.
	if err := s.SaveArticle(ctx, feed.Article{URL: url, Blocks: []feed.Block{{Kind: feed.Paragraph, Text: "نص محدث"}}}); err != nil {
		t.Fatal(err)
	}
	a, err := s.Article(ctx, url)
	if err != nil || a.ID != added[0].ID {
		t.Fatalf("Article ID = %q, %v; want %s", a.ID, err, added[0].ID)
	}
	for _, q := range []struct {
		query string
		hits  int
	}{{"الزلزال", 0}, {"محدث", 1}} {
		hits, err := s.Search(ctx, q.query, 5)
		if err != nil || len(hits) != q.hits {
			t.Fatalf("Search(%s) after re-save: %d hits, %v; want %d", q.query, len(hits), err, q.hits)
		}
	}
}

func TestSearchBroadQueryRanksNewest(t *testing.T) {
	s, _ := newStore(t)
	s.window = 3
	f := addFeed(t, s, "https://news.example/rss", "")
	for i := range 10 { // one fetch each: later items get higher numbers
		saveFetch(t, s, f.ID, feed.Item{GUID: fmt.Sprint(i), Title: fmt.Sprintf("خبر %d", i)})
	}
	hits, err := s.Search(context.Background(), "خبر", 10)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range hits {
		got = append(got, h.Item.GUID)
	}
	slices.Sort(got)
	if !slices.Equal(got, []string{"7", "8", "9"}) {
		t.Fatalf("broad search ranked %q, want the 3 newest: 7 8 9", got)
	}
	hits, err = s.Search(context.Background(), "خبر 2", 10) // narrow: whole cache
	if err != nil || len(hits) != 1 || hits[0].Item.GUID != "2" {
		t.Fatalf("narrow search: %v, %v; want item 2", hits, err)
	}
}
