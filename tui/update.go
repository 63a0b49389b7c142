package tui

import (
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/render"
	"github.com/akhbar/akhbar/tui/i18n"
)

func (m Model) resize(w, h int) (tea.Model, tea.Cmd) {
	m.width, m.height = w, h
	ph := m.paneHeight()
	m.feeds.height, m.list.height, m.reader.height, m.results.height = ph, ph, ph, ph
	m.feeds.move(0)
	return m, tea.Batch(m.listPage(m.list.move(0)), m.relayout())
}

// relayout lays the open article out again when its lines were made for
// other options (a new width, bidi mode or theme).
func (m Model) relayout() tea.Cmd {
	k := m.layoutKey()
	if m.focus != focusReader || !m.reader.needsLayout(k) {
		return nil
	}
	return layoutArticle(m.reader.article, m.reader.item.URL, k, m.readerOpts())
}

func (m Model) key(k tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	if key.Matches(k, m.keys.ForceQuit) {
		return m.quit()
	}
	if m.showHelp {
		m.showHelp = false
		return m, nil
	}
	if m.prompt.active {
		return m.promptKey(k)
	}
	if !m.keys.bound(k) {
		if base, ok := baseKey(k); ok {
			k = base
		}
	}
	if m.focus == focusReader && !m.related.open && m.countKey(k) {
		return m, nil
	}
	count := m.count
	m.count = 0
	if m.related.open {
		return m.relatedKey(k)
	}
	switch {
	case key.Matches(k, m.keys.Help):
		m.showHelp = true
		return m, nil
	case key.Matches(k, m.keys.Search):
		return m.startSearch()
	case key.Matches(k, m.keys.Follow):
		return m.startFollow()
	case key.Matches(k, m.keys.BidiMode):
		return m.cycleBidi()
	case key.Matches(k, m.keys.Images):
		return m.toggleImages()
	case key.Matches(k, m.keys.RefreshAll):
		return m.refresh(m.allFeeds(), nil)
	case key.Matches(k, m.keys.Refresh):
		return m.refreshSelected()
	}
	switch m.focus {
	case focusReader:
		return m.readerKey(k, count)
	case focusFeeds:
		return m.feedsKey(k)
	}
	switch {
	case m.results.open:
		return m.resultsKey(k)
	default:
		return m.listKey(k)
	}
}

func (m Model) feedsKey(k tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch {
	case key.Matches(k, m.keys.Up):
		return m.selectFeed(-1)
	case key.Matches(k, m.keys.Down):
		return m.selectFeed(1)
	case key.Matches(k, m.keys.Top):
		return m.selectFeed(-len(m.feeds.entries))
	case key.Matches(k, m.keys.Bottom):
		return m.selectFeed(len(m.feeds.entries))
	case key.Matches(k, m.keys.ToggleFolder):
		m.feeds.toggleFolder()
	case key.Matches(k, m.keys.Unfollow):
		return m.unfollow()
	case key.Matches(k, m.keys.OpenBrowser):
		return m.openFeedSite()
	case key.Matches(k, m.keys.CopyLink):
		return m.copyFeedURL()
	case key.Matches(k, m.keys.MarkAllRead):
		return m, markAllRead(m.life, m.deps.Store, m.feeds.selected().query)
	case key.Matches(k, m.keys.Undo):
		return m.undo()
	case key.Matches(k, m.keys.Open), key.Matches(k, m.keys.SwitchPane):
		m.focus = focusHeadlines
	case key.Matches(k, m.keys.Quit):
		return m.quit()
	}
	return m, nil
}

