package tui

import (
	"fmt"

	"charm.land/lipgloss/v2"

	"github.com/akhbar/akhbar/render"
)

// status is the one-line status bar: the bidi mode, one message (an error
// or information, always a single sanitised line), refresh progress, and
// where the reader is.
type status struct {
	text  string
	isErr bool

	refreshing    bool
	done, total   int
	newN, failedN int
	offlineWarned bool
}

func (s *status) info(text string) { s.text, s.isErr = text, false }

func (s *status) fail(err error) { s.text, s.isErr = err.Error(), true }

func (s *status) startRefresh(total int) {
	s.refreshing, s.done, s.total, s.newN, s.failedN = true, 0, total, 0, 0
}

// progress counts one finished feed.
func (s *status) progress(p Progress) {
	s.done = p.Done
	s.newN += p.New
	if p.Err != nil {
		s.failedN++
	}
}

// finish ends the refresh and sums it up.
func (s *status) finish(err error) {
	s.refreshing = false
	if err != nil {
		s.fail(fmt.Errorf("refresh: %w", err))
		return
	}
	text := fmt.Sprintf("Refreshed %d feed(s): %d new", s.total, s.newN)
	if s.failedN > 0 {
		text += fmt.Sprintf(", %d failed (marked !)", s.failedN)
	}
	s.info(text)
}

// view draws the bar, exactly width cells. mode names the bidi mode and
// where says what the reader is looking at.
func (s *status) view(width int, mode, where string, st Styles, o render.Options) string {
	o.Color = false
	left := st.StatusMode.Render(" " + mode + " ")
	msg := s.text
	if s.refreshing {
		msg = fmt.Sprintf("Refreshing %d/%d… %d new", s.done, s.total, s.newN)
	}
	right := " " + render.Cell(where, min(render.Width(render.SanitizeLine(where)), width/3), o) + "  ? help "
	room := width - lipgloss.Width(left) - render.Width(right) - 1
	if room < 0 {
		right = ""
		room = width - lipgloss.Width(left) - 1
	}
	body := " " + render.Cell(msg, max(room, 0), o)
	style := st.StatusInfo
	if s.isErr && !s.refreshing {
		style = st.StatusError
	}
	line := left + style.Render(body) + st.StatusBar.Render(right)
	if w := lipgloss.Width(line); w < width {
		line += st.StatusBar.Render(padRight("", width-w))
	}
	return line
}
