package tui

import (
	"context"

	tea "charm.land/bubbletea/v2"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/tui/i18n"
)

// Following a developing story: F on a headline or an article suggests a
// query from the story's key terms; the user edits it in the prompt and
// Enter saves it. Each followed story is a virtual feed in the feeds pane,
// collecting the matching items of every refresh, with its unread count.
// X on it stops following.

// followSuggestMsg carries the suggested query for following an item.
type followSuggestMsg struct {
	query string
	err   error
}

// followMsg reports a follow saved or removed.
type followMsg struct {
	follow  feed.Follow
	removed bool
	err     error
}

func suggestFollow(l *lifetime, st Store, it feed.Item) tea.Cmd {
	return l.cmd(func(ctx context.Context) tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, queryTimeout)
		defer cancel()
		if it.ID == "" {
			return followSuggestMsg{query: it.Title}
		}
		q, err := st.FollowQuery(ctx, it.ID)
		return followSuggestMsg{query: q, err: err}
	})
}

func saveFollow(l *lifetime, st Store, query string) tea.Cmd {
	return l.cmd(func(ctx context.Context) tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, queryTimeout)
		defer cancel()
		f, err := st.AddFollow(ctx, query)
		return followMsg{follow: f, err: err}
	})
}

func removeFollow(l *lifetime, st Store, f feed.Follow) tea.Cmd {
	return l.cmd(func(ctx context.Context) tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, queryTimeout)
		defer cancel()
		return followMsg{follow: f, removed: true, err: st.RemoveFollow(ctx, f.ID)}
	})
}

// startFollow asks for a suggestion for the story the user is on.
func (m Model) startFollow() (tea.Model, tea.Cmd) {
	it, ok := m.list.selected()
	if m.focus == focusReader {
		it, ok = m.reader.item, true
	}
	if !ok {
		return m, nil
	}
	return m, suggestFollow(m.life, m.deps.Store, it)
}

func (m Model) gotFollowSuggestion(msg followSuggestMsg) (tea.Model, tea.Cmd) {
	if msg.err != nil {
		m.status.fail(m.cat.T(i18n.MsgErrFollow, msg.err.Error()))
		return m, nil
	}
	m.prompt.start(m.cat.T(i18n.MsgFollowPrompt), msg.query)
	m.prompt.follow = true
	return m, nil
}

func (m Model) gotFollow(msg followMsg) (tea.Model, tea.Cmd) {
	switch {
	case msg.err != nil:
		m.status.fail(m.cat.T(i18n.MsgErrFollow, msg.err.Error()))
		return m, nil
	case msg.removed:
		m.status.info(m.cat.T(i18n.MsgUnfollowed, isolate(msg.follow.Query)))
	default:
		m.status.info(m.cat.T(i18n.MsgFollowSaved, isolate(msg.follow.Query)))
	}
	return m, loadFeeds(m.life, m.deps.Store)
}

// unfollow stops following the story under the cursor of the feeds pane;
// on any other row it says what it is for.
func (m Model) unfollow() (tea.Model, tea.Cmd) {
	e := m.feeds.selected()
	if e.kind != entryFollow {
		m.status.info(m.cat.T(i18n.MsgErrNotFollowed, isolate(m.keys.Unfollow.Help().Key)))
		return m, nil
	}
	return m, removeFollow(m.life, m.deps.Store, e.follow)
}
