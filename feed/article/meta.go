package article

import (
	"strings"
	"time"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// pageMeta is the metadata found around the article text.
type pageMeta struct {
	title, byline, section, siteName, image string
	published, modified                     time.Time
	related                                 []string // JSON-LD relatedLink, og:see_also
	self                                    []string // canonical and og:url
}

// readMeta gathers metadata from <meta> tags, JSON-LD, <title>, <h1>,
// <time> and byline elements. It never fails; missing fields stay empty.
func readMeta(doc *html.Node, ld ldInfo, head headMap) pageMeta {
	m := pageMeta{
		section:  firstOf(head.get("article:section"), ld.section),
		siteName: firstOf(head.get("og:site_name"), ld.siteName, head.get("application-name")),
		image:    firstOf(head.get("og:image"), head.get("twitter:image"), ld.image),
		related:  append(ld.related, head["og:see_also"]...),
		self:     []string{head.get("og:url"), head.get("canonical")},
	}
	m.title = firstOf(head.get("og:title"), head.get("twitter:title"), ld.headline, h1Text(doc),
		trimSiteName(head.get("title"), m.siteName))
	m.byline = stripBylineLabel(firstOf(ld.author, authorMeta(head.get("author")),
		authorMeta(head.get("article:author")), bylineText(doc)))
	times := timeElements(doc)
	m.published = parseTime(firstOf(ld.published, head.get("article:published_time"), first(times)))
	m.modified = parseTime(firstOf(ld.modified, head.get("article:modified_time"), head.get("og:updated_time")))
	if m.modified.IsZero() && len(times) > 1 {
		m.modified = parseTime(times[1])
	}
	return m
}

// headMap maps lower-case meta names and properties to their contents,
// every value kept in page order; "title" holds the <title> text and
// "canonical" the canonical link.
type headMap map[string][]string

// readHeadTags collects the page's <meta>, <title> and canonical link.
func readHeadTags(doc *html.Node) headMap {
	h := headMap{}
	for _, n := range findAll(doc, byTag("meta", "title", "link")) {
		switch n.Data {
		case "title":
			h.add("title", textOf(n, 2048))
		case "link":
			if strings.EqualFold(attr(n, "rel"), "canonical") {
				h.add("canonical", attr(n, "href"))
			}
		default:
			key := firstOf(attr(n, "property"), attr(n, "name"), attr(n, "itemprop"))
			h.add(strings.ToLower(key), attr(n, "content"))
		}
	}
	return h
}

func (h headMap) add(key, val string) {
	if val = strings.TrimSpace(val); key != "" && val != "" {
		h[key] = append(h[key], val)
	}
}

// get returns the first value of key, or "".
func (h headMap) get(key string) string { return first(h[key]) }

// firstOf returns the first non-blank string.
func firstOf(vals ...string) string {
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// authorMeta drops author metas that hold a profile URL, not a name.
func authorMeta(s string) string {
	if strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") {
		return ""
	}
	return s
}

// h1Text returns the text of the page's first <h1>.
func h1Text(doc *html.Node) string {
	if h := findFirst(doc, byTag("h1")); h != nil {
		return textOf(h, 1024)
	}
	return ""
}

// titleSeparators split a <title> into headline and site name. Read-only.
var titleSeparators = []string{" | ", " - ", " – ", " — ", " :: ", " « ", " » ", " · "}

// trimSiteName removes the site name part of a <title>: the part equal to
// siteName if one is, else every part but the longest.
func trimSiteName(title, siteName string) string {
	for _, sep := range titleSeparators {
		parts := strings.Split(title, sep)
		if len(parts) < 2 {
			continue
		}
		best := ""
		for _, p := range parts {
			p = strings.TrimSpace(p)
			if siteName != "" && norm(p) == norm(siteName) {
				continue
			}
			if utf8.RuneCountInString(p) > utf8.RuneCountInString(best) {
				best = p
			}
		}
		return best
	}
	return strings.TrimSpace(title)
}

// bylineText finds a byline in the page body: a rel=author link, an
// element whose class or id says author/byline/writer, or a short line
// that starts with a byline label ("بقلم:", "By").
func bylineText(doc *html.Node) string {
	if a := findFirst(doc, func(n *html.Node) bool { return attr(n, "rel") == "author" }); a != nil {
		return textOf(a, 256)
	}
	if n := findFirst(doc, isBylineNode); n != nil {
		return textOf(n, 256)
	}
	return ""
}

// isBylineNode reports whether n is a short element that holds a byline.
func isBylineNode(n *html.Node) bool {
	if isElem(n, "head", "script", "style", "meta", "link") {
		return false
	}
	named := false
	for _, t := range nameTokens(n) {
		named = named || t == "author" || t == "byline" || t == "writer" || t == "contributors"
	}
	if !named && !mayStartWithLabel(firstWords(n)) {
		return false // cheap: a labelled line starts with its label
	}
	text := textOf(n, 256)
	if text == "" || utf8.RuneCountInString(text) > 80 {
		return false
	}
	return named || labelled(text)
}

// firstWords returns the first text under n that holds a letter or a
// digit, outside scripts and styles, trimmed; "" when there is none.
func firstWords(n *html.Node) string {
	switch {
	case n.Type == html.TextNode:
		if hasLetters(n.Data) {
			return strings.TrimSpace(n.Data)
		}
		return ""
	case isElem(n, "script", "style", "noscript", "template"):
		return ""
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if t := firstWords(c); t != "" {
			return t
		}
	}
	return ""
}

// mayStartWithLabel reports whether text that starts an element could
// be the start of a labelled byline: it starts with a byline label, or
// is the start of one (the rest in the next element).
func mayStartWithLabel(t string) bool {
	for _, l := range bylineLabels {
		if len(t) >= len(l) && strings.EqualFold(t[:len(l)], l) || len(t) < len(l) && strings.EqualFold(t, l[:len(t)]) {
			return true
		}
	}
	return false
}

// labelled reports whether text starts with a byline label.
func labelled(text string) bool {
	return stripBylineLabel(text) != strings.TrimSpace(text)
}

// stripBylineLabel removes a leading "بقلم:", "By" or similar label.
func stripBylineLabel(s string) string {
	s = strings.TrimSpace(s)
	for _, l := range bylineLabels {
		if len(s) > len(l) && strings.EqualFold(s[:len(l)], l) && boundary(s, len(l)) {
			return strings.TrimSpace(strings.TrimLeft(s[len(l):], ": \u00a0"))
		}
	}
	return s
}

// timeElements returns the datetime attributes of <time> elements.
func timeElements(doc *html.Node) []string {
	var out []string
	for _, t := range findAll(doc, byTag("time")) {
		if dt := attr(t, "datetime"); dt != "" {
			out = append(out, dt)
		}
	}
	return out
}

// timeLayouts are the date formats found in news metadata. Read-only.
var timeLayouts = []string{
	time.RFC3339, "2006-01-02T15:04:05Z0700", "2006-01-02T15:04:05", "2006-01-02T15:04Z07:00",
	"2006-01-02T15:04", "2006-01-02 15:04:05", "2006-01-02", time.RFC1123Z, time.RFC1123,
}

// parseTime parses a metadata date; it returns the zero time when none of
// timeLayouts fits.
func parseTime(s string) time.Time {
	s = strings.TrimSpace(s)
	for _, l := range timeLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t
		}
	}
	return time.Time{}
}
