// Package feed holds akhbar's domain types — feeds, items, articles and
// their blocks and links, sync accounts — and feed parsing. What does
// I/O lives in subpackages named after what they wrap: feed/fetch
// (HTTP), feed/article (page extraction), feed/cache (SQLite),
// feed/remote (sync servers); feed/service puts them together.
//
// Every string in these types may have come from the network and is
// untrusted: it is stored as received and sanitised only by render, at the
// point where it becomes terminal output.
package feed

import (
	"strings"
	"time"
)

// Feed is one subscription.
type Feed struct {
	ID           int64     `json:"id"`
	URL          string    `json:"url"`
	Title        string    `json:"title"`
	SiteURL      string    `json:"site_url,omitempty"`
	Folder       string    `json:"folder,omitempty"`
	ETag         string    `json:"-"`
	LastModified string    `json:"-"`
	LastFetch    time.Time `json:"last_fetch"`
	LastError    string    `json:"last_error,omitempty"`
	// RetryAfter is when the feed's server, answering 429 or 503 with
	// Retry-After, asked not to be fetched before (at most a day ahead);
	// refreshes skip the feed until then. Zero when it did not ask.
	RetryAfter time.Time `json:"retry_after,omitzero"`
	// Notice is what akhbar did about the feed's last fetch that its
	// user should know, such as items left out (see FetchResult.Dropped)
	// or item IDs that change on every fetch; "" when nothing.
	Notice string `json:"notice,omitempty"`
	Unread int    `json:"unread"`
	Total  int    `json:"total"`
	// Account is the sync account the feed comes from (see feed/remote);
	// 0 for a feed akhbar fetches itself.
	Account int64 `json:"account,omitempty"`
	// PublicOnly marks a feed whose URL a remote document or a redirect
	// supplied (a feed a page announced, a redirect to another host)
	// rather than the user: it is never fetched from a loopback, private
	// or link-local address, nor are its items' pages (see SECURITY.md).
	PublicOnly bool `json:"public_only,omitempty"`
}

// Item is one entry of a feed: a headline with its metadata.
type Item struct {
	// ID is akhbar's stable identifier, printed by `list --json` and
	// accepted by `read` and `related`. See ItemID.
	ID         string    `json:"id"`
	FeedID     int64     `json:"feed_id"`
	FeedTitle  string    `json:"feed_title,omitempty"`
	GUID       string    `json:"guid,omitempty"`
	URL        string    `json:"url"`
	Title      string    `json:"title"`
	Summary    string    `json:"summary,omitempty"` // feed-provided text (plain text)
	Author     string    `json:"author,omitempty"`
	Published  time.Time `json:"published"`
	Updated    time.Time `json:"updated,omitzero"`
	Fetched    time.Time `json:"fetched"`
	Categories []string  `json:"categories,omitempty"`
	Image      string    `json:"image,omitempty"`
	Lang       string    `json:"lang,omitempty"`
	Read       bool      `json:"read"`
	Starred    bool      `json:"starred"`
	// Position is how far the reader got in the article, as a fraction
	// (0–1) of its length; reopening resumes there.
	Position float64 `json:"position"`
}

// Dir is a text direction as declared by a page or feed.
type Dir string

// Directions. DirAuto means "decide from the text" (UAX #9 rules P2–P3).
const (
	DirAuto Dir = ""
	DirLTR  Dir = "ltr"
	DirRTL  Dir = "rtl"
)

// BlockKind names the role of an article block.
type BlockKind string

// The block kinds of `read --json`.
const (
	Heading   BlockKind = "heading"
	Paragraph BlockKind = "paragraph"
	Quote     BlockKind = "quote"
	ListItem  BlockKind = "list_item"
	Caption   BlockKind = "caption"
	Code      BlockKind = "code"
)

// Style is an inline style of a span of block text.
type Style string

// Inline styles.
const (
	Bold   Style = "bold"
	Italic Style = "italic"
	Mono   Style = "code"
	Anchor Style = "link"
	// Match marks text that matched a search query (highlighted in
	// search results).
	Match Style = "match"
)

