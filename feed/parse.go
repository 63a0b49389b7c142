package feed

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Errors of Parse; test with errors.Is. A caller given ErrHTMLPage can
// look for the feed with Discover.
var (
	ErrEmpty    = errors.New("empty document")
	ErrHTMLPage = errors.New("not a feed (looks like an HTML page)")
	ErrNotFeed  = errors.New("not a feed (unknown format)")
)

// Parsed is a feed document read by Parse.
type Parsed struct {
	Title   string
	SiteURL string
	Lang    string
	Items   []Item
	// Dropped counts the items left out because the document had more
	// than MaxItems (the newest are kept).
	Dropped int
}

// Parse reads an RSS 0.9x/1.0/2.0, Atom or JSON Feed document (already
// UTF-8, see fetch.ToUTF8) fetched from feedURL. Titles and summaries
// become plain text, links and images absolute URLs, and every item gets
// its ID (ItemID); an item without a date is dated now. It fails with
// ErrEmpty, ErrHTMLPage, ErrNotFeed or the parser's error, all prefixed
// "parse feed: ".
//
// Every field is capped here (see the limits in limits.go), so nothing
// after Parse — cache, list rows, window title, `read` — ever holds a
// field larger than the caps, and only the newest MaxItems items are
// kept (Parsed.Dropped says how many were not).
func Parse(body []byte, feedURL string, now time.Time) (Parsed, error) {
	body = bytes.TrimLeft(bytes.TrimPrefix(body, []byte("\uFEFF")), " \t\r\n")
	if len(body) == 0 {
		return Parsed{}, fmt.Errorf("parse feed: %w", ErrEmpty)
	}
	switch gofeed.DetectFeedType(bytes.NewReader(body[:min(len(body), 4096)])) {
	case gofeed.FeedTypeUnknown:
		if looksLikeHTML(body) {
			return Parsed{}, fmt.Errorf("parse feed: %w", ErrHTMLPage)
		}
		return Parsed{}, fmt.Errorf("parse feed: %w", ErrNotFeed)
	}
	f, err := gofeed.NewParser().Parse(bytes.NewReader(dropXMLEncoding(body)))
	if err != nil {
		return Parsed{}, fmt.Errorf("parse feed: %w", err)
	}
	base, err := url.Parse(feedURL)
	if err != nil {
		return Parsed{}, fmt.Errorf("parse feed: feed URL: %w", err)
	}
	p := Parsed{
		Title:   clipTitle(oneLine(htmlText(f.Title))),
		SiteURL: resolve(base, f.Link),
		Lang:    clipLang(strings.TrimSpace(f.Language)),
		Items:   make([]Item, 0, min(len(f.Items), MaxItems)),
	}
	for _, gi := range newest(f.Items, MaxItems) {
		p.Items = append(p.Items, convertItem(gi, base, feedURL, p.Lang, now))
	}
	p.Dropped = len(f.Items) - len(p.Items)
	return p, nil
}

// newest returns the n items of a document with the latest dates (an
// item without one counts as the newest, as Parse dates it now), in
// document order; all of them when there are no more than n.
func newest(items []*gofeed.Item, n int) []*gofeed.Item {
	if len(items) <= n {
		return items
	}
	date := func(gi *gofeed.Item) time.Time {
		switch {
		case gi.PublishedParsed != nil:
			return *gi.PublishedParsed
		case gi.UpdatedParsed != nil:
			return *gi.UpdatedParsed
		}
		return time.Date(9999, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	order := make([]int, len(items))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return date(items[b]).Compare(date(items[a])) })
	keep := order[:n]
	slices.Sort(keep)
	out := make([]*gofeed.Item, n)
	for i, k := range keep {
		out[i] = items[k]
	}
	return out
}

// convertItem turns one gofeed item into an Item with its ID.
func convertItem(gi *gofeed.Item, base *url.URL, feedURL, lang string, now time.Time) Item {
	it := Item{
		GUID:       clipGUID(strings.TrimSpace(gi.GUID)),
		URL:        resolve(base, itemLink(gi)),
		Title:      clipTitle(oneLine(htmlText(gi.Title))),
		Summary:    clipSummary(htmlText(firstNonEmpty(gi.Description, gi.Content))),
		Author:     clipName(author(gi)),
		Categories: categories(gi.Categories),
		Image:      resolve(base, itemImage(gi)),
		Lang:       lang,
		Fetched:    now,
	}
	if gi.PublishedParsed != nil {
		it.Published = gi.PublishedParsed.UTC()
	}
	if gi.UpdatedParsed != nil {
		it.Updated = gi.UpdatedParsed.UTC()
	}
	if it.Published.IsZero() {
		it.Published = it.Updated
	}
	// The ID is taken before a missing date becomes "now", so that an
	// item with neither GUID, link nor date keeps its ID across fetches.
	it.ID = ItemID(feedURL, it)
	if it.Published.IsZero() {
		it.Published = now
	}
	return it
}

// itemLink is the item's link, else its first other link, else its GUID
// when that is a web URL (an RSS 2.0 permalink GUID).
func itemLink(gi *gofeed.Item) string {
	switch {
	case strings.TrimSpace(gi.Link) != "":
		return gi.Link
	case len(gi.Links) > 0:
		return gi.Links[0]
	case strings.HasPrefix(gi.GUID, "https://") || strings.HasPrefix(gi.GUID, "http://"):
		return gi.GUID
	}
	return ""
}

