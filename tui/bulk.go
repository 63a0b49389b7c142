package tui

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/tui/i18n"
)

// Bulk changes need no confirmation because each can be undone: the model
// keeps the IDs the last one changed.

// bulkMsg reports a bulk change of read state, or its undoing.
type bulkMsg struct {
	ids  []string
	read bool
	undo bool
	err  error
}

// markAllRead marks every unread headline of the list q read, returning
// the IDs it changed.
func markAllRead(l *lifetime, st Store, q feed.ItemQuery) tea.Cmd {
	return l.cmd(func(ctx context.Context) tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, 4*queryTimeout)
		defer cancel()
		q.Unread, q.Order, q.Limit = true, feed.NewestFirst, 5000
		var ids []string
		for q.Offset = 0; ; q.Offset += q.Limit {
			items, err := st.Items(ctx, q)
			if err != nil {
				return bulkMsg{err: err}
			}
			for _, it := range items {
				ids = append(ids, it.ID)
			}
			if len(items) < q.Limit {
				break
			}
		}
		if len(ids) == 0 {
			return bulkMsg{read: true}
		}
		return bulkMsg{ids: ids, read: true, err: st.SetRead(ctx, ids, true)}
	})
}

// undoBulk sets the items of the last bulk change back.
func undoBulk(l *lifetime, st Store, last bulkMsg) tea.Cmd {
	return l.cmd(func(ctx context.Context) tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, 4*queryTimeout)
		defer cancel()
		err := st.SetRead(ctx, last.ids, !last.read)
		return bulkMsg{ids: last.ids, read: !last.read, undo: true, err: err}
	})
}

func (m Model) gotBulk(msg bulkMsg) (tea.Model, tea.Cmd) {
	switch {
	case msg.err != nil:
		m.status.fail(m.cat.T(i18n.MsgErrMarkRead, msg.err.Error()))
		return m, nil
	case msg.undo:
		m.lastBulk = bulkMsg{}
		m.status.info(m.cat.T(i18n.MsgUndoneUnread, len(msg.ids)))
	case len(msg.ids) == 0:
		m.status.info(m.cat.T(i18n.MsgNothingUnread))
		return m, nil
	default:
		m.lastBulk = msg
		m.status.info(m.cat.T(i18n.MsgMarkedRead, len(msg.ids)))
	}
	return m, tea.Batch(loadFeeds(m.life, m.deps.Store), m.reloadList())
}

func (m Model) undo() (tea.Model, tea.Cmd) {
	if len(m.lastBulk.ids) == 0 {
		m.status.info(m.cat.T(i18n.MsgNothingToUndo))
		return m, nil
	}
	return m, undoBulk(m.life, m.deps.Store, m.lastBulk)
}

// cycleSort switches the list between newest first, oldest first and
// unread first, keeping the cursor on the headline it was on.
func (m Model) cycleSort() (tea.Model, tea.Cmd) {
	m.order = (m.order + 1) % 3
	names := map[feed.Order]i18n.MsgID{feed.NewestFirst: i18n.MsgSortNewestFirst, feed.OldestFirst: i18n.MsgSortOldestFirst, feed.UnreadFirst: i18n.MsgSortUnreadFirst}
	m.status.info(m.cat.T(i18n.MsgSortedBy, m.cat.T(names[m.order])))
	it, ok := m.list.selected()
	if !ok {
		return m, m.showEntry()
	}
	q := m.list.query
	q.Order = m.order
	_, gen := m.list.setQuery(q)
	return m, loadPageAt(m.life, m.deps.Store, q, gen, it.ID)
}

// copyLink puts url on the clipboard through the terminal (OSC 52). Not
// every terminal allows that, so the status line shows the link too.
func (m Model) copyLink(url string) (tea.Model, tea.Cmd) {
	if !feed.IsWebURL(url) {
		m.status.fail(m.cat.T(i18n.MsgErrNoLinkToCopy))
		return m, nil
	}
	m.status.info(m.cat.T(i18n.MsgCopiedURL, isolate(url)))
	return m, tea.SetClipboard(url)
}
