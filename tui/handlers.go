package tui

import (
	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/tui/i18n"

	tea "charm.land/bubbletea/v2"
)

// Handlers of the results of commands.

func (m Model) gotFeeds(msg feedsMsg) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		m.status.fail(m.cat.T(i18n.MsgErrLoadFeeds, msg.err.Error()))
		return m, nil
	}
	for i, f := range msg.feeds {
		msg.feeds[i] = m.opts.Settings[f.URL].Apply(f)
	}
	m.feeds.set(msg.feeds, msg.follows, msg.starred)
	if m.status.feedNote { // the feed's error may have changed or gone
		m.noteFeed()
	}
	switch {
	case m.opts.RefreshOnStart:
		m.opts.RefreshOnStart, m.opts.SyncOnStart = false, false
		return m.refresh(m.allFeeds(), nil)
	case m.opts.SyncOnStart:
		m.opts.SyncOnStart = false
		return m.refresh(m.feeds.synced(), nil)
	}
	return m, nil
}

func (m Model) gotPage(msg pageMsg) (tea.Model, tea.Cmd) {
	if !m.list.apply(msg) {
		return m, nil
	}
	if msg.err != nil {
		m.status.fail(m.cat.T(i18n.MsgErrLoadHeadlines, msg.err.Error()))
		return m, nil
	}
	return m, m.listPage(m.list.need())
}

func (m Model) gotArticle(msg articleMsg) (tea.Model, tea.Cmd) {
	if msg.url != m.reader.item.URL || m.reader.loaded {
		return m, nil
	}
	if msg.err != nil {
		m.status.fail(m.cat.T(i18n.MsgErrArticle, msg.err.Error()))
	}
	m.reader.article, m.reader.loaded = m.directed(msg.article), true
	cmds := []tea.Cmd{m.relayout()}
	if m.opts.Images {
		cmds = append(cmds, loadPictures(m.life, m.deps, m.reader.article))
	}
	if msg.cached.ID != "" && m.reader.item.ID == "" { // a followed story that is in the cache
		m.reader.item = msg.cached
		if !msg.cached.Read {
			cmds = append(cmds, setRead(m.life, m.deps.Store, msg.cached, true))
		}
	}
	return m, tea.Batch(cmds...)
}

// gotPictures takes the open article's images and lays it out again.
func (m Model) gotPictures(msg picturesMsg) (tea.Model, tea.Cmd) {
	if msg.url != m.reader.article.URL || m.reader.pictures != nil {
		return m, nil
	}
	if msg.err != nil {
		m.status.fail(m.cat.T(i18n.MsgErrArticle, msg.err.Error()))
	}
	m.reader.pictures = msg.pictures
	return m, m.relayout()
}

func (m Model) gotItem(msg itemMsg) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		m.status.fail(m.cat.T(i18n.MsgErrSave, msg.err.Error()))
		return m, nil
	}
	m.list.update(msg.item)
	if m.reader.item.ID == msg.item.ID {
		m.reader.item = msg.item
	}
	return m, loadFeeds(m.life, m.deps.Store)
}

func (m Model) gotUnread(msg unreadMsg) (tea.Model, tea.Cmd) {
	switch {
	case msg.gen != m.list.gen:
		return m, nil
	case msg.err != nil:
		m.status.fail(m.cat.T(i18n.MsgErrFindUnread, msg.err.Error()))
		return m, nil
	case msg.index < 0:
		m.status.info(m.cat.T(i18n.MsgNoMoreUnread))
		return m, nil
	}
	return m, m.listPage(m.list.moveTo(msg.index))
}

func (m Model) gotOpened(msg openedMsg) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		m.status.fail(m.cat.T(i18n.MsgErrOpen, msg.err.Error()))
	} else {
		m.status.info(m.cat.T(i18n.MsgOpenedBrowser))
	}
	return m, nil
}

// directed applies the direction override of the reader's feed, if any.
func (m Model) directed(a feed.Article) feed.Article {
	for _, f := range m.feeds.all() {
		if f.ID == m.reader.item.FeedID {
			return m.opts.Settings[f.URL].Directed(a)
		}
	}
	return a
}
