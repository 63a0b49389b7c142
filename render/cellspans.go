package render

import (
	"strings"
	"unicode/utf8"

	"github.com/akhbar/akhbar/feed"
)

// StyledCell is Cell with inline styles: spans are byte ranges of text
// as given (before sanitising), styled like an article's spans (Bold,
// Italic, Mono, Anchor without a target, and Match from Theme.Match).
// Styles are applied after reordering, so a span that reordering splits
// becomes several styled pieces. A rune is styled when its first byte is
// in a span; spans out of range, empty or overlapping are clipped or
// combined, never an error. With o.Color false it returns exactly what
// Cell returns.
//
// Each styled piece ends by turning off only the attributes it turned
// on, not by a full reset, so a style the caller wraps around the whole
// cell (a selected row's background) goes on after it.
func StyledCell(text string, spans []feed.Span, width int, o Options) string {
	if width < 1 {
		return ""
	}
	if !o.Color {
		spans = nil
	}
	s := newStyler(o, nil)
	l, rtl := s.cellLine(text, spans, width)
	var b strings.Builder
	b.Grow(width + 3*len(l.runes) + 6)
	open, close := s.isolate(l)
	b.WriteString(open)
	s.writeCell(&b, l)
	b.WriteString(close)
	body := b.String()
	w := l.width
	if strings.IndexByte(body, '\x1b') >= 0 { // measure what is written: a mark before an SGR sequence joins nothing
		w = Width(body)
		if !rtl {
			w = Width(body+" ") - 1
		}
	}
	pad := strings.Repeat(" ", max(width-w, 0))
	if rtl {
		return pad + body
	}
	return body + pad
}

// MatchSpans turns the byte ranges of a search hit's snippet
// (feed.SearchHit.Match) into feed.Match spans for StyledCell. Bad ranges
// pass through as they are: StyledCell clips them.
func MatchSpans(ranges [][2]int) []feed.Span {
	if len(ranges) == 0 {
		return nil
	}
	spans := make([]feed.Span, len(ranges))
	for i, r := range ranges {
		spans[i] = feed.Span{Start: r[0], End: r[1], Style: feed.Match}
	}
	return spans
}

// cellLine lays text out as the one visual line of a cell of width
// cells: leading and trailing spaces trimmed, cut with "…" where the text
// ends when too long. It also reports whether the text is RTL (to be
// aligned right). The line's width is the one to pad it by.
func (s *styler) cellLine(text string, spans []feed.Span, width int) (visualLine, bool) {
	paras := s.prepare(cellText(text, width), spans, 0, false, true)
	t := paras[0]
	pa := s.paragraph(t, resolveDir("", paras))
	rtl := pa.p.BaseLevel()%2 == 1
	l := trimSpaces(t.runes, pa.cs, span{0, len(pa.cs)})
	fit, cut := fitClusters(pa.cs[l.start:l.end], width)
	for cut && len(fit) > 0 && isSpace(t.runes, fit[len(fit)-1]) {
		fit = fit[:len(fit)-1]
	}
	line := s.lineOf(pa, fit, width, s.shape)
	if cut {
		line = withEllipsis(line, rtl && s.mode == Visual) // in Logical order the end is the end
	}
	line.width = s.m.width(line.runes) // a line never ends in a prepended mark (see prepended)
	return line, rtl
}

// cellText bounds the text a cell lays out: a cell shows at most width
// clusters from the start of its text, so text beyond maxCellBytes bytes
// plus 64 per cell cannot show; leaving it out keeps a huge title (from a
// cache written before Parse capped fields) from costing a layout of
// megabytes on every frame.
func cellText(text string, width int) string {
	s, _ := cutBytes(text, maxCellBytes+64*width)
	return s
}

// maxCellBytes: see cellText.
const maxCellBytes = 4096

// cutBytes returns the longest prefix of s of at most n bytes that ends
// at a rune boundary, and whether that is less than s.
func cutBytes(s string, n int) (string, bool) {
	if len(s) <= n {
		return s, false
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n], true
}

// withEllipsis returns a copy of l with an unstyled "…" where its text
// ends: on the left for RTL, else on the right.
func withEllipsis(l visualLine, rtl bool) visualLine {
	out := ellipsised(l, rtl)
	out.rtl = l.rtl
	return out
}

// ellipsised is withEllipsis without the line's direction.
func ellipsised(l visualLine, rtl bool) visualLine {
	runes := make([]rune, 0, len(l.runes)+1)
	attrs := make([]attr, 0, len(l.attrs)+1)
	if rtl {
		runes = append(append(runes, '…'), l.runes...)
		attrs = append(append(attrs, attr{}), l.attrs...)
	} else {
		runes = append(append(runes, l.runes...), '…')
		attrs = append(append(attrs, l.attrs...), attr{})
	}
	return visualLine{runes: runes, attrs: attrs}
}

// writeCell writes a visual line one piece per run of runes with the
// same attr. A styled piece ends with the sequence that turns off its own
// attributes only (sgrPair.off).
func (s *styler) writeCell(b *strings.Builder, l visualLine) {
	for i := 0; i < len(l.runes); {
		j := i + 1
		for j < len(l.attrs) && l.attrs[j] == l.attrs[i] {
			j++
		}
		var p sgrPair
		if s.color {
			p = s.sgr(styleKey{baseText, l.attrs[i].flags})
		}
		b.WriteString(p.on)
		for _, r := range l.runes[i:j] {
			b.WriteRune(r)
		}
		b.WriteString(p.off)
		i = j
	}
}