func (m Model) listKey(k tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	switch {
	case key.Matches(k, m.keys.Up):
		return m, m.listPage(m.list.move(-1))
	case key.Matches(k, m.keys.Down):
		return m, m.listPage(m.list.move(1))
	case key.Matches(k, m.keys.PageUp):
		return m, m.listPage(m.list.move(-m.list.height))
	case key.Matches(k, m.keys.PageDown):
		return m, m.listPage(m.list.move(m.list.height))
	case key.Matches(k, m.keys.Top):
		return m, m.listPage(m.list.moveTo(0))
	case key.Matches(k, m.keys.Bottom):
		return m, m.listPage(m.list.moveTo(m.list.total - 1))
	case key.Matches(k, m.keys.Open):
		return m.openSelected()
	case key.Matches(k, m.keys.SwitchPane), key.Matches(k, m.keys.Back):
		m.focus = focusFeeds
	case key.Matches(k, m.keys.NextUnread):
		return m, findUnread(m.life, m.deps.Store, m.list.query, m.list.gen, m.list.cursor+1, 1)
	case key.Matches(k, m.keys.PrevUnread):
		return m, findUnread(m.life, m.deps.Store, m.list.query, m.list.gen, m.list.cursor-1, -1)
	case key.Matches(k, m.keys.ToggleRead):
		if it, ok := m.list.selected(); ok {
			return m, setRead(m.life, m.deps.Store, it, !it.Read)
		}
	case key.Matches(k, m.keys.Star):
		if it, ok := m.list.selected(); ok {
			return m, setStarred(m.life, m.deps.Store, it, !it.Starred)
		}
	case key.Matches(k, m.keys.OpenBrowser):
		if it, ok := m.list.selected(); ok {
			return m.openLink(it.URL)
		}
	case key.Matches(k, m.keys.CopyLink):
		if it, ok := m.list.selected(); ok {
			return m.copyLink(it.URL)
		}
	case key.Matches(k, m.keys.MarkAllRead):
		return m, markAllRead(m.life, m.deps.Store, m.list.query)
	case key.Matches(k, m.keys.Undo):
		return m.undo()
	case key.Matches(k, m.keys.Sort):
		return m.cycleSort()
	case key.Matches(k, m.keys.Quit):
		return m.quit()
	}
	return m, nil
}

func (m Model) readerKey(k tea.KeyPressMsg, count int) (tea.Model, tea.Cmd) {
	switch {
	case count > 0 && key.Matches(k, m.keys.Open):
		return m.follow(count)
	case count > 0 && key.Matches(k, m.keys.OpenBrowser):
		return m.openTarget(count)
	case key.Matches(k, m.keys.Related):
		return m.openRelated()
	case key.Matches(k, m.keys.Up):
		m.reader.scroll(-1)
	case key.Matches(k, m.keys.Down):
		m.reader.scroll(1)
	case key.Matches(k, m.keys.PageUp):
		m.reader.scroll(-m.reader.height + 1)
	case key.Matches(k, m.keys.PageDown):
		m.reader.scroll(m.reader.height - 1)
	case key.Matches(k, m.keys.Top):
		m.reader.scrollTo(0)
	case key.Matches(k, m.keys.Bottom):
		m.reader.scrollTo(len(m.reader.page.Lines))
	case key.Matches(k, m.keys.Back), key.Matches(k, m.keys.Quit):
		return m.goBack()
	case key.Matches(k, m.keys.Star):
		return m, setStarred(m.life, m.deps.Store, m.reader.item, !m.reader.item.Starred)
	case key.Matches(k, m.keys.ToggleRead):
		return m, setRead(m.life, m.deps.Store, m.reader.item, !m.reader.item.Read)
	case key.Matches(k, m.keys.OpenBrowser):
		return m.openLink(m.reader.item.URL)
	case key.Matches(k, m.keys.CopyLink):
		return m.copyLink(m.reader.item.URL)
	case key.Matches(k, m.keys.NextUnread):
		m.focus = focusHeadlines
		return m, findUnread(m.life, m.deps.Store, m.list.query, m.list.gen, m.list.cursor+1, 1)
	}
	return m, nil
}

func (m Model) wheel(w tea.MouseWheelMsg) (tea.Model, tea.Cmd) {
	delta := 3
	if w.Button == tea.MouseWheelUp {
		delta = -3
	}
	if m.focus == focusReader {
		m.reader.scroll(delta)
		return m, nil
	}
	if w.X < m.feedsWidth() {
		return m.selectFeed(delta / 3)
	}
	return m, m.listPage(m.list.move(delta))
}

func (m Model) selectFeed(delta int) (tea.Model, tea.Cmd) {
	before := m.feeds.selected().key()
	m.feeds.move(delta)
	if m.feeds.selected().key() == before && m.list.loaded {
		return m, nil
	}
	m.noteFeed()
	return m, m.showEntry()
}

