package feedtest

import (
	"bytes"
	"embed"
	"fmt"
	"net/http"
	"path"
	"strings"
	"sync"
	"testing"
)

// hostileFiles are the hand-written hostile fixtures: feeds, a page and
// an OPML file carrying every attack of issue 6 (see
// testdata/hostile/README.md). They contain {{BASE}} where a link points
// back at the server that serves them.
//
//go:embed testdata/hostile
var hostileFiles embed.FS

// Paths of the hostile fixture set on a server started by Hostile.
const (
	HostileRSS    = "/hostile/rss.xml"
	HostileAtom   = "/hostile/atom.xml"
	HostileJSON   = "/hostile/feed.json"
	HostilePage   = "/hostile/page/hostile.html"
	HostileOPML   = "/hostile/hostile.opml"
	HostileStatus = "/hostile/status.xml" // answers 500 with escape sequences in its status line
	// Generated on first request (large; see the functions of the same
	// name).
	HostileLongTitle = "/hostile/big/long-title.xml" // LongTitleFeed(10 MB)
	HostileDeepXML   = "/hostile/big/deep.xml"       // DeepXMLFeed(1e6)
	HostileManyItems = "/hostile/big/many.xml"       // ManyItemsFeed(200,000)
	HostileDeepHTML  = "/hostile/big/deep.html"      // DeepHTMLPage(1e5)
)

// HostileFeeds lists the small hostile feeds of a Hostile server: RSS,
// Atom, JSON Feed, and one that fails with a hostile status line.
func HostileFeeds() []string {
	return []string{HostileRSS, HostileAtom, HostileJSON, HostileStatus}
}

// HostileStatusLine is the reason phrase HostileStatus answers with.
const HostileStatusLine = "\x1b]0;pwned-status\x07\x1b[2J\u009b31m\u202eevil\u202c broken\x08\x08"

// HostileFile returns the fixture at name (e.g. "rss.xml",
// "page/hostile.html") with {{BASE}} replaced by base, the server's URL
// without a trailing slash. It fails only for an unknown name.
func HostileFile(name, base string) ([]byte, error) {
	b, err := hostileFiles.ReadFile(path.Join("testdata/hostile", name))
	if err != nil {
		return nil, fmt.Errorf("hostile fixture %s: %w", name, err)
	}
	return bytes.ReplaceAll(b, []byte("{{BASE}}"), []byte(base)), nil
}

// Hostile starts a loopback server (closed when t ends) that serves the
// hostile fixture set under /hostile/: every file of testdata/hostile at
// its path, HostileStatus, and the generated large documents.
func Hostile(t testing.TB) *Server {
	t.Helper()
	s := NewServer(t)
	base := strings.TrimSuffix(s.URL("/"), "/")
	for name, ctype := range map[string]string{
		"rss.xml":           "application/rss+xml; charset=utf-8",
		"atom.xml":          "application/atom+xml; charset=utf-8",
		"feed.json":         "application/feed+json",
		"hostile.opml":      "text/x-opml; charset=utf-8",
		"page/hostile.html": "text/html; charset=utf-8",
	} {
		body, err := HostileFile(name, base)
		if err != nil {
			t.Fatal(err)
		}
		s.Handle("/hostile/"+name, Route{Body: body, ContentType: ctype})
	}
	s.HandleFunc(HostileStatus, hostileStatus)
	s.HandleFunc(HostileLongTitle, lazy("application/rss+xml", func() []byte { return LongTitleFeed(10 << 20) }))
	s.HandleFunc(HostileDeepXML, lazy("application/rss+xml", func() []byte { return DeepXMLFeed(1_000_000) }))
	s.HandleFunc(HostileManyItems, lazy("application/rss+xml", func() []byte { return ManyItemsFeed(200_000) }))
	s.HandleFunc(HostileDeepHTML, lazy("text/html; charset=utf-8", func() []byte { return DeepHTMLPage(100_000) }))
	return s
}

// hostileStatus writes a raw HTTP response whose status line carries
// escape sequences, C1 controls and bidi overrides: net/http's server
// would never send one, so it takes over the connection.
func hostileStatus(w http.ResponseWriter, _ *http.Request) {
	conn, buf, err := http.NewResponseController(w).Hijack()
	if err != nil {
		http.Error(w, "hijack: "+err.Error(), http.StatusInternalServerError)
		return
	}
	defer conn.Close()
	fmt.Fprintf(buf, "HTTP/1.1 500 %s\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", HostileStatusLine)
	if err := buf.Flush(); err != nil {
		return // the client went away
	}
}

// lazy answers with the document gen makes, made once on first request.
func lazy(contentType string, gen func() []byte) http.HandlerFunc {
	body := sync.OnceValue(gen)
	return func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", contentType)
		if _, err := w.Write(body()); err != nil {
			return // the client gave up
		}
	}
}

// LongTitleFeed is an RSS feed of one item whose title is a single word
// of n bytes (no space to break it at).
func LongTitleFeed(n int) []byte {
	var b bytes.Buffer
	b.Grow(n + 300)
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Long title</title>`)
	b.WriteString(`<item><guid>long</guid><link>https://example.com/long</link><title>L01`)
	b.Write(bytes.Repeat([]byte("x"), max(n-3, 0)))
	b.WriteString(`</title><description>L01 one very long word</description></item></channel></rss>`)
	return b.Bytes()
}

// DeepXMLFeed is an RSS feed with one item whose description holds
// elements nested depth levels deep.
func DeepXMLFeed(depth int) []byte {
	var b bytes.Buffer
	b.Grow(7*depth + 300)
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Deep</title>`)
	b.WriteString(`<item><guid>deep</guid><link>https://example.com/deep</link><title>D01 deep</title><description>`)
	b.Write(bytes.Repeat([]byte("<a>"), depth))
	b.WriteString("D01 bottom")
	b.Write(bytes.Repeat([]byte("</a>"), depth))
	b.WriteString(`</description></item></channel></rss>`)
	return b.Bytes()
}

// ManyItemsFeed is an RSS feed of n small items (a GUID and a title
// each, about 45 bytes: 200,000 of them fit the fetch client's 16 MiB).
func ManyItemsFeed(n int) []byte {
	var b bytes.Buffer
	b.Grow(n*50 + 200)
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Many</title>`)
	for i := range n {
		fmt.Fprintf(&b, "<item><guid>m%d</guid><title>M %d</title></item>\n", i, i)
	}
	b.WriteString(`</channel></rss>`)
	return b.Bytes()
}

// DeepHTMLPage is an article page whose body nests div elements depth
// levels deep around its text.
func DeepHTMLPage(depth int) []byte {
	var b bytes.Buffer
	b.Grow(11*depth + 400)
	b.WriteString(`<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Deep page</title></head><body><article><h1>Deep page</h1>`)
	b.Write(bytes.Repeat([]byte("<div>"), depth))
	b.WriteString("<p>D02 the text at the bottom of a very deep page, long enough to be an article paragraph.</p>")
	b.Write(bytes.Repeat([]byte("</div>"), depth))
	b.WriteString(`</article></body></html>`)
	return b.Bytes()
}
