// Package opml reads and writes subscription lists in OPML 2.0, the format
// every feed reader imports and exports. Nested outlines become folders.
package opml

import (
	"encoding/xml"
	"errors"
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

// Limits on what an OPML document may hold. Real subscription lists nest
// a few folders deep; a document of thousands of levels is an attack on
// memory (each level's folder path holds all the levels above it).
const (
	// MaxDepth is the deepest element nesting Read accepts; deeper
	// documents are refused.
	MaxDepth = 64
	// MaxFolderDepth is how many folder levels are kept: the feeds of
	// deeper folders go into the folder at this depth.
	MaxFolderDepth = 8
)

// Read parses an OPML document into feeds, one per outline with an
// xmlUrl. An outline without one that holds others is a folder: its text
// names the folder of the feeds inside it (nested folders are joined with
// "/", at most MaxFolderDepth of them). Names are capped like a feed's
// (feed.Clip). Only http and https feed URLs are accepted; others (exec:,
// file:, filter: …) are skipped and reported in skipped, never acted
// upon. It reads the document as a stream, in memory linear in its size,
// and fails on nesting deeper than MaxDepth.
func Read(r io.Reader) (feeds []feed.Feed, skipped []string, err error) {
	dec := xml.NewDecoder(r)
	dec.CharsetReader = charsetReader
	var stack []frame
	root := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			if len(stack) > 0 || !root {
				return nil, nil, errors.New("read opml: not an OPML document")
			}
			return feeds, skipped, nil
		}
		if err != nil {
			return nil, nil, fmt.Errorf("read opml: %w", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if len(stack) >= MaxDepth {
				return nil, nil, fmt.Errorf("read opml: elements nested deeper than %d levels", MaxDepth)
			}
			f, err := enter(stack, t)
			if err != nil {
				return nil, nil, err
			}
			if f.kind == inFeed {
				if u := strings.TrimSpace(attr(t, "xmlUrl")); feed.IsWebURL(u) {
					feeds = append(feeds, feed.Feed{URL: u, Title: f.name, SiteURL: attr(t, "htmlUrl"), Folder: f.folder})
				} else {
					skipped = append(skipped, u)
				}
			}
			stack, root = append(stack, f), true
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		}
	}
}

// frameKind is what an open element of an OPML document is to Read.
type frameKind uint8

const (
	inOther  frameKind = iota // anything Read does not look into
	inRoot                    // <opml>
	inBody                    // <opml><body>
	inFolder                  // an outline without xmlUrl
	inFeed                    // an outline with one (its children are ignored)
)

// frame is one open element: its kind, and for outlines the folder path
// of the feeds inside it, its level and its name.
type frame struct {
	kind   frameKind
	folder string
	level  int // folder levels in folder
	name   string
}

// enter returns the frame of element t opened inside stack; it fails when
// the root element is not <opml>.
func enter(stack []frame, t xml.StartElement) (frame, error) {
	if len(stack) == 0 {
		if t.Name.Local != "opml" {
			return frame{}, fmt.Errorf("read opml: root element <%s>, want <opml>", t.Name.Local)
		}
		return frame{kind: inRoot}, nil
	}
	parent := stack[len(stack)-1]
	switch {
	case parent.kind == inRoot && t.Name.Local == "body":
		return frame{kind: inBody}, nil
	case (parent.kind == inBody || parent.kind == inFolder) && t.Name.Local == "outline":
		name := strings.TrimSpace(firstNonEmpty(attr(t, "title"), attr(t, "text")))
		if attr(t, "xmlUrl") != "" {
			return frame{kind: inFeed, folder: parent.folder, name: feed.Clip(name, feed.MaxTitleBytes, feed.MaxTitleClusters)}, nil
		}
		f := frame{kind: inFolder, folder: parent.folder, level: parent.level}
		if name != "" && parent.level < MaxFolderDepth {
			name = feed.Clip(name, feed.MaxNameBytes, feed.MaxNameClusters)
			f.folder, f.level = name, parent.level+1
			if parent.folder != "" {
				f.folder = parent.folder + "/" + name
			}
		}
		return f, nil
	}
	return frame{kind: inOther}, nil
}

// attr returns the value of t's attribute named name ("" when absent).
func attr(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name && a.Name.Space == "" {
			return a.Value
		}
	}
	return ""
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