// Span marks a styled range of a block's Text, in byte offsets
// [Start, End). For an Anchor span, Link is the 1-based index into
// Article.Links of its target.
type Span struct {
	Start int   `json:"start"`
	End   int   `json:"end"`
	Style Style `json:"style"`
	Link  int   `json:"link,omitempty"`
}

// Block is one paragraph-level unit of an article. Dir and Lang, when
// set, override the article's for this block. A Caption block may carry
// the address of the picture it captions (Image); its Text may then be
// empty.
type Block struct {
	Kind  BlockKind `json:"kind"`
	Text  string    `json:"text"`
	Level int       `json:"level,omitempty"` // heading level (1–6) or list depth (0-based)
	Dir   Dir       `json:"dir,omitempty"`
	Lang  string    `json:"lang,omitempty"`
	Spans []Span    `json:"spans,omitempty"`
	Image string    `json:"image,omitempty"` // Caption only: the picture's http(s) address
}

// Link is a titled URL: an inline link of the body or a related story.
type Link struct {
	Title string `json:"title"`
	URL   string `json:"url"`
}

// Article is the full text of a page, extracted and structured.
type Article struct {
	ID        string    `json:"id"` // the item's ID when the article belongs to one ("" for a file)
	URL       string    `json:"url"`
	Title     string    `json:"title"`
	Byline    string    `json:"byline"`
	Published time.Time `json:"published"`
	Modified  time.Time `json:"modified,omitzero"`
	Section   string    `json:"section,omitempty"`
	SiteName  string    `json:"site_name,omitempty"`
	Image     string    `json:"image,omitempty"`
	Lang      string    `json:"lang"`
	Dir       Dir       `json:"dir"`
	Blocks    []Block   `json:"blocks"`
	Figures   []Figure  `json:"figures,omitempty"`
	Links     []Link    `json:"links"`
	Related   []Link    `json:"related"`
	// Pictures are the article's images as fetched with its page (the
	// lead image first, then Figures in order), for the cache to keep
	// with it. Set only by a fetch; not part of `read --json`.
	Pictures []Picture `json:"-"`
}

// Figure is a picture that stands in an article's text. Its caption, if
// any, is the Caption block at or after At.
type Figure struct {
	URL string `json:"url"`
	Alt string `json:"alt,omitempty"`
	At  int    `json:"at"` // the index of the block it stands before (len(Blocks): after the last)
}

// Picture is one image of an article as the cache keeps it: Data holds
// Format ("png" or "jpeg") re-encoded from decoded pixels, never bytes
// as a server sent them; Err says why there is no Data.
type Picture struct {
	URL    string
	Width  int
	Height int
	Format string
	Data   []byte
	Err    string
}

// ImageURLs lists the article's images in the order of Pictures: the
// lead image, then each figure not already listed.
func (a Article) ImageURLs() []string {
	var out []string
	seen := map[string]bool{}
	for _, u := range append([]string{a.Image}, figureURLs(a.Figures)...) {
		if u != "" && !seen[u] {
			seen[u] = true
			out = append(out, u)
		}
	}
	return out
}

func figureURLs(fs []Figure) []string {
	out := make([]string, len(fs))
	for i, f := range fs {
		out[i] = f.URL
	}
	return out
}

// Text returns the article's body as plain text, blocks separated by
// blank lines. It is what search and "more like this" index.
func (a Article) Text() string {
	n := 0
	for _, b := range a.Blocks {
		n += len(b.Text) + 2
	}
	buf := make([]byte, 0, n)
	for i, b := range a.Blocks {
		if i > 0 {
			buf = append(buf, '\n', '\n')
		}
		buf = append(buf, b.Text...)
	}
	return string(buf)
}

// AsArticle is the feed's own text of an item as an article: its title,
// author and date, and its summary split into paragraphs at blank lines.
// It is what the reader shows when the page cannot be fetched.
func (it Item) AsArticle() Article {
	a := Article{ID: it.ID, URL: it.URL, Title: it.Title, Byline: it.Author, Published: it.Published, Lang: it.Lang}
	for _, p := range strings.Split(it.Summary, "\n\n") {
		if p = strings.TrimSpace(p); p != "" {
			a.Blocks = append(a.Blocks, Block{Kind: Paragraph, Text: p})
		}
	}
	return a
}
