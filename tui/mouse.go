package tui

import (
	"time"

	tea "charm.land/bubbletea/v2"
)

// doubleClick is the longest gap between two clicks on one row that
// opens it.
const doubleClick = 400 * time.Millisecond

// lastClick remembers a click, to tell a double click.
type lastClick struct {
	at   time.Time
	x, y int
}

// click selects the row under the pointer; a second click on the same row
// soon after opens it.
func (m Model) click(c tea.MouseClickMsg) (tea.Model, tea.Cmd) {
	if c.Button != tea.MouseLeft || m.focus == focusReader || m.showHelp || m.related.open || m.prompt.active {
		return m, nil
	}
	now := m.deps.Now()
	double := now.Sub(m.lastClick.at) < doubleClick && m.lastClick.y == c.Y && (m.lastClick.x < m.feedsWidth()) == (c.X < m.feedsWidth())
	m.lastClick = lastClick{at: now, x: c.X, y: c.Y}
	row := c.Y - 1 // the header is row 0
	if row < 0 || row >= m.paneHeight() {
		return m, nil
	}
	if c.X < m.feedsWidth() {
		m.focus = focusFeeds
		target := m.feeds.top + row
		if target >= len(m.feeds.entries) {
			return m, nil
		}
		return m.selectFeed(target - m.feeds.cursor)
	}
	m.focus = focusHeadlines
	if m.results.open {
		m.results.move(m.results.top + max(row-1, 0)/2 - m.results.cursor)
		if double {
			return m.resultsKey(tea.KeyPressMsg{Code: tea.KeyEnter})
		}
		return m, nil
	}
	target := m.list.top + row
	if target >= m.list.total {
		return m, nil
	}
	cmd := m.listPage(m.list.moveTo(target))
	if double {
		next, open := m.openSelected()
		return next, tea.Batch(cmd, open)
	}
	return m, cmd
}
