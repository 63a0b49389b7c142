package opml

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/akhbar/akhbar/feed"
)

func TestRoundTrip(t *testing.T) {
	in := []feed.Feed{
		{URL: "https://news.example/ar/rss", Title: "أخبار العالم", Folder: "عربي"},
		{URL: "https://news.example/fa/atom", Title: "خبرها", Folder: "عربي/فارسی"},
		{URL: "https://news.example/he/rss", Title: "חדשות", Folder: "עברית"},
		{URL: "https://blog.example/feed.json", Title: "Blog & <Notes>"},
	}
	var buf bytes.Buffer
	if err := Write(&buf, in, time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)); err != nil {
		t.Fatal(err)
	}
	out, skipped, err := Read(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(skipped) != 0 {
		t.Fatalf("skipped %v", skipped)
	}
	byURL := map[string]feed.Feed{}
	for _, f := range out {
		byURL[f.URL] = feed.Feed{URL: f.URL, Title: f.Title, Folder: f.Folder}
	}
	for _, f := range in {
		if got := byURL[f.URL]; !reflect.DeepEqual(got, f) {
			t.Errorf("round trip of %s: got %+v, want %+v", f.URL, got, f)
		}
	}
	if len(out) != len(in) {
		t.Errorf("got %d feeds, want %d", len(out), len(in))
	}
}

func TestReadSkipsNonWebFeeds(t *testing.T) {
	doc := `<?xml version="1.0"?><opml version="2.0"><head/><body>
<outline text="ok" xmlUrl="http://a.example/rss"/>
<outline text="cmd" xmlUrl="exec:rm -rf ~"/>
<outline text="filter" xmlUrl="filter:/bin/sh:http://x"/>
<outline text="file" xmlUrl="file:///etc/passwd"/>
</body></opml>`
	feeds, skipped, err := Read(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	if len(feeds) != 1 || feeds[0].URL != "http://a.example/rss" {
		t.Fatalf("feeds = %+v", feeds)
	}
	if len(skipped) != 3 {
		t.Fatalf("skipped = %v, want 3", skipped)
	}
}

func TestReadLegacyCharset(t *testing.T) {
	// "خبر" in windows-1256 is 0xCE 0xC8 0xD1.
	doc := append([]byte(`<?xml version="1.0" encoding="windows-1256"?><opml version="2.0"><head/><body><outline text="`),
		0xCE, 0xC8, 0xD1)
	doc = append(doc, []byte(`" xmlUrl="https://a.example/rss"/></body></opml>`)...)
	feeds, _, err := Read(bytes.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	if len(feeds) != 1 || feeds[0].Title != "خبر" {
		t.Fatalf("feeds = %+v", feeds)
	}
}

func TestReadInvalid(t *testing.T) {
	if _, _, err := Read(strings.NewReader("<html><body>not opml")); err == nil {
		t.Fatal("want an error for a non-OPML document")
	}
}
