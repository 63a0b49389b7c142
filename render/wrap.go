package render

import (
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// span is a range [start, end) of rune indices.
type span struct{ start, end int }

// breakOpportunities reports, for each rune index i, whether UAX #14
// allows a line break before rune i. The result is a buffer of s.
//
// UAX #14 never breaks between two letters (rule LB28), and every rule
// that involves a letter looks only at the character beside it. So the
// segmenter is given each run of letters shortened to its first and last
// letter, which gives the same opportunities for a fraction of the work.
func (s *styler) breakOpportunities(runes []rune) []bool {
	can := grow(s.buf.can, len(runes)+1)
	for range len(runes) + 1 {
		can = append(can, false)
	}
	text, idx := s.buf.utf8[:0], s.buf.idx[:0] // idx[k]: index in runes of rune k of text
	for i, r := range runes {
		if letter(r) && i > 0 && letter(runes[i-1]) && i+1 < len(runes) && letter(runes[i+1]) {
			continue // inside a run of letters
		}
		text, idx = utf8.AppendRune(text, r), append(idx, i)
	}
	s.buf.can, s.buf.utf8, s.buf.idx = can, text, idx
	k, state := 0, -1
	for len(text) > 0 {
		var seg []byte
		seg, text, _, state = uniseg.FirstLineSegment(text, state)
		k += utf8.RuneCount(seg)
		if k < len(idx) {
			can[idx[k]] = true
		} else {
			can[len(runes)] = true
		}
	}
	return can
}

// letter reports whether r is a letter of line-breaking class AL or HL
// (UAX #14): Latin, Arabic or Hebrew. TestSegmentation and FuzzLayout
// check that leaving out the inside of runs of them does not change line
// breaking.
func letter(r rune) bool {
	switch {
	case r < 0x80:
		return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
	case r < 0x600:
		return r >= 0x5d0 && r <= 0x5ea // Hebrew
	}
	return r >= 0x620 && r <= 0x64a || r >= 0x671 && r <= 0x6d3 // Arabic
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
