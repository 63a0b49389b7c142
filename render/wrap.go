package render

import (
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// span is a range [start, end) of rune indices.
type span struct{ start, end int }

// breakOpportunities reports, for each rune index i, whether UAX #14
// allows a line break before rune i. The result is a buffer of s.
func (s *styler) breakOpportunities(runes []rune) []bool {
	can := grow(s.buf.can, len(runes)+1)
	for range len(runes) + 1 {
		can = append(can, false)
	}
	text := s.buf.utf8[:0]
	for _, r := range runes {
		text = utf8.AppendRune(text, r)
	}
	s.buf.can, s.buf.utf8 = can, text
	pos, state := 0, -1
	for len(text) > 0 {
		var seg []byte
		seg, text, _, state = uniseg.FirstLineSegment(text, state)
		pos += utf8.RuneCount(seg)
		can[pos] = true
	}
	return can
}

// isSpace reports whether a cluster is a plain space, the only character
// that may hang past the end of a line and is trimmed there.
func isSpace(runes []rune, c cluster) bool {
	return c.end-c.start == 1 && runes[c.start] == ' '
}

// wrap breaks one paragraph into lines of at most width cells, in
// logical order: at line-break opportunities where possible, else at
// grapheme cluster boundaries. Spaces at either end of a line are left
// out of it. It returns each line as a range of clusters, in a buffer
// of s.
func (s *styler) wrap(runes []rune, cs []cluster, width int) []span {
	can := s.breakOpportunities(runes)
	lines := s.buf.lines[:0]
	start, w, last := 0, 0, -1 // last: cluster index of the latest break opportunity
	emit := func(end int) {
		if l := trimSpaces(runes, cs, span{start, end}); l.end > l.start {
			lines = append(lines, l)
		}
		start, w, last = end, 0, -1
	}
	for i, c := range cs {
		if i > start && can[c.start] {
			last = i
		}
		if isSpace(runes, c) || w+c.width <= width {
			w += c.width
			continue
		}
		if last > start { // break at the latest opportunity
			emit(last)
			w = widthOf(cs[start:i])
		}
		if w+c.width > width && i > start { // still too long: hard break
			emit(i)
		}
		w += c.width
	}
	emit(len(cs))
	s.buf.lines = lines
	return lines
}

// trimSpaces narrows a line to leave out leading and trailing spaces.
func trimSpaces(runes []rune, cs []cluster, l span) span {
	for l.start < l.end && isSpace(runes, cs[l.start]) {
		l.start++
	}
	for l.end > l.start && isSpace(runes, cs[l.end-1]) {
		l.end--
	}
	return l
}

// widthOf sums the widths of clusters.
func widthOf(cs []cluster) int {
	w := 0
	for _, c := range cs {
		w += c.width
	}
	return w
}
