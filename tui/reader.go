package tui

import (
	"github.com/akhbar/akhbar/theme"
	"strings"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/render"
)

// maxReadWidth is the widest the article text gets: long lines are hard
// to read, so wider terminals get margins instead.
const maxReadWidth = 100

// layoutKey is what a layout depends on besides the article.
type layoutKey struct {
	width int
	bidi  render.BidiMode
	shape bool
	dark  bool
	// images: pictures shown and loaded; rows: the most rows one takes.
	images bool
	rows   int
}

// reader shows one article, scrolled by whole lines. Following a link or
// a related story pushes the reader on the model's back stack, so each
// keeps its own article and position.
type reader struct {
	item    feed.Item // for a followed link: the URL and title, and the feed it came from
	label   string    // where it came from, for the breadcrumb: "" for the first
	article feed.Article
	loaded  bool
	// pictures are the article's decoded images by URL, once loaded
	// (picturesMsg); nil until then.
	pictures map[string]render.Picture
	page     render.Page
	made     layoutKey
	top      int
	height   int
}

// articleMsg carries an article loaded from the cache or the network for
// the item at url. On error the reader falls back to the feed's text.
type articleMsg struct {
	url     string
	article feed.Article
	err     error
	cached  feed.Item // for a followed link: the cached item with that URL, if any
}

// picturesMsg carries the decoded images of the article at url.
type picturesMsg struct {
	url      string
	pictures map[string]render.Picture
	err      error
}

// renderedMsg carries an article laid out for key.
type renderedMsg struct {
	url  string
	key  layoutKey
	page render.Page
}

// newReader starts showing it; its article arrives later.
func newReader(it feed.Item, label string, height int) reader {
	return reader{item: it, label: label, height: height}
}

// needsLayout reports whether the page was made for another layout.
func (r *reader) needsLayout(k layoutKey) bool {
	return r.loaded && (r.page.Lines == nil || r.made != k)
}

// applyPage takes a layout unless it is stale, keeping the reading
// position in proportion when the line count changed.
func (r *reader) applyPage(m renderedMsg, want layoutKey) bool {
	if m.url != r.item.URL || m.key != want {
		return false
	}
	switch n := len(r.page.Lines); {
	case n > 0 && len(m.page.Lines) != n:
		r.top = r.top * len(m.page.Lines) / n
	case n == 0 && r.item.Position > 0: // first layout: resume where the reader left off
		r.top = int(r.item.Position * float64(len(m.page.Lines)))
	}
	r.page, r.made = m.page, m.key
	r.scroll(0)
	return true
}

// position is how far into the article the reader is, from 0 to 1.
func (r *reader) position() float64 {
	if len(r.page.Lines) == 0 || r.top == 0 {
		return 0
	}
	return float64(r.top) / float64(len(r.page.Lines))
}

func (r *reader) scroll(delta int) {
	r.top = max(0, min(r.top+delta, len(r.page.Lines)-r.height))
}

func (r *reader) scrollTo(line int) {
	r.top = 0
	r.scroll(line)
}

// percent is how far through the article the bottom of the screen is.
func (r *reader) percent() int {
	if len(r.page.Lines) == 0 {
		return 0
	}
	return min(100, (r.top+r.height)*100/len(r.page.Lines))
}

// targets are the followable links of the article in the order of their
// numbers [n]: inline links first, then related stories.
func (r *reader) targets() []feed.Link {
	return append(append([]feed.Link(nil), r.article.Links...), r.article.Related...)
}

// view draws the visible lines, the text column centred in width;
// loading is the row shown (already laid out) until the article is.
func (r *reader) view(width int, s theme.Theme, loading string) []string {
	margin := strings.Repeat(" ", max(0, (width-r.made.width)/2))
	rows := make([]string, 0, r.height)
	switch {
	case !r.loaded || r.page.Lines == nil:
		rows = append(rows, s.Meta.Render(loading))
	default:
		end := min(r.top+r.height, len(r.page.Lines))
		for _, l := range r.page.Lines[r.top:end] {
			rows = append(rows, margin+l)
		}
	}
	for len(rows) < r.height {
		rows = append(rows, "")
	}
	return rows
}
