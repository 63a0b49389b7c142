package render

import "github.com/akhbar/akhbar/render/bidi"

// Isolates that akhbar writes around a line's text in Logical mode.
const (
	lri = '\u2066' // left-to-right isolate
	rli = '\u2067' // right-to-left isolate
	pdi = '\u2069' // pop directional isolate
)

// isolate returns what to write before and after a laid-out line in
// Logical mode, where the terminal reorders each line by itself. A
// terminal may take a line's direction from its first strong character
// or assume left to right; a line of a right-to-left paragraph is
// therefore wrapped in a right-to-left isolate, so that either way the
// terminal reorders it as one of direction RTL, and the padding and
// markers outside it are neutral and stay where Visual mode puts them.
// Lines of left-to-right paragraphs, and every line in Visual mode, get
// nothing: logicalLine isolates their right-to-left runs, which the
// terminal skips when it looks for the line's direction.
func (s *styler) isolate(l visualLine) (open, close string) {
	if s.mode != Logical || len(l.runes) == 0 || !l.rtl {
		return "", ""
	}
	return string(rli), string(pdi)
}

// logicalLine writes clusters cs of a line in logical order, for Logical
// mode, with isolates that make a bidi terminal resolve each cluster to
// the level it has in akhbar's layout of the whole paragraph (levels,
// one per cluster): every run of clusters above the base level is
// wrapped in an isolate of its direction, and runs above that in nested
// ones. A terminal resolves each line alone, so without them the line's
// ends differ (a "/" that ends a line of a URL in an Arabic paragraph
// would join the Arabic), and so does text that akhbar's own isolates
// kept apart (a date in the byline). Bidi controls of the text are
// dropped, clusters without a base left out, as in assemble; nothing is
// mirrored, the terminal mirrors.
func (s *styler) logicalLine(runes []rune, cs []cluster, attrs []attr, levels []bidi.Level, base bidi.Level, width int) visualLine {
	vis, va := s.buf.vis[:0], s.buf.visAttrs[:0]
	depth := base
	for i, c := range cs {
		if orphan(runes[c.start]) || prepended(runes[c.end-1]) {
			continue
		}
		a := attrs[c.start]
		if s.mode != Logical { // Plain: the text alone
			levels[i] = base
		}
		for ; depth > max(levels[i], base); depth-- {
			vis, va = append(vis, pdi), append(va, a)
		}
		for depth < levels[i] {
			depth++
			open := lri
			if depth%2 == 1 {
				open = rli
			}
			vis, va = append(vis, open), append(va, a)
		}
		if c.width > width {
			vis, va = append(vis, '…'), append(va, a)
			continue
		}
		for _, r := range runes[c.start:c.end] {
			if !bidi.IsFormatting(r) {
				vis, va = append(vis, r), append(va, a)
			}
		}
	}
	for ; depth > base; depth-- {
		vis, va = append(vis, pdi), append(va, attr{})
	}
	s.buf.vis, s.buf.visAttrs = vis, va
	return visualLine{runes: vis, attrs: va, width: s.m.width(vis)}
}
