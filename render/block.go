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
	width := s.o.width()
	d := spec.decor
	if width-d.width() < 4 {
		d = decor{}
	}
	inner := width - d.width()
	var out []string
	for _, t := range spec.paras {
		var lines []visualLine
		var rtl bool
		if spec.hard {
			lines, rtl = codeLines(s, t, spec.dir, inner)
		} else {
			lines, rtl = paragraphLines(s, t, spec.dir, inner)
		}
		for _, l := range lines {
			marker := d.rest
			if len(out) == 0 {
				marker = d.first
			}
			out = append(out, decorate(s, l, spec.base, d, marker, rtl || spec.right, width))
		}
	}
	return out
}

// decorate writes one line with its decoration and alignment.
func decorate(s *styler, l visualLine, base baseStyle, d decor, marker string, rtl bool, width int) string {
	var b strings.Builder
	text := s.line(l, base)
	if marker != "" {
		marker = s.plain(marker, d.style)
	}
	if !rtl {
		b.WriteString(strings.Repeat(" ", d.indent))
		b.WriteString(marker)
		b.WriteString(text)
		return b.String()
	}
	pad := width - d.width() - l.width
	b.WriteString(strings.Repeat(" ", max(pad, 0)))
	b.WriteString(text)
	b.WriteString(marker)
	b.WriteString(strings.Repeat(" ", d.indent))
	return b.String()
}
