package tui

import (
	"fmt"
	"strings"
	"time"

	"github.com/akhbar/akhbar/render"
)

// padRight pads plain text with spaces to width cells (it never cuts).
func padRight(s string, width int) string {
	if w := render.Width(s); w < width {
		return s + strings.Repeat(" ", width-w)
	}
	return s
}

// padLeft pads plain text on the left to width cells (it never cuts).
func padLeft(s string, width int) string {
	if w := render.Width(s); w < width {
		return strings.Repeat(" ", width-w) + s
	}
	return s
}

// relTime says how long ago t was, in at most four cells: "now", "5m",
// "3h", "12d", "7mo", "3y". A date in the future shows its year.
func relTime(t, now time.Time) string {
	const day = 24 * time.Hour
	d := now.Sub(t)
	switch {
	case t.IsZero():
		return ""
	case d < -time.Minute:
		return t.Format("2006")
	case d < time.Minute:
		return "now"
	case d < time.Hour:
		return fmt.Sprintf("%dm", int(d/time.Minute))
	case d < day:
		return fmt.Sprintf("%dh", int(d/time.Hour))
	case d < 60*day:
		return fmt.Sprintf("%dd", int(d/day))
	case d < 730*day:
		return fmt.Sprintf("%dmo", int(d/(30*day)))
	default:
		return fmt.Sprintf("%dy", int(d/(365*day)))
	}
}

// isolate makes untrusted text one bidi-isolated unit (FSI … PDI) inside
// a UI message, so an Arabic title or query cannot pull the message's
// numbers and punctuation into its own direction. Its own bidi controls
// go first, so it cannot close the isolate early. The renderer uses the
// isolate and never writes the controls to the terminal.
func isolate(s string) string {
	return "\u2068" + render.SanitizeLine(s) + "\u2069"
}

// fit lays a UI message out in exactly width cells, cut with "…" if it
// is too long.
func fit(s string, width int) string {
	return render.Cell(s, width, render.Options{Width: width})
}
