package tui

import (
	"context"
	"strings"

	tea "charm.land/bubbletea/v2"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/render"
	"github.com/akhbar/akhbar/theme"
	"github.com/akhbar/akhbar/tui/i18n"
)

// focus says which part of the screen takes the keys.
type focus int

const (
	focusFeeds focus = iota
	focusHeadlines
	focusReader
)

// Model is the root of the TUI. It owns the screen size, the focus, the
// status line and routing between the panes.
type Model struct {
	deps  Deps
	life  *lifetime // the root context and the work under it
	opts  Options
	keys  KeyMap
	theme theme.Theme
	cat   *i18n.Catalog // every UI string, in the user's language

	width, height int
	focus         focus
	showHelp      bool
	// terminalBidiOff: akhbar switched the terminal's own bidi off and
	// must switch it back on when it quits.
	terminalBidiOff bool

	feeds   feedsPane
	list    headlines
	order   feed.Order
	reader  reader
	back    []reader // readers to return to, most recent last
	related relatedList
	prompt  prompt
	results results
	count   int // a number typed before a key: "3o" opens link 3
	// lastBulk is the last bulk change, for undo.
	lastBulk  bulkMsg
	lastClick lastClick
	status    status
}

// New builds the TUI over the given dependencies and options. Its
// commands run until the process ends; Run also ends them when the TUI
// quits.
func New(d Deps, o Options) Model { return newModel(context.Background(), d, o) }

func newModel(ctx context.Context, d Deps, o Options) Model {
	keys := DefaultKeyMap()
	if o.Keys != nil {
		keys = *o.Keys
	}
	if o.Lang == "" {
		o.Lang = i18n.EN
	}
	cat := i18n.New(o.Lang, o.Digits)
	m := Model{deps: d, life: newLifetime(ctx), opts: o, keys: localKeys(keys, cat), cat: cat, focus: focusHeadlines, list: newHeadlines()}
	m.feeds.names = [3]string{cat.T(i18n.MsgAll), cat.T(i18n.MsgAllUnread), cat.T(i18n.MsgStarred)}
	m.feeds.rtl = cat.Lang().RTL()
	m.feeds.accounts = o.Accounts
	m.theme = theme.For(o.Theme != "light")
	m.list.setQuery(feed.ItemQuery{})
	return m
}

// Init loads the feeds and the first page, and asks the terminal for its
// background colour when the theme is "auto".
func (m Model) Init() tea.Cmd {
	cmds := []tea.Cmd{loadFeeds(m.life, m.deps.Store), loadPage(m.life, m.deps.Store, m.list.query, m.list.gen, 0), m.scheduleAutoRefresh()}
	if m.opts.Theme == "auto" || m.opts.Theme == "" {
		cmds = append(cmds, tea.RequestBackgroundColor)
	}
	if m.opts.ProbeBidi {
		cmds = append(cmds, tea.Raw(bidiProbe))
	}
	return tea.Batch(cmds...)
}

// Update routes one message.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		return m.resize(msg.Width, msg.Height)
	case tea.BackgroundColorMsg:
		m.theme = theme.For(msg.IsDark())
		return m, m.relayout()
	case tea.ModeReportMsg:
		return m.gotModeReport(msg)
	case tea.KeyPressMsg:
		return m.key(msg)
	case tea.MouseWheelMsg:
		return m.wheel(msg)
	case tea.MouseClickMsg:
		return m.click(msg)
	case feedsMsg:
		return m.gotFeeds(msg)
	case pageMsg:
		return m.gotPage(msg)
	case articleMsg:
		return m.gotArticle(msg)
	case picturesMsg:
		return m.gotPictures(msg)
	case renderedMsg:
		m.reader.applyPage(msg, m.layoutKey())
		return m, nil
	case relatedMsg:
		return m.gotRelated(msg)
	case searchMsg:
		return m.gotSearch(msg)
	case bulkMsg:
		return m.gotBulk(msg)
	case followSuggestMsg:
		return m.gotFollowSuggestion(msg)
	case followMsg:
		return m.gotFollow(msg)
	case tea.PasteMsg:
		if m.prompt.active {
			m.prompt.paste(msg.Content)
		}
		return m, nil
	case itemMsg:
		return m.gotItem(msg)
	case unreadMsg:
		return m.gotUnread(msg)
	case openedMsg:
		return m.gotOpened(msg)
	case refreshStartedMsg:
		m.status.startRefresh(msg.total)
		return m, waitRefresh(m.life, msg.ch)
	case progressMsg:
		return m.gotProgress(msg)
	case refreshDoneMsg:
		m.status.finish(msg.err, m.cat)
		return m, tea.Batch(loadFeeds(m.life, m.deps.Store), m.reloadList())
	case autoRefreshMsg:
		return m.autoRefresh(m.dueFeeds(), m.scheduleAutoRefresh())
	}
	return m, nil
}

// View draws the whole screen.
func (m Model) View() tea.View {
	var v tea.View
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	// Ask for base-layout key codes, so bindings work with an Arabic or
	// Hebrew layout active (where the terminal supports it).
	v.KeyboardEnhancements = tea.KeyboardEnhancements{ReportAlternateKeys: true, ReportAllKeysAsEscapeCodes: true, ReportAssociatedText: true}
	v.WindowTitle = m.windowTitle()
	if m.status.refreshing && m.status.total > 0 {
		v.ProgressBar = tea.NewProgressBar(tea.ProgressBarDefault, m.status.done*100/m.status.total)
	}
	if m.width == 0 || m.height == 0 {
		return v
	}
	body := m.body()
	switch {
	case m.showHelp:
		body = m.helpView()
	case m.related.open:
		body = m.relatedView()
	}
	v.SetContent(body)
	return v
}

