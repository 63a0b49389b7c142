package render

import (
	"strings"
)

// Cell fits one line of untrusted text (a headline, a feed name) into
// exactly width cells: sanitised onto one line, laid out per o.Bidi and
// o.Shape, RTL text right-aligned, and when too long truncated with "…"
// where the text ends (the left for RTL), so it cannot disturb
// neighbouring columns. It never styles; width < 1 gives "".
func Cell(text string, width int, o Options) string {
	if width < 1 {
		return ""
	}
	s := newStyler(o, nil)
	paras := s.prepare(text, nil, 0, false, true)
	t := paras[0]
	pa := s.paragraph(t, resolveDir("", paras))
	rtl := pa.p.BaseLevel()%2 == 1
	l := trimSpaces(t.runes, pa.cs, span{0, len(pa.cs)})
	fit, cut := fitClusters(pa.cs[l.start:l.end], width)
	for cut && len(fit) > 0 && isSpace(t.runes, fit[len(fit)-1]) {
		fit = fit[:len(fit)-1]
	}
	line := s.lineOf(pa, fit, width, o.Shape)
	body := make([]rune, 0, len(line.runes)+2)
	switch {
	case cut && rtl:
		body = append(append(body, '…'), line.runes...)
	case cut:
		body = append(append(body, line.runes...), '…')
	default:
		body = append(body, line.runes...)
	}
	w := s.m.width(body)
	if !rtl { // measure it followed by the padding: a prepended mark at its end joins it
		w = s.m.width(append(body, ' ')) - 1
	}
	pad := max(width-w, 0)
	var b strings.Builder
	b.Grow(pad + 3*len(body))
	if rtl {
		writeSpaces(&b, pad)
	}
	for _, r := range body {
		b.WriteRune(r)
	}
	if !rtl {
		writeSpaces(&b, pad)
	}
	return b.String()
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
