package tui

import (
	"context"
	"github.com/akhbar/akhbar/theme"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/render"
	"github.com/akhbar/akhbar/tui/i18n"
)

// searchLimit is how many hits one search shows.
const searchLimit = 200

// results is the list of search hits that takes the headline pane's place
// while it is open. Each hit takes two rows: its headline and a snippet.
type results struct {
	open   bool
	query  string
	hits   []feed.SearchHit
	cursor int
	top    int // first visible hit
	height int // rows
	err    error
	busy   bool
}

// searchMsg carries the hits of one query.
type searchMsg struct {
	query string
	hits  []feed.SearchHit
	err   error
}

func runSearch(l *lifetime, st Store, query string) tea.Cmd {
	return l.cmd(func(ctx context.Context) tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, queryTimeout)
		defer cancel()
		hits, err := st.Search(ctx, query, searchLimit)
		return searchMsg{query: query, hits: hits, err: err}
	})
}

func (r *results) selected() (feed.Item, bool) {
	if r.cursor < 0 || r.cursor >= len(r.hits) {
		return feed.Item{}, false
	}
	return r.hits[r.cursor].Item, true
}

func (r *results) move(delta int) {
	r.cursor = max(0, min(r.cursor+delta, len(r.hits)-1))
	per := max(r.height/2, 1)
	if r.cursor < r.top {
		r.top = r.cursor
	}
	if r.cursor >= r.top+per {
		r.top = r.cursor - per + 1
	}
}

// view draws the visible hits in exactly width cells per row.
func (r *results) view(width int, now time.Time, s theme.Theme, o render.Options, cat *i18n.Catalog) []string {
	o.Color = false
	rows := make([]string, 0, r.height)
	title := cat.T(i18n.MsgSearchResults, isolate(r.query), len(r.hits))
	switch {
	case r.busy:
		title = cat.T(i18n.MsgSearching)
	case r.err != nil:
		title = cat.T(i18n.MsgErrSearch, r.err.Error())
	}
	rows = append(rows, s.PaneTitleActive.Render(uiCell(" "+title, width, cat, o)))
	for i := r.top; i < len(r.hits) && len(rows)+2 <= r.height; i++ {
		h := r.hits[i]
		age := uiCell(cat.AgoShort(h.Item.Published, now), ageWidth, cat, o)
		feedW := min(18, width/5)
		titleW := max(width-2-feedW-2-ageWidth-1, 1)
		head := row(cat.Lang().RTL(), "  ", render.Cell(h.Item.Title, titleW, o), "  ", render.Cell(h.Item.FeedTitle, feedW, o), " ", age)
		snip := row(cat.Lang().RTL(), "    ", render.StyledCell(h.Snippet, render.MatchSpans(h.Match), max(width-4, 1), render.Options{Bidi: o.Bidi, Shape: o.Shape, Color: true, Theme: o.Theme}))
		if i == r.cursor {
			head, snip = s.Selected.Render(head), s.Selected.Render(snip)
		} else {
			head, snip = s.Unread.Render(head), s.Meta.Render(snip)
		}
		rows = append(rows, head, snip)
	}
	if len(r.hits) == 0 && !r.busy && r.err == nil {
		rows = append(rows, s.Meta.Render(uiCell("  "+cat.T(i18n.MsgNoMatches), width, cat, o)))
	}
	for len(rows) < r.height {
		rows = append(rows, strings.Repeat(" ", width))
	}
	return rows
}

// startSearch opens the search prompt empty, offering the previous
// query: typing starts a new one, Enter runs the previous one again.
func (m Model) startSearch() (tea.Model, tea.Cmd) {
	m.prompt.offer(m.cat.T(i18n.MsgSearch), m.results.query)
	return m, nil
}

func (m Model) promptKey(k tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	done := m.prompt.key(k, m.keys.Prompt)
	if !done || strings.TrimSpace(m.prompt.value) == "" {
		return m, nil
	}
	if m.prompt.follow {
		return m, saveFollow(m.life, m.deps.Store, m.prompt.value)
	}
	m.results = results{open: true, query: m.prompt.value, busy: true, height: m.paneHeight()}
	m.focus = focusHeadlines
	return m, runSearch(m.life, m.deps.Store, m.prompt.value)
}

func (m Model) gotSearch(msg searchMsg) (tea.Model, tea.Cmd) {
	if !m.results.open || msg.query != m.results.query {
		return m, nil
	}
	m.results.busy, m.results.hits, m.results.err = false, msg.hits, msg.err
	m.results.cursor, m.results.top = 0, 0
	return m, nil
}

func (m Model) resultsKey(k tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch {
	case key.Matches(k, m.keys.Up):
		m.results.move(-1)
	case key.Matches(k, m.keys.Down):
		m.results.move(1)
	case key.Matches(k, m.keys.PageUp):
		m.results.move(-m.results.height / 2)
	case key.Matches(k, m.keys.PageDown):
		m.results.move(m.results.height / 2)
	case key.Matches(k, m.keys.Top):
		m.results.move(-len(m.results.hits))
	case key.Matches(k, m.keys.Bottom):
		m.results.move(len(m.results.hits))
	case key.Matches(k, m.keys.Open):
		if it, ok := m.results.selected(); ok {
			return m.openItem(it)
		}
	case key.Matches(k, m.keys.Back), key.Matches(k, m.keys.Quit):
		m.results.open = false
	}
	return m, nil
}
