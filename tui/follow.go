package tui

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/render"
	"github.com/akhbar/akhbar/tui/i18n"
)

// Following stories inside the app: every link and related story of an
// article has a number [n] (inline links first, then related stories).
// "3 enter" opens story 3 inside akhbar, "3 o" in the browser; "f" lists
// the related stories, from the page and from the cache. Each followed
// story pushes the reader on a back stack, so "back" returns to the
// previous article at the same position.

// countKey takes a digit typed before a command, reporting whether k was
// one.
func (m *Model) countKey(k tea.KeyPressMsg) bool {
	if len(k.Text) != 1 || k.Text[0] < '0' || k.Text[0] > '9' || (k.Text == "0" && m.count == 0) {
		return false
	}
	if m.count < 10_000 {
		m.count = m.count*10 + int(k.Text[0]-'0')
	}
	return true
}

// follow opens target n of the current article inside the app.
func (m Model) follow(n int) (tea.Model, tea.Cmd) {
	ts := m.reader.targets()
	if n < 1 || n > len(ts) {
		m.status.fail(m.cat.T(i18n.MsgNoSuchLink, n))
		return m, nil
	}
	label := m.cat.T(i18n.MsgCrumbLink, n)
	if n > len(m.reader.article.Links) {
		label = m.cat.T(i18n.MsgCrumbRelated, n)
	}
	it := feed.Item{URL: ts[n-1].URL, Title: ts[n-1].Title, FeedID: m.reader.item.FeedID, FeedTitle: m.reader.item.FeedTitle}
	return m.push(it, label)
}

// openTarget opens target n of the current article in the browser.
func (m Model) openTarget(n int) (tea.Model, tea.Cmd) {
	ts := m.reader.targets()
	if n < 1 || n > len(ts) {
		m.status.fail(m.cat.T(i18n.MsgNoSuchLink, n))
		return m, nil
	}
	return m.openLink(ts[n-1].URL)
}

// push shows it in a new reader, keeping the current one to come back to.
func (m Model) push(it feed.Item, label string) (tea.Model, tea.Cmd) {
	if !feed.IsWebURL(it.URL) {
		m.status.fail(m.cat.T(i18n.MsgErrNotFollowing, isolate(it.URL)))
		return m, nil
	}
	m.related.open = false
	m.back = append(m.back, m.reader)
	m.reader = newReader(it, label, m.paneHeight())
	return m, loadLinked(m.life, m.deps, it)
}

// goBack returns to the previous reader, or to the list from the first.
func (m Model) goBack() (tea.Model, tea.Cmd) {
	save := savePosition(m.life, m.deps.Store, m.reader.item, m.reader.position())
	if len(m.back) == 0 {
		m.focus = focusHeadlines
		return m, save
	}
	m.reader = m.back[len(m.back)-1]
	m.back = m.back[:len(m.back)-1]
	m.reader.height = m.paneHeight()
	return m, tea.Batch(save, m.relayout())
}

// breadcrumb says where the reader is: "article › related 2 › link 1".
func (m Model) breadcrumb() string {
	parts := make([]string, 0, len(m.back)+1)
	for _, r := range append(append([]reader(nil), m.back...), m.reader) {
		label := r.label
		if label == "" {
			label = m.cat.T(i18n.MsgCrumbArticle)
		}
		parts = append(parts, label)
	}
	return strings.Join(parts, " › ")
}

// loadLinked loads a followed story: the cached item with that link if
// there is one (gotArticle marks it read like any other), then its
// article.
func loadLinked(l *lifetime, d Deps, it feed.Item) tea.Cmd {
	return l.cmd(func(ctx context.Context) tea.Msg {
		qctx, cancel := context.WithTimeout(ctx, queryTimeout)
		cached, err := d.Store.ItemByURL(qctx, it.URL)
		cancel()
		switch {
		case err == nil:
			msg := articleOf(ctx, d, cached)
			msg.url, msg.cached = it.URL, cached
			return msg
		case !errors.Is(err, feed.ErrNotFound):
			return articleMsg{url: it.URL, article: it.AsArticle(), err: err}
		}
		return articleOf(ctx, d, it)
	})
}

// relatedList is the overlay listing the related stories of the article.
type relatedList struct {
	open    bool
	url     string // the article it lists for
	entries []relatedEntry
	cursor  int
	loading bool
}

