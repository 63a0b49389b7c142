package render

import (
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/clipperhouse/uax29/v2/graphemes"
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

// simple reports whether r is one cell wide and never joins another
// simple rune into one grapheme cluster (it is neither a mark, a joiner,
// a prepended mark, Hangul nor a regional indicator). A run of simple
// runes is therefore that many clusters of one cell each, which spares
// the grapheme segmenter most of the text of a news article.
// TestSimpleRunes checks every rune of this set against the segmenter
// and ansi.StringWidth.
func simple(r rune) bool {
	switch {
	case r < 0x7f:
		return r >= 0x20 // printable ASCII
	case r < 0x600:
		return r >= 0xa0 && r <= 0xff && r != 0xad || // Latin-1 but the soft hyphen
			r == 0x5be || r >= 0x5d0 && r <= 0x5ff // Hebrew maqaf and letters
	case r < 0x800:
		return r >= 0x606 && r <= 0x60f || r == 0x61b || r >= 0x61d && r <= 0x64a || // Arabic punctuation and letters
			r >= 0x660 && r <= 0x66f || r >= 0x671 && r <= 0x6d5 || r >= 0x6ee && r <= 0x6ff || // digits, more letters
			r >= 0x750 && r <= 0x77f // Arabic Supplement
	case r < 0x2100:
		return r >= 0x2010 && r <= 0x2027 || r >= 0x202f && r <= 0x205e // dashes, quotes, ellipsis
	}
	return r >= 0xfb50 && r <= 0xfdff || r >= 0xfe70 && r <= 0xfefe // Arabic presentation forms
}

// measurer segments text into grapheme clusters and measures them exactly
// as ansi.StringWidth does: simple runes directly, anything else through
// the grapheme segmenter, remembering the width of each such cluster
// (text in one script repeats few of them). Make one per layout; it is
// not safe for concurrent use.
type measurer struct {
	widths map[string]int              // width of clusters seen, by their UTF-8
	buf    []byte                      // UTF-8 of the runes being segmented
	it     *graphemes.Iterator[[]byte] // reused segmenter
	tmp    []cluster                   // clusters measured by width
}

// clusterWidth returns the display width of one grapheme cluster.
func (m *measurer) clusterWidth(c []byte) int {
	if len(c) == 1 && c[0] >= 0x20 && c[0] < 0x7f {
		return 1 // printable ASCII
	}
	if w, ok := m.widths[string(c)]; ok {
		return w
	}
	if m.widths == nil {
		m.widths = map[string]int{}
	}
	_, w := ansi.FirstGraphemeCluster(c, ansi.GraphemeWidth)
	m.widths[string(c)] = w
	return w
}

// width returns the display width of runes.
func (m *measurer) width(runes []rune) int {
	all := true
	for _, r := range runes {
		if !simple(r) {
			all = false
			break
		}
	}
	if all {
		return len(runes)
	}
	m.tmp = m.segment(m.tmp[:0], runes)
	return widthOf(m.tmp)
}

// clusters appends the grapheme clusters of runes, with their widths, to
// dst. Between two simple runes there is always a boundary, so only the
// stretches around other runes go through the segmenter.
func (m *measurer) clusters(dst []cluster, runes []rune) []cluster {
	for i := 0; i < len(runes); {
		if simple(runes[i]) && (i+1 == len(runes) || simple(runes[i+1])) {
			dst = append(dst, cluster{i, i + 1, 1})
			i++
			continue
		}
		j := i + 1
		for j < len(runes) && !(simple(runes[j-1]) && simple(runes[j])) {
			j++
		}
		n := len(dst)
		dst = m.segment(dst, runes[i:j])
		for k := n; k < len(dst); k++ {
			dst[k].start += i
			dst[k].end += i
		}
		i = j
	}
	return dst
}

// segment appends the grapheme clusters of runes to dst with the
// segmenter.
func (m *measurer) segment(dst []cluster, runes []rune) []cluster {
	m.buf = m.buf[:0]
	for _, r := range runes {
		m.buf = utf8.AppendRune(m.buf, r)
	}
	if m.it == nil {
		m.it = graphemes.FromBytes(m.buf)
	} else {
		m.it.SetText(m.buf)
	}
	pos := 0
	for m.it.Next() {
		c := m.it.Value()
		n := utf8.RuneCount(c)
		dst = append(dst, cluster{start: pos, end: pos + n, width: m.clusterWidth(c)})
		pos += n
	}
	return dst
}