// noteFeed puts why the feed under the cursor of the feeds pane failed
// (an HTTP status, a timeout, "not a feed") on the status line, or takes
// that note away when the feed under the cursor did not fail.
func (m *Model) noteFeed() {
	e := m.feeds.selected()
	if e.kind != entryFeed || e.feed.LastError == "" {
		m.status.noteFeed("")
		return
	}
	m.status.noteFeed(m.cat.T(i18n.MsgFeedFailed, isolate(e.title), isolate(whyFailed(e.feed.URL, e.feed.LastError))))
}

// showEntry loads the headline list of the feeds pane's entry under the
// cursor, in the current order.
func (m *Model) showEntry() tea.Cmd {
	q := m.feeds.selected().query
	q.Order = m.order
	m.results.open = false
	start, gen := m.list.setQuery(q)
	return loadPage(m.life, m.deps.Store, m.list.query, gen, start)
}

func (m Model) listPage(start int) tea.Cmd {
	if start < 0 {
		return nil
	}
	return loadPage(m.life, m.deps.Store, m.list.query, m.list.gen, start)
}

// reloadList loads the current window again (after a refresh or a change
// of read state), keeping the cursor.
func (m Model) reloadList() tea.Cmd {
	return loadPage(m.life, m.deps.Store, m.list.query, m.list.gen, max(0, m.list.top-pageSize/4))
}

func (m Model) openSelected() (tea.Model, tea.Cmd) {
	it, ok := m.list.selected()
	if !ok {
		return m, nil
	}
	return m.openItem(it)
}

// openItem shows an item in the reader and marks it read.
func (m Model) openItem(it feed.Item) (tea.Model, tea.Cmd) {
	m.reader, m.back = newReader(it, "", m.paneHeight()), nil
	m.focus = focusReader
	cmds := []tea.Cmd{loadArticle(m.life, m.deps, it)}
	if !it.Read {
		cmds = append(cmds, setRead(m.life, m.deps.Store, it, true))
	}
	return m, tea.Batch(cmds...)
}

func (m Model) openLink(url string) (tea.Model, tea.Cmd) {
	if !feed.IsWebURL(url) {
		m.status.fail(m.cat.T(i18n.MsgErrNotWebLink, isolate(url)))
		return m, nil
	}
	return m, openURL(m.deps, url)
}

func (m Model) cycleBidi() (tea.Model, tea.Cmd) {
	if m.opts.Bidi == render.Visual {
		m.opts.Bidi = render.Logical
	} else {
		m.opts.Bidi = render.Visual
	}
	m.status.info(m.cat.T(i18n.MsgBidiMode, m.modeName()))
	return m, m.relayout()
}

// toggleImages shows or hides the pictures of articles, loading those
// of the open article the first time.
func (m Model) toggleImages() (tea.Model, tea.Cmd) {
	m.opts.Images = !m.opts.Images
	if m.opts.Images {
		m.status.info(m.cat.T(i18n.MsgImagesOn))
	} else {
		m.status.info(m.cat.T(i18n.MsgImagesOff))
	}
	if m.opts.Images && m.reader.loaded && m.reader.pictures == nil {
		return m, loadPictures(m.life, m.deps, m.reader.article)
	}
	return m, m.relayout()
}

func (m Model) refreshSelected() (tea.Model, tea.Cmd) {
	return m.refresh(m.feeds.under(), nil)
}

// autoRefresh refreshes the feeds that are due, quietly when none is.
func (m Model) autoRefresh(due []feed.Feed, then tea.Cmd) (tea.Model, tea.Cmd) {
	if len(due) == 0 {
		return m, then
	}
	return m.refresh(due, then)
}

func (m Model) refresh(feeds []feed.Feed, then tea.Cmd) (tea.Model, tea.Cmd) {
	switch {
	case m.status.refreshing:
		return m, then
	case len(feeds) == 0:
		m.status.info(m.cat.T(i18n.MsgNoFeeds))
		return m, then
	case m.deps.Service == nil:
		return m, then
	}
	m.status.startRefresh(len(feeds))
	return m, tea.Batch(startRefresh(m.life, m.deps.Service, feeds), then)
}