// relatedEntry is one story of the list: a numbered related link of the
// page, or a cached item like this article.
type relatedEntry struct {
	n     int // the story's number [n] in the article, 0 for cache results
	title string
	item  feed.Item
}

// relatedMsg carries the cached items most like an article.
type relatedMsg struct {
	url   string
	items []feed.Item
	err   error
}

func loadRelated(l *lifetime, st Store, it feed.Item) tea.Cmd {
	return l.cmd(func(ctx context.Context) tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, queryTimeout)
		defer cancel()
		if it.ID == "" {
			return relatedMsg{url: it.URL}
		}
		items, err := st.Related(ctx, it.ID, 10)
		return relatedMsg{url: it.URL, items: items, err: err}
	})
}

// openRelated shows the overlay: the page's related stories at once, the
// cache's as they arrive.
func (m Model) openRelated() (tea.Model, tea.Cmd) {
	r := relatedList{open: true, url: m.reader.item.URL, loading: true}
	offset := len(m.reader.article.Links)
	for i, l := range m.reader.article.Related {
		r.entries = append(r.entries, relatedEntry{n: offset + i + 1, title: l.Title,
			item: feed.Item{URL: l.URL, Title: l.Title, FeedID: m.reader.item.FeedID, FeedTitle: m.reader.item.FeedTitle}})
	}
	m.related = r
	return m, loadRelated(m.life, m.deps.Store, m.reader.item)
}

func (m Model) gotRelated(msg relatedMsg) (tea.Model, tea.Cmd) {
	if !m.related.open || msg.url != m.related.url {
		return m, nil
	}
	m.related.loading = false
	if msg.err != nil {
		m.status.fail(m.cat.T(i18n.MsgErrRelated, msg.err.Error()))
		return m, nil
	}
	seen := map[string]bool{m.reader.item.URL: true}
	for _, e := range m.related.entries {
		seen[e.item.URL] = true
	}
	for _, it := range msg.items {
		if !seen[it.URL] {
			seen[it.URL] = true
			m.related.entries = append(m.related.entries, relatedEntry{title: it.Title, item: it})
		}
	}
	return m, nil
}

func (m Model) relatedKey(k tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	r := &m.related
	switch {
	case key.Matches(k, m.keys.Up):
		r.cursor = max(0, r.cursor-1)
	case key.Matches(k, m.keys.Down):
		r.cursor = min(len(r.entries)-1, r.cursor+1)
	case key.Matches(k, m.keys.Open):
		if r.cursor < len(r.entries) {
			e := r.entries[r.cursor]
			label := m.cat.T(i18n.MsgCrumbRelatedList)
			if e.n > 0 {
				label = m.cat.T(i18n.MsgCrumbRelated, e.n)
			}
			return m.push(e.item, label)
		}
	case key.Matches(k, m.keys.OpenBrowser):
		if r.cursor < len(r.entries) {
			return m.openLink(r.entries[r.cursor].item.URL)
		}
	case key.Matches(k, m.keys.Back), key.Matches(k, m.keys.Quit), key.Matches(k, m.keys.Related):
		r.open = false
	}
	return m, nil
}

// relatedView draws the overlay in a box in the middle of the screen.
func (m Model) relatedView() string {
	w := min(m.width-4, maxReadWidth)
	o := m.renderOpts()
	o.Color = false
	inner := max(w-4, 10)
	lines := []string{m.theme.PaneTitleActive.Render(m.cell(m.cat.T(i18n.MsgRelated), inner))}
	if len(m.related.entries) == 0 && !m.related.loading {
		lines = append(lines, m.theme.Meta.Render(m.cell(m.cat.T(i18n.MsgNoRelated), inner)))
	}
	for i, e := range m.related.entries {
		num := "   ·"
		if e.n > 0 {
			num = fmt.Sprintf("%4s", fmt.Sprintf("[%d]", e.n))
		}
		row := num + " " + render.Cell(e.title, inner-5, o)
		if i == m.related.cursor {
			row = m.theme.Selected.Render(row)
		}
		lines = append(lines, row)
	}
	if m.related.loading {
		lines = append(lines, m.theme.Meta.Render(m.cell(m.cat.T(i18n.MsgLookingInCache), inner)))
	}
	box := m.theme.HelpBox.Width(w).Render(strings.Join(lines, "\n"))
	return lipgloss.Place(m.width, m.height, lipgloss.Center, lipgloss.Center, box)
}
