package tui

import (
	"github.com/akhbar/akhbar/theme"
	"strings"
	"time"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/render"
	"github.com/akhbar/akhbar/tui/i18n"
)

// pageSize is how many rows one query loads: a few screens, so that
// scrolling rarely waits for SQLite and memory stays flat in the number
// of items.
const pageSize = 200

// headlines is the headline list: a window of rows paged from the cache.
type headlines struct {
	query    feed.ItemQuery
	gen      int // bumped when the query changes; older pages are dropped
	total    int
	cursor   int
	top      int
	height   int
	win      []feed.Item
	winStart int
	wantFrom int // start of the page asked for, -1 when none is pending
	loaded   bool
	laidOut  *rowCache
}

// pageMsg is one page of headlines loaded for generation gen.
type pageMsg struct {
	gen   int
	start int
	items []feed.Item
	total int
	err   error
	// moveCursor puts the cursor on row cursor (see loadPageAt).
	cursor     int
	moveCursor bool
}

func newHeadlines() headlines { return headlines{wantFrom: -1, laidOut: newRowCache()} }

// setQuery switches to another list and returns the page to load.
func (h *headlines) setQuery(q feed.ItemQuery) (start int, gen int) {
	h.gen++
	h.query = q
	h.cursor, h.top, h.total = 0, 0, 0
	h.win, h.winStart, h.loaded = nil, 0, false
	h.wantFrom = 0
	return 0, h.gen
}

// apply takes a loaded page; it reports false for a stale one.
func (h *headlines) apply(m pageMsg) bool {
	if m.gen != h.gen {
		return false
	}
	h.wantFrom = -1
	if m.err != nil {
		return true
	}
	h.win, h.winStart, h.total, h.loaded = m.items, m.start, m.total, true
	if m.moveCursor {
		h.cursor = m.cursor
	}
	h.clamp()
	return true
}

// selected returns the item under the cursor if it is loaded.
func (h *headlines) selected() (feed.Item, bool) {
	i := h.cursor - h.winStart
	if i < 0 || i >= len(h.win) {
		return feed.Item{}, false
	}
	return h.win[i], true
}

// update replaces a loaded item (after marking it read or starred).
func (h *headlines) update(it feed.Item) {
	for i := range h.win {
		if h.win[i].ID == it.ID {
			h.win[i] = it
		}
	}
}

// move moves the cursor by delta rows and returns the page start to load
// when the visible rows are not all loaded, else -1.
func (h *headlines) move(delta int) int {
	h.cursor += delta
	h.clamp()
	return h.need()
}

// moveTo puts the cursor on row i.
func (h *headlines) moveTo(i int) int {
	h.cursor = i
	h.clamp()
	return h.need()
}

func (h *headlines) clamp() {
	if h.cursor >= h.total {
		h.cursor = h.total - 1
	}
	if h.cursor < 0 {
		h.cursor = 0
	}
	if h.height < 1 {
		return
	}
	if h.cursor < h.top {
		h.top = h.cursor
	}
	if h.cursor >= h.top+h.height {
		h.top = h.cursor - h.height + 1
	}
	if h.top < 0 {
		h.top = 0
	}
}

// need returns the start of a page that covers the visible rows when the
// window does not, or -1.
func (h *headlines) need() int {
	end := min(h.top+h.height, h.total)
	if h.top >= h.winStart && end <= h.winStart+len(h.win) {
		return -1
	}
	start := max(0, h.top-pageSize/4)
	if h.wantFrom == start {
		return -1
	}
	h.wantFrom = start
	return start
}

// view draws the visible rows, exactly width cells each.
func (h *headlines) view(width int, focused, showFeed bool, now time.Time, s theme.Theme, o render.Options, cat *i18n.Catalog) []string {
	rows := make([]string, 0, h.height)
	if h.loaded && h.total == 0 {
		rows = append(rows, s.Meta.Render(uiCell("  "+cat.T(i18n.MsgNoHeadlines), width, cat, o)))
	}
	for r := h.top; r < h.top+h.height && r < h.total; r++ {
		i := r - h.winStart
		if i < 0 || i >= len(h.win) {
			rows = append(rows, s.Meta.Render(uiCell("  …", width, cat, o)))
			continue
		}
		it := h.win[i]
		age := cat.AgoShort(it.Published, now)
		k := rowKey{id: it.ID, title: it.Title, feedTitle: it.FeedTitle, age: age, read: it.Read, starred: it.Starred,
			cursor: r == h.cursor, focused: focused, showFeed: showFeed, dark: s.Dark, width: width, bidi: o.Bidi, shape: o.Shape}
		rows = append(rows, h.laidOut.get(k, func() string { return h.row(it, width, k.cursor, focused, showFeed, age, s, o, cat) }))
	}
	for len(rows) < h.height {
		rows = append(rows, strings.Repeat(" ", width))
	}
	return rows
}

// row lays out one headline: mark, title, feed name, age.
func (h *headlines) row(it feed.Item, width int, cursor, focused, showFeed bool, ageText string, s theme.Theme, o render.Options, cat *i18n.Catalog) string {
	o.Color = false
	mark := headlineMark(it, cat.Lang().RTL())
	age := uiCell(ageText, ageWidth, cat, o)
	feedCol := 0
	if showFeed && width >= 60 {
		feedCol = min(18, width/5)
	}
	titleW := width - markWidth - 1 - ageWidth
	if feedCol > 0 {
		titleW -= feedCol + 2
	}
	if titleW < 1 {
		return render.Cell(it.Title, width, o)
	}
	cols := []string{mark, render.Cell(it.Title, titleW, o), " "}
	if feedCol > 0 {
		cols = append(cols, " ", render.Cell(it.FeedTitle, feedCol, o), " ")
	}
	line := row(cat.Lang().RTL(), append(cols, age)...)
	switch {
	case cursor && focused:
		return s.Selected.Render(line)
	case cursor:
		return s.SelectedDim.Render(line)
	case !it.Read:
		return s.Unread.Render(line)
	default:
		return s.Read.Render(line)
	}
}

// markWidth is the column of a headline's marks.
const markWidth = 3

// headlineMark is the marks column of a headline: ★ when starred and ●
// when unread, both when both, the ● next to the title. A right-to-left
// UI mirrors it, as the row is mirrored.
func headlineMark(it feed.Item, rtl bool) string {
	star, dot := " ", " "
	if it.Starred {
		star = "★"
	}
	if !it.Read {
		dot = "●"
	}
	if rtl {
		return " " + dot + star
	}
	return star + dot + " "
}

// rowKey is everything the layout of one headline row depends on (the UI
// language is fixed for a model's life).
type rowKey struct {
	id, title, feedTitle, age                             string
	read, starred, cursor, focused, showFeed, dark, shape bool
	width                                                 int
	bidi                                                  render.BidiMode
}

// rowCacheSize bounds the cache: a few screens of rows in a few states.
const rowCacheSize = 2048

// rowCache remembers laid-out headline rows, so that moving the cursor or
// scrolling by a line lays out the rows that changed, not a screenful. It
// is a pointer shared by every copy of the model, used only on the UI
// goroutine (by View), and forgets everything when it is full.
type rowCache struct{ rows map[rowKey]string }

func newRowCache() *rowCache { return &rowCache{rows: make(map[rowKey]string)} }

// get returns the row for k, laying it out with lay when it is new.
func (c *rowCache) get(k rowKey, lay func() string) string {
	if r, ok := c.rows[k]; ok {
		return r
	}
	if len(c.rows) >= rowCacheSize {
		clear(c.rows)
	}
	r := lay()
	c.rows[k] = r
	return r
}
