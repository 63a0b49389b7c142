package render

import (
	"strings"

	"github.com/akhbar/akhbar/render/bidi"
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
	paras := prepare(text, nil, 0, false)
	t := joinLine(paras)
	dir := resolveDir("", paras)
	p := bidi.Resolve(t.runes, dir)
	rtl := p.BaseLevel()%2 == 1
	s := newStyler(o, nil)
	cs := s.m.clusters(t.runes)
	l := trimSpaces(t.runes, cs, span{0, len(cs)})
	cs = cs[l.start:l.end]
	fit, cut := fitClusters(cs, width)
	for cut && len(fit) > 0 && isSpace(t.runes, fit[len(fit)-1]) {
		fit = fit[:len(fit)-1]
	}
	var line visualLine
	if len(fit) > 0 {
		line = lineOf(s, t, p, fit, width, o.Shape)
	}
	body := line.plain()
	if cut {
		if rtl {
			body = "…" + body
		} else {
			body += "…"
		}
	}
	pad := strings.Repeat(" ", max(width-s.m.width(body), 0))
	if rtl {
		return pad + body
	}
	return body + pad
}

// joinLine joins paragraphs into one line, newlines becoming spaces.
func joinLine(paras []text) text {
	t := paras[0]
	for _, p := range paras[1:] {
		t.append(' ', attr{})
		t.runes = append(t.runes, p.runes...)
		t.attrs = append(t.attrs, p.attrs...)
	}
	return t
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
