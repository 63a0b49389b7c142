package render

import (
	"github.com/clipperhouse/uax29/v2/graphemes"
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

// measurer measures grapheme clusters exactly as ansi.StringWidth does,
// remembering the width of each cluster it has seen (text in one script
// repeats few distinct clusters). Make one per layout; it is not safe for
// concurrent use.
type measurer map[string]int

// clusterWidth returns the display width of one grapheme cluster.
func (m measurer) clusterWidth(c string) int {
	if len(c) == 1 && c[0] >= 0x20 && c[0] < 0x7f {
		return 1 // printable ASCII
	}
	if w, ok := m[c]; ok {
		return w
	}
	_, w := ansi.FirstGraphemeCluster(c, ansi.GraphemeWidth)
	m[c] = w
	return w
}

// width returns the display width of plain text.
func (m measurer) width(s string) int {
	w := 0
	it := graphemes.FromString(s)
	for it.Next() {
		w += m.clusterWidth(it.Value())
	}
	return w
}

// clusters splits runes into grapheme clusters with their widths.
func (m measurer) clusters(runes []rune) []cluster {
	out := make([]cluster, 0, len(runes))
	it := graphemes.FromString(string(runes))
	pos := 0
	for it.Next() {
		c := it.Value()
		n := utf8.RuneCountInString(c)
		out = append(out, cluster{start: pos, end: pos + n, width: m.clusterWidth(c)})
		pos += n
	}
	return out
}
