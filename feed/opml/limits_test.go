package opml

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/akhbar/akhbar/feed"
)

// nested is an OPML document of depth folder outlines, each named name
// plus its level, with one feed at the bottom.
func nested(depth int, name string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0"?><opml version="2.0"><body>`)
	for i := range depth {
		fmt.Fprintf(&b, `<outline text="%s%d">`, name, i)
	}
	b.WriteString(`<outline text="deep" xmlUrl="https://example.org/deep.xml"/>`)
	b.WriteString(strings.Repeat(`</outline>`, depth))
	b.WriteString(`</body></opml>`)
	return b.String()
}

// TestDeepOPML refuses a 9,000-deep document, in memory linear in its
// size (the old reader built a folder path of every level above each
// one: quadratic).
func TestDeepOPML(t *testing.T) {
	doc := nested(9000, strings.Repeat("مجلد", 50))
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, _, err := Read(strings.NewReader(doc))
	runtime.ReadMemStats(&after)
	if err == nil || !strings.Contains(err.Error(), "deeper than") {
		t.Fatalf("Read of a 9,000-deep OPML: %v, want the depth refused", err)
	}
	t.Logf("document %d bytes, allocated %d bytes", len(doc), after.TotalAlloc-before.TotalAlloc)
}

// TestFolderLimits keeps the first MaxFolderDepth folder levels and cuts
// long folder and feed names.
func TestFolderLimits(t *testing.T) {
	feeds, _, err := Read(strings.NewReader(nested(MaxDepth-4, "f")))
	if err != nil || len(feeds) != 1 {
		t.Fatalf("Read: %v, %d feeds", err, len(feeds))
	}
	var want []string
	for i := range MaxFolderDepth {
		want = append(want, fmt.Sprintf("f%d", i))
	}
	if got := feeds[0].Folder; got != strings.Join(want, "/") {
		t.Errorf("folder %q, want %q", got, strings.Join(want, "/"))
	}
	long := strings.Repeat("ש", 10000)
	doc := `<opml version="2.0"><body><outline text="` + long + `"><outline text="` + long + `" xmlUrl="https://example.org/a.xml"/></outline></body></opml>`
	feeds, _, err = Read(strings.NewReader(doc))
	if err != nil || len(feeds) != 1 {
		t.Fatalf("Read: %v, %d feeds", err, len(feeds))
	}
	if f := feeds[0]; len(f.Folder) > feed.MaxNameBytes || len(f.Title) > feed.MaxTitleBytes || f.Folder == "" || f.Title == "" {
		t.Errorf("folder of %d bytes, title of %d", len(f.Folder), len(f.Title))
	}
}

// BenchmarkDeepOPML measures Read refusing a 9,000-deep document.
func BenchmarkDeepOPML(b *testing.B) {
	doc := nested(9000, strings.Repeat("مجلد", 50))
	b.ReportAllocs()
	for b.Loop() {
		Read(strings.NewReader(doc))
	}
}
