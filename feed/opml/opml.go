// Package opml reads and writes subscription lists in OPML 2.0, the format
// every feed reader imports and exports. Nested outlines become folders.
package opml

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/akhbar/akhbar/feed"
)

type document struct {
	XMLName xml.Name  `xml:"opml"`
	Version string    `xml:"version,attr"`
	Head    head      `xml:"head"`
	Body    []outline `xml:"body>outline"`
}

type head struct {
	Title       string `xml:"title"`
	DateCreated string `xml:"dateCreated,omitempty"`
}

type outline struct {
	Text     string    `xml:"text,attr"`
	Title    string    `xml:"title,attr,omitempty"`
	Type     string    `xml:"type,attr,omitempty"`
	XMLURL   string    `xml:"xmlUrl,attr,omitempty"`
	HTMLURL  string    `xml:"htmlUrl,attr,omitempty"`
	Outlines []outline `xml:"outline"`
}

// Read parses an OPML document into feeds, one per outline with an
// xmlUrl. An outline without one that holds others is a folder: its text
// names the folder of the feeds inside it (nested folders are joined with
// "/"). Only http and https feed URLs are accepted; others (exec:, file:,
// filter: …) are skipped and reported in skipped, never acted upon.
func Read(r io.Reader) (feeds []feed.Feed, skipped []string, err error) {
	var doc document
	dec := xml.NewDecoder(r)
	dec.CharsetReader = charsetReader
	if err := dec.Decode(&doc); err != nil {
		return nil, nil, fmt.Errorf("read opml: %w", err)
	}
	var walk func(list []outline, folder string)
	walk = func(list []outline, folder string) {
		for _, o := range list {
			name := strings.TrimSpace(firstNonEmpty(o.Title, o.Text))
			if o.XMLURL == "" {
				sub := name
				if folder != "" && name != "" {
					sub = folder + "/" + name
				} else if name == "" {
					sub = folder
				}
				walk(o.Outlines, sub)
				continue
			}
			u := strings.TrimSpace(o.XMLURL)
			if !feed.IsWebURL(u) {
				skipped = append(skipped, u)
				continue
			}
			feeds = append(feeds, feed.Feed{URL: u, Title: name, SiteURL: o.HTMLURL, Folder: folder})
		}
	}
	walk(doc.Body, "")
	return feeds, skipped, nil
}

// Write writes feeds as an OPML 2.0 document, feeds with a folder nested in
// an outline of that folder (a "/" in a folder name nests further).
func Write(w io.Writer, feeds []feed.Feed, now time.Time) error {
	doc := document{Version: "2.0", Head: head{Title: "akhbar subscriptions", DateCreated: now.UTC().Format(time.RFC1123Z)}}
	for _, f := range feeds {
		o := outline{Text: firstNonEmpty(f.Title, f.URL), Title: f.Title, Type: "rss", XMLURL: f.URL, HTMLURL: f.SiteURL}
		doc.Body = insert(doc.Body, splitFolder(f.Folder), o)
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return fmt.Errorf("write opml: %w", err)
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("write opml: %w", err)
	}
	if _, err := io.WriteString(w, "\n"); err != nil {
		return fmt.Errorf("write opml: %w", err)
	}
	return nil
}

// insert adds o under the folder path, creating folder outlines as needed.
func insert(list []outline, path []string, o outline) []outline {
	if len(path) == 0 {
		return append(list, o)
	}
	for i := range list {
		if list[i].XMLURL == "" && list[i].Text == path[0] {
			list[i].Outlines = insert(list[i].Outlines, path[1:], o)
			return list
		}
	}
	folder := outline{Text: path[0], Title: path[0]}
	folder.Outlines = insert(nil, path[1:], o)
	return append(list, folder)
}

func splitFolder(folder string) []string {
	var out []string
	for _, p := range strings.Split(folder, "/") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}
