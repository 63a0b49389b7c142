package tui

import (
	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/render"
)

// reader shows one article, scrolled by whole lines.
type reader struct {
	item    feed.Item
	article feed.Article
	loaded  bool
	lines   []string
	made    render.Options // the options lines were laid out with
	top     int
	height  int
}

// articleMsg carries an article loaded from the cache or the network for
// the item at url. On error the reader falls back to the feed's text.
type articleMsg struct {
	url     string
	article feed.Article
	err     error
}

// renderedMsg carries an article laid out for the given options.
type renderedMsg struct {
	url   string
	opts  render.Options
	lines []string
}

// open starts showing it; its article arrives later.
func (r *reader) open(it feed.Item) {
	*r = reader{item: it, height: r.height}
}

// needsLayout reports whether the lines were made for other options.
func (r *reader) needsLayout(o render.Options) bool {
	return r.loaded && (r.lines == nil || r.made.Width != o.Width || r.made.Bidi != o.Bidi || r.made.Shape != o.Shape)
}

// applyLines takes a layout unless it is stale, keeping the reading
// position in proportion when the width changed.
func (r *reader) applyLines(m renderedMsg, want render.Options) bool {
	if m.url != r.item.URL || m.opts.Width != want.Width || m.opts.Bidi != want.Bidi || m.opts.Shape != want.Shape {
		return false
	}
	if len(r.lines) > 0 && len(m.lines) != len(r.lines) {
		r.top = r.top * len(m.lines) / len(r.lines)
	}
	r.lines, r.made = m.lines, m.opts
	r.scroll(0)
	return true
}

func (r *reader) scroll(delta int) {
	r.top = max(0, min(r.top+delta, len(r.lines)-r.height))
}

func (r *reader) scrollTo(line int) {
	r.top = 0
	r.scroll(line)
}

// percent is how far through the article the bottom of the screen is.
func (r *reader) percent() int {
	if len(r.lines) == 0 {
		return 0
	}
	return min(100, (r.top+r.height)*100/len(r.lines))
}

// view draws the visible lines, padded to the height.
func (r *reader) view(width int, s Styles) []string {
	rows := make([]string, 0, r.height)
	switch {
	case !r.loaded:
		rows = append(rows, s.Meta.Render(padRight("  Loading…", width)))
	case r.lines == nil:
		rows = append(rows, s.Meta.Render(padRight("  Laying out…", width)))
	default:
		end := min(r.top+r.height, len(r.lines))
		rows = append(rows, r.lines[r.top:end]...)
	}
	for len(rows) < r.height {
		rows = append(rows, "")
	}
	return rows
}
