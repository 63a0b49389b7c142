package feed

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

func TestClip(t *testing.T) {
	family := "👩\u200d👩\u200d👧" // one cluster of 18 bytes
	tests := []struct {
		in             string
		bytes, cluster int
		want           string
	}{
		{"short", 10, 10, "short"},
		{"abcdef", 10, 4, "abc…"},
		{"abcdef", 6, 6, "abcdef"},
		{"abcdefg", 6, 10, "abc…"},
		{"سلام دنیا", 100, 5, "سلام…"},
		{strings.Repeat(family, 3), 100, 2, family + "…"},
		{strings.Repeat(family, 3), 40, 10, family + family + "…"},
		{"e\u0301e\u0301e\u0301", 100, 2, "e\u0301…"},
	}
	for _, tc := range tests {
		got := Clip(tc.in, tc.bytes, tc.cluster)
		if got != tc.want {
			t.Errorf("Clip(%q, %d, %d) = %q, want %q", tc.in, tc.bytes, tc.cluster, got, tc.want)
		}
		if len(got) > tc.bytes || uniseg.GraphemeClusterCount(got) > tc.cluster || !utf8.ValidString(got) {
			t.Errorf("Clip(%q, %d, %d) = %q breaks its limits", tc.in, tc.bytes, tc.cluster, got)
		}
	}
}

// hugeFeed is an RSS document (under the 16 MiB a fetch allows) with a
// one-word item title of 10 MiB and every other field oversized too.
func hugeFeed() []byte {
	word := strings.Repeat("ب", 5<<20) // 10 MiB, one word
	var b strings.Builder
	fmt.Fprintf(&b, `<rss version="2.0"><channel><title>%s</title><link>https://example.org/</link><item>`, word[:1<<20])
	fmt.Fprintf(&b, `<guid>%s</guid><title>%s</title><link>https://example.org/%s</link>`, strings.Repeat("g", 10000), word, strings.Repeat("x", 10000))
	fmt.Fprintf(&b, `<author>%s</author><description>%s</description>`, word[:100000], strings.Repeat("نص ", 200000))
	for i := range 100 {
		fmt.Fprintf(&b, `<category>c%d %s</category>`, i, strings.Repeat("ك", 1000))
	}
	b.WriteString(`</item></channel></rss>`)
	return []byte(b.String())
}

func TestParseCapsFields(t *testing.T) {
	p, err := Parse(hugeFeed(), "https://example.org/feed.xml", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	it := p.Items[0]
	check := func(what, s string, maxBytes, maxClusters int) {
		t.Helper()
		if len(s) > maxBytes || uniseg.GraphemeClusterCount(s) > maxClusters || !utf8.ValidString(s) {
			t.Errorf("%s: %d bytes, %d clusters; limits %d and %d", what, len(s), uniseg.GraphemeClusterCount(s), maxBytes, maxClusters)
		}
		if s == "" {
			t.Errorf("%s: empty, want it cut, not dropped", what)
		}
	}
	check("feed title", p.Title, MaxTitleBytes, MaxTitleClusters)
	check("title", it.Title, MaxTitleBytes, MaxTitleClusters)
	check("author", it.Author, MaxNameBytes, MaxNameClusters)
	check("summary", it.Summary, MaxSummaryBytes, MaxSummaryClusters)
	if len(it.Categories) != MaxCategories {
		t.Errorf("%d categories, want %d", len(it.Categories), MaxCategories)
	}
	for _, c := range it.Categories {
		check("category", c, MaxNameBytes, MaxNameClusters)
	}
	if it.URL != "" {
		t.Errorf("a 10 kB link was kept (%d bytes)", len(it.URL))
	}
	if len(it.GUID) > MaxGUIDBytes || it.GUID == "" {
		t.Errorf("GUID of %d bytes", len(it.GUID))
	}
}

func TestParseKeepsNewestItems(t *testing.T) {
	var b strings.Builder
	b.WriteString(`<rss version="2.0"><channel><title>many</title>`)
	day := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	n := MaxItems + 500
	for i := range n {
		// Oldest in the middle of the document, so order alone does not decide.
		at := day.Add(time.Duration((i*7919)%n) * time.Minute)
		fmt.Fprintf(&b, `<item><guid>%d</guid><title>t%d</title><pubDate>%s</pubDate></item>`, i, i, at.Format(time.RFC1123Z))
	}
	b.WriteString(`</channel></rss>`)
	p, err := Parse([]byte(b.String()), "https://example.org/feed.xml", day)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Items) != MaxItems || p.Dropped != 500 {
		t.Fatalf("%d items kept, %d dropped; want %d and 500", len(p.Items), p.Dropped, MaxItems)
	}
	cut := day.Add(500 * time.Minute) // the 500 oldest are before this
	for _, it := range p.Items {
		if it.Published.Before(cut) {
			t.Fatalf("kept %s of %s, older than every dropped item", it.Title, it.Published)
		}
	}
}

// BenchmarkParseHugeTitle measures Parse on a document with a 10 MiB
// one-word title (and other oversized fields).
func BenchmarkParseHugeTitle(b *testing.B) {
	doc := hugeFeed()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(doc, "https://example.org/feed.xml", time.Now()); err != nil {
			b.Fatal(err)
		}
	}
}
