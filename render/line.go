package render

import (
	"unicode"

	"strings"

	"github.com/akhbar/akhbar/render/bidi"
	"github.com/akhbar/akhbar/render/shape"
)

// piece is a run of visually adjacent text with one attr.
type piece struct {
	text string
	attr attr
}

// visualLine is one laid-out line of paragraph text, before decoration:
// its pieces left to right and its display width.
type visualLine struct {
	pieces []piece
	width  int
}

// paragraphLines lays out one paragraph (no newlines) in width cells:
// levels resolved once, wrapped in logical order, then each line
// reordered (and shaped) per o.
func paragraphLines(s *styler, t text, dir bidi.Direction, width int) ([]visualLine, bool) {
	p := bidi.Resolve(t.runes, dir)
	cs := s.m.clusters(t.runes)
	var out []visualLine
	for _, l := range wrap(t.runes, cs, width) {
		out = append(out, lineOf(s, t, p, cs[l.start:l.end], width, s.o.Shape))
	}
	return out, p.BaseLevel()%2 == 1
}

// lineOf builds the clusters lcs of t (at least one) as one line. In
// Visual mode it shapes (when o.Shape), reorders grapheme clusters by
// their levels after rule L1 and mirrors characters at odd levels; in
// Logical mode it keeps logical order. Bidi controls are dropped; a
// cluster wider than width (a wide character on a 1-cell line) becomes
// "…".
func lineOf(s *styler, t text, p *bidi.Paragraph, lcs []cluster, width int, shaping bool) visualLine {
	start, end := lcs[0].start, lcs[len(lcs)-1].end
	runes, attrs := t.runes[start:end], t.attrs[start:end]
	cs := make([]cluster, len(lcs))
	for i, c := range lcs {
		cs[i] = cluster{c.start - start, c.end - start, c.width}
	}
	if s.o.Bidi == Logical {
		return assemble(s.m, runes, nil, cs, nil, attrs, nil, width)
	}
	levels := p.LineLevels(start, end)
	out, src := runes, []int(nil)
	if shaping && shape.NeedsShaping(runes) {
		out, src = shape.Shape(runes)
		if len(out) != len(runes) { // ligatures: clusters changed
			cs = s.m.clusters(out)
		} // else same clusters; assemble measures the result anyway
	}
	cl := make([]bidi.Level, len(cs))
	for i, c := range cs {
		cl[i] = levels[source(src, c.start)]
	}
	l := assemble(s.m, out, src, cs, bidi.VisualOrder(cl), attrs, cl, width)
	if l.width > width && src != nil { // shaping made it wider: don't shape
		return lineOf(s, t, p, lcs, width, false)
	}
	return l
}

// source maps index i of (possibly shaped) line text to its index in
// the unshaped line; src nil means unshaped.
func source(src []int, i int) int {
	if src == nil {
		return i
	}
	return src[i]
}

// assemble writes clusters cs of runes in the given visual order (nil =
// logical), mirroring runes of clusters at odd levels, merging adjacent
// clusters with the same attr into pieces.
func assemble(m measurer, runes []rune, src []int, cs []cluster, order []int, attrs []attr, levels []bidi.Level, width int) visualLine {
	var l visualLine
	var b strings.Builder
	cur := attr{}
	flush := func() {
		if b.Len() > 0 {
			l.pieces = append(l.pieces, piece{b.String(), cur})
			b.Reset()
		}
	}
	for v := range cs {
		i := v
		if order != nil {
			i = order[v]
		}
		c := cs[i]
		if orphan(runes[c.start]) {
			continue
		}
		if a := attrs[source(src, c.start)]; a != cur {
			flush()
			cur = a
		}
		if c.width > width {
			b.WriteString("…")
			continue
		}
		odd := levels != nil && levels[i]%2 == 1
		for _, r := range runes[c.start:c.end] {
			if bidi.IsFormatting(r) {
				continue
			}
			if odd {
				r = bidi.Mirror(r)
			}
			b.WriteRune(r)
		}
	}
	flush()
	l.width = m.width(l.plain())
	return l
}

// plain returns the line's text without styles.
func (l visualLine) plain() string {
	if len(l.pieces) == 1 {
		return l.pieces[0].text
	}
	var b strings.Builder
	for _, p := range l.pieces {
		b.WriteString(p.text)
	}
	return b.String()
}

// codeLines lays out one line of code: hard-wrapped at cluster
// boundaries with its spaces kept, in an LTR paragraph.
func codeLines(s *styler, t text, dir bidi.Direction, width int) ([]visualLine, bool) {
	p := bidi.Resolve(t.runes, dir)
	cs := s.m.clusters(t.runes)
	var out []visualLine
	start, w := 0, 0
	for i, c := range cs {
		if w+c.width > width && i > start {
			out = append(out, lineOf(s, t, p, cs[start:i], width, s.o.Shape))
			start, w = i, 0
		}
		w += c.width
	}
	if len(cs) == 0 {
		return []visualLine{{}}, p.BaseLevel()%2 == 1 // keep an empty line of code
	}
	out = append(out, lineOf(s, t, p, cs[start:], width, s.o.Shape))
	return out, p.BaseLevel()%2 == 1
}

// orphan reports whether a cluster starting with r has no base
// character: a bidi control, or a mark or joiner left alone at the start
// of a line or after a control. Such clusters are dropped, because once
// moved next to another cluster they would join it and could change its
// width (a lone U+FE0F makes the character before it wide).
func orphan(r rune) bool {
	return bidi.IsFormatting(r) || unicode.Is(unicode.M, r) || r == '\u200c' || r == '\u200d'
}
