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
func paragraphLines(t text, dir bidi.Direction, width int, o Options) ([]visualLine, bool) {
	p := bidi.Resolve(t.runes, dir)
	rtl := p.BaseLevel()%2 == 1
	cs := clustersOf(t.runes)
	var out []visualLine
	for _, l := range wrap(t.runes, cs, width) {
		start, end := cs[l.start].start, cs[l.end-1].end
		out = append(out, lineOf(t, p, start, end, width, o))
	}
	return out, rtl
}

// lineOf builds runes [start, end) of t as one line. In Visual mode it
// shapes (when o.Shape), reorders grapheme clusters by their levels after
// rule L1 and mirrors characters at odd levels; in Logical mode it keeps
// logical order. Bidi controls are dropped; a cluster wider than width
// (a wide character on a 1-cell line) becomes "…".
func lineOf(t text, p *bidi.Paragraph, start, end, width int, o Options) visualLine {
	runes := t.runes[start:end]
	if o.Bidi == Logical {
		cs := clustersOf(runes)
		return assemble(runes, identity(len(runes)), cs, nil, t.attrs[start:end], nil, width)
	}
	levels := p.LineLevels(start, end)
	out, src := runes, identity(len(runes))
	if o.Shape && shape.NeedsShaping(runes) {
		out, src = shape.Shape(runes)
	}
	cs := clustersOf(out)
	cl := make([]bidi.Level, len(cs))
	for i, c := range cs {
		cl[i] = levels[src[c.start]]
	}
	l := assemble(out, src, cs, bidi.VisualOrder(cl), t.attrs[start:end], cl, width)
	if l.width > width && len(out) != len(runes) { // shaping made it wider: don't shape
		return lineOf(t, p, start, end, width, Options{Bidi: o.Bidi, Width: o.Width})
	}
	return l
}

// assemble writes clusters cs of runes in the given visual order (nil =
// logical), mirroring runes of clusters at odd levels, merging adjacent
// clusters with the same attr into pieces.
func assemble(runes []rune, src []int, cs []cluster, order []int, attrs []attr, levels []bidi.Level, width int) visualLine {
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
		if a := attrs[src[c.start]]; a != cur {
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
	l.width = Width(l.plain())
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

// identity returns 0, 1, …, n-1.
func identity(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = i
	}
	return s
}

// codeLines lays out one line of code: hard-wrapped at cluster
// boundaries with its spaces kept, in an LTR paragraph.
func codeLines(t text, dir bidi.Direction, width int, o Options) ([]visualLine, bool) {
	p := bidi.Resolve(t.runes, dir)
	cs := clustersOf(t.runes)
	var out []visualLine
	start, w := 0, 0
	for i, c := range cs {
		if w+c.width > width && i > start {
			out = append(out, lineOf(t, p, cs[start].start, cs[i-1].end, width, o))
			start, w = i, 0
		}
		w += c.width
	}
	if len(cs) == 0 {
		return []visualLine{{}}, p.BaseLevel()%2 == 1 // keep an empty line of code
	}
	out = append(out, lineOf(t, p, cs[start].start, cs[len(cs)-1].end, width, o))
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