func author(gi *gofeed.Item) string {
	var names []string
	for _, a := range gi.Authors {
		if a == nil {
			continue
		}
		if n := oneLine(firstNonEmpty(a.Name, a.Email)); n != "" {
			names = append(names, n)
		}
	}
	if len(names) == 0 && gi.DublinCoreExt != nil && len(gi.DublinCoreExt.Creator) > 0 {
		names = gi.DublinCoreExt.Creator
	}
	return strings.Join(names, ", ")
}

// categories returns cats as plain text, without blanks or repeats.
func categories(cats []string) []string {
	var out []string
	seen := make(map[string]bool, len(cats))
	for _, c := range cats {
		c = clipName(oneLine(htmlText(c)))
		if c != "" && !seen[c] && len(out) < MaxCategories {
			seen[c] = true
			out = append(out, c)
		}
	}
	return out
}

// itemImage picks the item's picture: itunes:image, a media:content
// image, a media:thumbnail (also inside media:group), an image enclosure,
// else what gofeed found (JSON Feed image, first <img> of the content).
func itemImage(gi *gofeed.Item) string {
	if gi.ITunesExt != nil && gi.ITunesExt.Image != "" {
		return gi.ITunesExt.Image
	}
	media := gi.Extensions["media"]
	groups := media["group"]
	for _, name := range []string{"content", "thumbnail"} {
		exts := media[name]
		for _, g := range groups {
			exts = append(exts, g.Children[name]...)
		}
		for _, e := range exts {
			isImage := strings.HasPrefix(e.Attrs["type"], "image/") || e.Attrs["medium"] == "image"
			if e.Attrs["url"] != "" && (name == "thumbnail" || isImage) {
				return e.Attrs["url"]
			}
		}
	}
	for _, enc := range gi.Enclosures {
		if enc != nil && strings.HasPrefix(enc.Type, "image/") && enc.URL != "" {
			return enc.URL
		}
	}
	if gi.Image != nil {
		return gi.Image.URL
	}
	return ""
}

// resolve makes ref absolute against base; it returns "" for an empty,
// unparsable or too long (MaxURLBytes) ref.
func resolve(base *url.URL, ref string) string {
	ref = strings.TrimSpace(ref)
	if ref == "" || len(ref) > MaxURLBytes {
		return ""
	}
	u, err := url.Parse(ref)
	if err != nil {
		return ""
	}
	return clipURL(base.ResolveReference(u).String())
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			return s
		}
	}
	return ""
}

// looksLikeHTML reports whether a document that is no feed starts like
// an HTML page.
func looksLikeHTML(b []byte) bool {
	head := bytes.ToLower(b[:min(len(b), 1024)])
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.Contains(head, []byte("<html")) ||
		bytes.Contains(head, []byte("<head")) || bytes.Contains(head, []byte("<body"))
}

// xmlEncodingAttr matches the encoding pseudo-attribute of an XML
// declaration at the start of a document.
var xmlEncodingAttr = regexp.MustCompile(`^(<\?xml[^>]*?)\s+encoding\s*=\s*["'][^"']*["']`)

// dropXMLEncoding removes the encoding of the XML declaration: Parse's
// input is UTF-8 already and must not be decoded a second time.
func dropXMLEncoding(b []byte) []byte {
	return xmlEncodingAttr.ReplaceAll(b, []byte("$1"))
}

// oneLine collapses all whitespace of s to single spaces.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// HTMLText reduces an HTML fragment, such as the content a feed server
// sends, to the plain text of Item.Summary, as htmlText does for parsed
// feeds. It cannot fail: malformed HTML yields its text.
func HTMLText(s string) string { return htmlText(s) }

// htmlText reduces an HTML fragment to plain text: entities decoded,
// tags and scripts removed, whitespace collapsed, block elements and
// <br> turned into line breaks, with blank lines between paragraphs.
func htmlText(s string) string {
	if !strings.ContainsAny(s, "<&") {
		return strings.TrimSpace(collapseLines(s))
	}
	var b strings.Builder
	z := html.NewTokenizer(strings.NewReader(s))
	skip := 0 // depth inside script/style
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return strings.TrimSpace(collapseLines(b.String()))
		case html.TextToken:
			if skip == 0 {
				b.WriteString(strings.Map(lineSpace, string(z.Text())))
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			switch a := atom.Lookup(name); {
			case a == atom.Script || a == atom.Style:
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
			case a == atom.Br:
				b.WriteString("\n")
			case blockTags[a]:
				b.WriteString("\n\n")
			}
		}
	}
}

// lineSpace maps the line breaks of HTML source to spaces: in HTML only
// tags break lines.
func lineSpace(r rune) rune {
	if r == '\n' || r == '\r' || r == '\f' {
		return ' '
	}
	return r
}

// blockTags are the elements that break paragraphs. Read-only.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Li: true, atom.Ul: true, atom.Ol: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Blockquote: true, atom.Pre: true, atom.Table: true, atom.Tr: true, atom.Hr: true,
	atom.Section: true, atom.Article: true, atom.Figure: true, atom.Figcaption: true,
	atom.Header: true, atom.Footer: true, atom.Dl: true, atom.Dt: true, atom.Dd: true,
}

// collapseLines collapses spaces within each line, trims lines, and
// keeps at most one blank line between paragraphs.
func collapseLines(s string) string {
	lines := strings.Split(strings.ReplaceAll(s, "\r", ""), "\n")
	out := make([]string, 0, len(lines))
	blank := true
	for _, l := range lines {
		l = oneLine(l)
		if l == "" {
			if !blank {
				out = append(out, "")
			}
			blank = true
			continue
		}
		out = append(out, l)
		blank = false
	}
	return strings.Join(out, "\n")
}
