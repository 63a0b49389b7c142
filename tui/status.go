package tui

import (
	"charm.land/lipgloss/v2"
	"github.com/akhbar/akhbar/theme"

	"github.com/akhbar/akhbar/feed/fetch"
	"github.com/akhbar/akhbar/feed/refresh"
	"github.com/akhbar/akhbar/render"
	"github.com/akhbar/akhbar/tui/i18n"
)

// status is the one-line status bar: the bidi mode, one message (an error
// or information, always a single sanitised line), refresh progress, and
// where the reader is.
type status struct {
	text  string
	isErr bool
	// feedNote: the message is why the feed under the cursor of the feeds
	// pane failed, so it goes when the cursor leaves that feed.
	feedNote bool

	refreshing    bool
	done, total   int
	newN, failedN int
	unreachable   int    // feeds that failed because the network was not there
	offline       bool   // the last refresh found no network at all
	accountErr    string // the last sync account that failed, and why
	feedErr       string // the last feed that failed, and why
}

func (s *status) info(text string) { s.text, s.isErr, s.feedNote = text, false, false }

// fail shows an error message (already put in words by the catalogue).
func (s *status) fail(text string) { s.text, s.isErr, s.feedNote = text, true, false }

// noteFeed shows text, why the feed under the cursor of the feeds pane
// failed. Given "" (the feed did not fail), it takes an earlier such
// note away and leaves any other message.
func (s *status) noteFeed(text string) {
	switch {
	case text != "":
		s.text, s.isErr, s.feedNote = text, true, true
	case s.feedNote:
		s.text, s.isErr, s.feedNote = "", false, false
	}
}

func (s *status) startRefresh(total int) {
	s.refreshing, s.done, s.total, s.newN, s.failedN, s.unreachable = true, 0, total, 0, 0, 0
	s.accountErr, s.feedErr = "", ""
}

// progress counts one finished feed.
func (s *status) progress(p refresh.Progress) {
	s.done = p.Done
	s.newN += p.New
	if p.Err != nil {
		s.failedN++
	}
	if fetch.IsUnreachable(p.Err) {
		s.unreachable++
	}
	if p.Err != nil && p.Feed.ID == 0 { // a sync account: it has no row to mark with "!"
		s.accountErr = p.Feed.Title + ": " + p.Err.Error()
	}
	if p.Err != nil && p.Feed.ID != 0 {
		s.feedErr = isolate(p.Feed.Title) + ": " + isolate(whyFailed(p.Feed.URL, p.Err.Error()))
	}
}

// finish ends the refresh and sums it up.
func (s *status) finish(err error, cat *i18n.Catalog) {
	s.refreshing = false
	if err != nil {
		s.fail(cat.T(i18n.MsgErrRefresh, err.Error()))
		return
	}
	if s.total > 0 && s.unreachable == s.total { // no network: say so once, not an error per feed
		if !s.offline {
			s.info(cat.T(i18n.MsgOffline))
		}
		s.offline = true
		return
	}
	s.offline = false
	text := cat.T(i18n.MsgRefreshDone, s.total, s.newN)
	if s.failedN > 0 {
		text += cat.T(i18n.MsgRefreshFailed, s.failedN)
	}
	if s.failedN == 1 && s.feedErr != "" { // one failure: say why here too
		text += " — " + s.feedErr
	}
	if s.accountErr != "" {
		s.fail(text + " — " + s.accountErr)
		return
	}
	s.info(text)
}

// view draws the bar, exactly width cells: the bidi mode, the message,
// then the breadcrumb, the position in it and the help hint — mirrored in
// a right-to-left UI. Every piece goes through the bidi renderer. When
// room is short, the breadcrumb is cut first: the position and the hint
// stay whole.
func (s *status) view(width int, mode, crumb, pos string, st theme.Theme, o render.Options, cat *i18n.Catalog) string {
	rtl := cat.Lang().RTL()
	modeText := " " + render.SanitizeLine(mode) + " "
	tag := st.StatusMode.Render(uiCell(modeText, render.Width(modeText), cat, o))
	msg := s.text
	if s.refreshing {
		msg = cat.T(i18n.MsgRefreshProgress, s.done, s.total, s.newN)
	}
	fixed := cat.T(i18n.MsgHelpHint)
	if pos != "" {
		fixed = pos + "  " + fixed
	}
	// Both laid out at their own width: shaping can join letters (لا)
	// into one cell, so a text's width is known only once laid out.
	fixedCell := uiText(fixed, cat, o)
	fixedW := render.Width(fixedCell) + 2 // a space each side
	crumbCell := uiText(crumb, cat, o)
	crumbW := render.Width(crumbCell) + 1 // a space before
	// The breadcrumb gets a third of the bar, or all the message leaves.
	msgW := render.Width(uiText(msg, cat, o)) + 2
	if budget := max(width/3-fixedW, width-lipgloss.Width(tag)-fixedW-msgW, 0); crumbW > budget {
		crumbW = budget
		crumbCell = uiCell(crumb, crumbW-1, cat, o)
	}
	if crumbW < 4 { // too little to show anything of it but "…"
		crumbW = 0
	}
	room := width - lipgloss.Width(tag) - fixedW - crumbW
	if room < 1 { // too narrow even for the position and the hint
		fixedW, crumbW, room = 0, 0, max(width-lipgloss.Width(tag), 0)
	}
	style := st.StatusInfo
	if s.isErr && !s.refreshing {
		style = st.StatusError
	}
	body := style.Render(uiCell(" "+msg, room, cat, o))
	var tail []string
	if crumbW > 0 {
		tail = append(tail, st.StatusBar.Render(row(rtl, " ", crumbCell)))
	}
	if fixedW > 0 {
		tail = append(tail, st.StatusBar.Render(" "+fixedCell+" "))
	}
	return row(rtl, append([]string{tag, body}, tail...)...)
}
