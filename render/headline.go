package render

import "strings"

// Cell fits one line of untrusted text (a headline, a feed name) into
// exactly width cells: sanitised onto one line, laid out per o.Bidi and
// o.Shape, RTL text right-aligned, and when too long truncated with "…"
// where the text ends (the left for RTL), so it cannot disturb
// neighbouring columns. It never styles; width < 1 gives "".
func Cell(text string, width int, o Options) string {
	o.Color = false
	return StyledCell(text, nil, width, o)
}

// fitClusters returns the leading clusters that fit in width cells, and
// whether some were cut, leaving one cell for "…" in that case.
func fitClusters(cs []cluster, width int) ([]cluster, bool) {
	if widthOf(cs) <= width {
		return cs, false
	}
	w, n := 0, 0
	for n < len(cs) && w+cs[n].width <= width-1 {
		w += cs[n].width
		n++
	}
	return cs[:n], true
}

// Inline lays out one line of untrusted text (a title, a feed name, a
// URL) at its own width, as a field of a command's output line:
// sanitised onto one line and laid out per o.Bidi and o.Shape like Cell,
// but neither padded nor cut. In Logical mode a right-to-left field is
// wrapped in its own isolate, so it cannot reorder the fields beside it.
func Inline(text string, o Options) string {
	w := Width(SanitizeLine(text))
	if w < 1 {
		return ""
	}
	return strings.Trim(Cell(text, w, o), " ")
}
