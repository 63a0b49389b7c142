package render

import (
	"strings"

	"github.com/akhbar/akhbar/render/bidi"
)

// decor is what a block puts beside its text on the start side (the
// left for LTR blocks, the right for RTL ones): indentation and a marker
// such as a bullet or a quote bar. Markers are in visual order for their
// side ("• " on the left, " •" on the right).
type decor struct {
	indent int       // cells of indentation before the marker
	first  string    // marker on the first line
	rest   string    // marker on the other lines, same width as first
	style  baseStyle // style of the marker
}

// width returns the cells the decoration takes.
func (d decor) width() int {
	return d.indent + Width(d.first)
}

// blockSpec says how to lay out one block.
type blockSpec struct {
	paras []text         // the block's paragraphs (split at newlines)
	dir   bidi.Direction // paragraph direction, never Auto
	decor decor
	base  baseStyle
	hard  bool // code: hard-wrap at the width, keep spaces
	right bool // align right with the decoration on the right, whatever the direction
}

// layoutBlock lays out a block in o.Width cells: RTL lines right-aligned
// with the decoration on the right, LTR lines with it on the left. The
// decoration is dropped when it would leave fewer than 4 cells of text.
func layoutBlock(spec blockSpec, s *styler) []string {
	width := s.width
	d := spec.decor
	if width-d.width() < 4 {
		d = decor{}
	}
	inner := width - d.width()
	var out []string
	for _, t := range spec.paras {
		pa := s.paragraph(t, spec.dir)
		var lines []span
		if spec.hard {
			lines = s.hardWrap(pa.cs, inner)
		} else {
			lines = s.wrap(t.runes, pa.cs, inner)
		}
		rtl := pa.p.BaseLevel()%2 == 1 || spec.right
		for _, l := range lines {
			marker := d.rest
			if len(out) == 0 {
				marker = d.first
			}
			vl := s.lineOf(pa, pa.cs[l.start:l.end], inner, s.shape)
			out = append(out, s.decorate(vl, spec.base, d, marker, rtl, width))
		}
	}
	return out
}

// decorate writes one line with its decoration and alignment.
func (s *styler) decorate(l visualLine, base baseStyle, d decor, marker string, rtl bool, width int) string {
	var b strings.Builder
	b.Grow(width + 3*len(l.runes) + len(marker))
	open, close := s.isolate(l)
	if !rtl {
		writeSpaces(&b, d.indent)
		s.writePlain(&b, marker, d.style)
		b.WriteString(open)
		s.writeLine(&b, l, base)
		b.WriteString(close)
		return b.String()
	}
	writeSpaces(&b, width-d.width()-l.width)
	b.WriteString(open)
	s.writeLine(&b, l, base)
	b.WriteString(close)
	s.writePlain(&b, marker, d.style)
	writeSpaces(&b, d.indent)
	return b.String()
}

// writeSpaces writes n spaces (none when n <= 0).
func writeSpaces(b *strings.Builder, n int) {
	for range n {
		b.WriteByte(' ')
	}
}
