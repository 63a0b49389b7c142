package tui

import (
	"strings"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/render"
	"github.com/akhbar/akhbar/tui/i18n"
)

// isolate makes untrusted text one bidi-isolated unit (FSI … PDI) inside
// a UI message, so an Arabic title or query cannot pull the message's
// numbers and punctuation into its own direction. Its own bidi controls
// go first, so it cannot close the isolate early. The renderer uses the
// isolate and never writes the controls to the terminal. The text is cut
// to maxMessagePart first: a message is one screen line.
func isolate(s string) string {
	return "\u2068" + render.SanitizeLine(feed.Clip(s, maxMessagePart, maxMessagePart/4)) + "\u2069"
}

// maxMessagePart bounds, in bytes, untrusted text put in a UI message.
const maxMessagePart = 2048

// ageWidth is the column of a headline's age ("3h", "٣ س").
const ageWidth = 6

// row joins the columns of a row left to right, or right to left in a
// right-to-left UI: the first column is always at the reading start.
func row(rtl bool, cols ...string) string {
	if !rtl {
		return strings.Join(cols, "")
	}
	var b strings.Builder
	for i := len(cols) - 1; i >= 0; i-- {
		b.WriteString(cols[i])
	}
	return b.String()
}

// uiCell lays out a UI message in exactly width cells, flush with the
// reading start of the UI language (right in Arabic, Persian, Hebrew).
func uiCell(s string, width int, cat *i18n.Catalog, o render.Options) string {
	if cat.Lang().RTL() {
		s = "\u200f" + s // RLM: an RTL paragraph, whatever its first letter
	}
	o.Color = false
	return render.Cell(s, width, o)
}

// uiText lays a UI message out at its own width (neither padded nor cut)
// in the direction of the UI language, for a column sized to it.
func uiText(s string, cat *i18n.Catalog, o render.Options) string {
	if cat.Lang().RTL() {
		s = "\u200f" + s // RLM: an RTL paragraph, whatever its first letter
	}
	o.Color = false
	return render.Inline(s, o)
}
