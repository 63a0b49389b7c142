package render

import (
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// Width returns the display cells of plain (unstyled) text, measured the
// way Lip Gloss measures it: by grapheme cluster, wide clusters 2 cells,
// marks 0. Escape sequences, if any, count as 0.
func Width(s string) int {
	return ansi.StringWidth(s)
}

// cluster is one grapheme cluster: runes [start, end) of a text and its
// display width.
type cluster struct {
	start, end int
	width      int
}

// clustersOf splits runes into grapheme clusters with their widths,
// exactly as ansi.StringWidth segments and measures them.
func clustersOf(runes []rune) []cluster {
	s := string(runes)
	out := make([]cluster, 0, len(runes))
	pos := 0
	for len(s) > 0 {
		c, w := ansi.FirstGraphemeCluster(s, ansi.GraphemeWidth)
		if c == "" { // cannot happen for valid UTF-8; never loop forever
			_, size := utf8.DecodeRuneInString(s)
			c, w = s[:size], 1
		}
		n := 0
		for range c {
			n++
		}
		out = append(out, cluster{start: pos, end: pos + n, width: w})
		pos += n
		s = s[len(c):]
	}
	return out
}
