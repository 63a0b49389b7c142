package feed

import (
	"bytes"
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// feedTypes are the link types that announce a feed. Read-only.
var feedTypes = map[string]bool{
	"application/rss+xml":   true,
	"application/atom+xml":  true,
	"application/rdf+xml":   true,
	"application/feed+json": true,
	"application/x-rss+xml": true,
	"text/xml":              true,
}

// Discover returns the feed URLs an HTML page announces with
// <link rel="alternate" type="…"> for RSS, Atom and JSON Feed, made
// absolute against pageURL (or the page's <base href>), without repeats,
// in page order. A page without such links, or that is no HTML, gives
// none.
func Discover(page []byte, pageURL string) []string {
	base, err := url.Parse(pageURL)
	if err != nil {
		return nil
	}
	var found []string
	seen := map[string]bool{}
	z := html.NewTokenizer(bytes.NewReader(page))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return found
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		switch tok.DataAtom {
		case atom.Base:
			if u, err := url.Parse(attr(tok, "href")); err == nil && attr(tok, "href") != "" {
				base = base.ResolveReference(u)
			}
		case atom.Link:
			if !isFeedLink(tok) {
				continue
			}
			if u := resolve(base, attr(tok, "href")); u != "" && !seen[u] {
				seen[u] = true
				found = append(found, u)
			}
		}
	}
}

// isFeedLink reports whether a <link> announces a feed.
func isFeedLink(tok html.Token) bool {
	alternate := false
	for _, rel := range strings.Fields(strings.ToLower(attr(tok, "rel"))) {
		alternate = alternate || rel == "alternate"
	}
	typ := strings.ToLower(strings.TrimSpace(attr(tok, "type")))
	if i := strings.IndexByte(typ, ';'); i >= 0 {
		typ = strings.TrimSpace(typ[:i])
	}
	return alternate && feedTypes[typ]
}

// attr returns the value of the attribute key of tok, or "".
func attr(tok html.Token, key string) string {
	for _, a := range tok.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
