package demo

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// pageLinks is what a test reads from one article page.
type pageLinks struct {
	related  []string // hrefs inside "related" and "read-also" boxes
	ld       []string // JSON-LD relatedLink
	captions []string
	ldOK     bool // every JSON-LD block parsed
}

// readPage parses an article page.
func readPage(t *testing.T, body []byte) pageLinks {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	var pl pageLinks
	pl.ldOK = true
	var walk func(n *html.Node, inRelated bool)
	walk = func(n *html.Node, inRelated bool) {
		if n.Type == html.ElementNode {
			class := attr(n, "class")
			inRelated = inRelated || strings.Contains(class, "related") || strings.Contains(class, "read-also")
			switch n.Data {
			case "a":
				if inRelated {
					pl.related = append(pl.related, attr(n, "href"))
				}
			case "figcaption":
				pl.captions = append(pl.captions, text(n))
			case "script":
				if attr(n, "type") == "application/ld+json" {
					urls, ok := ldRelated(text(n))
					pl.ld = append(pl.ld, urls...)
					pl.ldOK = pl.ldOK && ok
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inRelated)
		}
	}
	walk(doc, false)
	return pl
}

// ldRelated returns the relatedLink URLs of a JSON-LD @graph document.
func ldRelated(src string) ([]string, bool) {
	var doc struct {
		Graph []struct {
			RelatedLink []string `json:"relatedLink"`
		} `json:"@graph"`
	}
	if err := json.Unmarshal([]byte(src), &doc); err != nil {
		return nil, false
	}
	var out []string
	for _, g := range doc.Graph {
		out = append(out, g.RelatedLink...)
	}
	return out, true
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func TestRelatedLinksPointToDemoPages(t *testing.T) {
	s := startTest(t)
	withLD := 0
	for _, pf := range parseFeeds(t, s) {
		for _, it := range pf.Items {
			_, body := get(t, it.Link, nil)
			pl := readPage(t, body)
			if !pl.ldOK {
				t.Errorf("%s: broken JSON-LD", it.Link)
			}
			if len(pl.related) < 2 {
				t.Errorf("%s: %d related links, want at least 2", it.Link, len(pl.related))
			}
			if len(pl.ld) > 0 {
				withLD++
			}
			for _, u := range append(pl.related, pl.ld...) {
				if u == it.Link || !strings.HasPrefix(u, s.URL()+"/") || !strings.Contains(u, "/news/") {
					t.Errorf("%s: related link %q is not another demo page", it.Link, u)
					continue
				}
				if resp, _ := get(t, u, nil); resp.StatusCode != http.StatusOK {
					t.Errorf("%s: related %s: status %d", it.Link, u, resp.StatusCode)
				}
			}
		}
	}
	if withLD < 2 {
		t.Errorf("%d pages with JSON-LD relatedLink, want at least 2", withLD)
	}
}

func TestPagesHaveCaptionWithLatinCredit(t *testing.T) {
	s := startTest(t)
	for _, pf := range parseFeeds(t, s) {
		for _, it := range pf.Items {
			_, body := get(t, it.Link, nil)
			pl := readPage(t, body)
			if len(pl.captions) != 1 || !strings.Contains(pl.captions[0], " via ") {
				t.Errorf("%s: captions %q, want one with a \"via\" credit", it.Link, pl.captions)
			}
		}
	}
}