func (m Model) body() string {
	h := m.paneHeight()
	var rows []string
	rows = append(rows, m.header())
	if m.focus == focusReader {
		rows = append(rows, m.reader.view(m.width, m.theme, m.cell("  "+m.cat.T(i18n.MsgLoading), m.width))...)
	} else {
		rows = append(rows, m.panes(h)...)
	}
	if m.prompt.active {
		rows = append(rows, m.prompt.view(m.width, m.theme, m.renderOpts()))
	} else {
		crumb, pos := m.where()
		rows = append(rows, m.status.view(m.width, m.modeName(), crumb, pos, m.theme, m.renderOpts(), m.cat))
	}
	return strings.Join(rows, "\n")
}

// panes draws the feeds pane and the headline list side by side.
func (m Model) panes(h int) []string {
	fw := m.feedsWidth()
	lw := m.width - fw - 1
	o := m.renderOpts()
	left := m.feeds.view(fw, m.focus == focusFeeds, m.deps.Now(), m.theme, o)
	sel := m.feeds.selected()
	var right []string
	if m.results.open {
		right = m.results.view(lw, m.deps.Now(), m.theme, o, m.cat)
	} else {
		right = m.list.view(lw, m.focus == focusHeadlines, sel.kind != entryFeed, m.deps.Now(), m.theme, o, m.cat)
	}
	bar := m.theme.Divider.Render("│")
	rows := make([]string, h)
	for i := range rows {
		rows[i] = row(m.rtl(), left[i], bar, right[i]) // feeds pane on the reading start
	}
	return rows
}

func (m Model) header() string {
	title := " " + render.Inline("akhbar · أخبار", m.renderOpts()) + " " // shaped and ordered like every other line
	banner := ""
	if m.opts.Demo {
		banner = " " + m.cat.T(i18n.MsgDemoBanner)
	}
	room := max(m.width-render.Width(title), 0)
	return row(m.rtl(), m.theme.PaneTitleActive.Render(title), m.theme.Banner.Render(m.cell(banner, room)))
}

// rtl reports whether the UI language is right-to-left: the layout
// mirrors, feeds pane and row starts on the right.
func (m Model) rtl() bool { return m.cat.Lang().RTL() }

// cell lays out one UI message in exactly width cells, aligned to the
// reading start of the UI language.
func (m Model) cell(s string, width int) string { return uiCell(s, width, m.cat, m.renderOpts()) }

// modeName names the bidi mode in the UI language.
func (m Model) modeName() string {
	if m.opts.Bidi == render.Logical {
		return m.cat.T(i18n.MsgBidiModeLogic)
	}
	return m.cat.T(i18n.MsgBidiModeVisual)
}

func (m Model) paneHeight() int { return max(1, m.height-2) }

func (m Model) feedsWidth() int { return max(12, min(32, m.width/4)) }

// renderOpts are the options of the headline rows and other one-line
// cells; readerOpts those of the article.
func (m Model) renderOpts() render.Options {
	return render.Options{Width: m.width, Bidi: m.opts.Bidi, Shape: m.opts.Shape, Color: true, Theme: m.theme}
}

func (m Model) readerOpts() render.Options {
	o := m.renderOpts()
	k := m.layoutKey()
	o.Width = k.width
	if k.images {
		o.Pictures, o.ImageRows = m.reader.pictures, k.rows
	}
	return o
}

// imageShare is the most of the reader's height one image takes.
const imageShare = 0.4

// layoutKey is what the article's layout depends on now.
func (m Model) layoutKey() layoutKey {
	w := min(max(m.width-2, 1), maxReadWidth)
	k := layoutKey{width: w, bidi: m.opts.Bidi, shape: m.opts.Shape, dark: m.theme.Dark}
	if m.opts.Images && m.reader.pictures != nil {
		k.images, k.rows = true, max(1, int(float64(m.reader.height)*imageShare))
	}
	return k
}

// where says what the screen shows, for the right of the status line:
// the breadcrumb (the reader's path, or the list's feed) and the position
// in it ("42%", "3/17"; "" in an empty list).
func (m Model) where() (crumb, pos string) {
	if m.focus == focusReader {
		return m.breadcrumb(), m.cat.Number(m.reader.percent()) + "%"
	}
	title := m.feeds.selected().label()
	if m.list.total == 0 {
		return title, ""
	}
	return title, m.cat.Number(m.list.cursor+1) + "/" + m.cat.Number(m.list.total)
}

// maxWindowTitle bounds the window title, in bytes and grapheme
// clusters: terminals keep it whole and title bars show little of it.
const maxWindowTitle = 256

func (m Model) windowTitle() string {
	if m.focus == focusReader {
		title := feed.Clip(m.reader.item.Title, maxWindowTitle, maxWindowTitle) // bounds the sanitiser's work
		return feed.Clip(render.SanitizeLine("akhbar — "+title), maxWindowTitle, maxWindowTitle/2)
	}
	return "akhbar"
}

func (m Model) allFeeds() []feed.Feed { return m.feeds.all() }
