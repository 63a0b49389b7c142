package tui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/tui/i18n"
)

// The feeds pane's o and y act on the feed under the cursor; on any other
// row (a virtual feed, a folder, a followed story) they say what they
// would do, rather than nothing.

// openFeedSite opens the web site the feed under the cursor names (its
// <link>) in the browser.
func (m Model) openFeedSite() (tea.Model, tea.Cmd) {
	e := m.feeds.selected()
	switch {
	case e.kind != entryFeed:
		m.status.info(m.selectFeedHint())
		return m, nil
	case !feed.IsWebURL(e.feed.SiteURL):
		m.status.fail(m.cat.T(i18n.MsgErrNoSite, isolate(e.title), isolate(m.keys.CopyLink.Help().Key)))
		return m, nil
	}
	return m.openLink(e.feed.SiteURL)
}

// copyFeedURL copies the address of the feed under the cursor.
func (m Model) copyFeedURL() (tea.Model, tea.Cmd) {
	e := m.feeds.selected()
	if e.kind != entryFeed {
		m.status.info(m.selectFeedHint())
		return m, nil
	}
	return m.copyLink(e.feed.URL)
}

// selectFeedHint says that o and y need a feed under the cursor, naming
// the keys as the user bound them.
func (m Model) selectFeedHint() string {
	return m.cat.T(i18n.MsgErrSelectFeed, isolate(m.keys.OpenBrowser.Help().Key), isolate(m.keys.CopyLink.Help().Key))
}
