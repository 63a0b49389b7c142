package render

import (
	"sort"
	"strconv"
	"unicode/utf8"

	"github.com/akhbar/akhbar/feed"
)

// attr is the inline style of one rune of laid-out text.
type attr struct {
	flags uint8 // styleBold | styleItalic | …
	link  int   // 1-based index into the article's links, 0 = none
}

const (
	styleBold uint8 = 1 << iota
	styleItalic
	styleCode
	styleLink
	styleMarker // the [n] after a link
	styleByline // the author in the meta line
)

// text is sanitised paragraph text ready for layout: runes (bidi
// controls still in, for the bidi algorithm) with one attr per rune.
type text struct {
	runes []rune
	attrs []attr
}

// newText returns an empty text with room for n runes.
func newText(n int) text {
	return text{runes: make([]rune, 0, n), attrs: make([]attr, 0, n)}
}

// append adds one rune with its attr.
func (t *text) append(r rune, a attr) {
	t.runes = append(t.runes, r)
	t.attrs = append(t.attrs, a)
}

// prepare sanitises a block's text and splits it into paragraphs at
// newlines. Spans (byte offsets into s) become per-rune attrs; an Anchor
// span whose Link is in 1..nLinks gets its "[n]" marker appended after
// its text. Tabs become spaces, or are expanded to tab stops of 4 when
// code is set.
func prepare(s string, spans []feed.Span, nLinks int, code bool) []text {
	offs, runes := decode(s)
	attrs := paintSpans(offs, spans, nLinks)
	markers := markerPositions(offs, len(s), spans, nLinks)
	var out []text
	cur := newText(len(runes))
	col := 0
	for i := 0; i <= len(runes); i++ {
		for _, n := range markers[i] {
			for _, r := range "[" + strconv.Itoa(n) + "]" {
				cur.append(r, attr{flags: styleMarker, link: n})
			}
		}
		if i == len(runes) {
			break
		}
		r := runes[i]
		switch classify(r) {
		case keepRune, bidiControl:
			cur.append(r, attrs[i])
			col++
		case badRune:
			cur.append(utf8.RuneError, attrs[i])
			col++
		case tabRune:
			n := 1
			if code {
				n = 4 - col%4
			}
			for range n {
				cur.append(' ', attrs[i])
			}
			col += n
		case newlineRune:
			out = append(out, cur)
			cur, col = newText(len(runes)-i), 0
		}
	}
	return append(out, cur)
}

// decode splits s into runes (invalid bytes become U+FFFD, "\r\n" a
// single "\n") with the byte offset of each.
func decode(s string) (offs []int, runes []rune) {
	n := utf8.RuneCountInString(s)
	offs = make([]int, 0, n)
	runes = make([]rune, 0, n)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == '\r' && i+1 < len(s) && s[i+1] == '\n' {
			i++
			continue
		}
		offs = append(offs, i)
		runes = append(runes, r)
		i += size
	}
	return offs, runes
}

// paintSpans gives each rune the attrs of the spans covering its byte
// offset. Spans out of range are clipped; unknown styles are ignored.
func paintSpans(offs []int, spans []feed.Span, nLinks int) []attr {
	attrs := make([]attr, len(offs))
	for _, sp := range spans {
		var a attr
		switch sp.Style {
		case feed.Bold:
			a.flags = styleBold
		case feed.Italic:
			a.flags = styleItalic
		case feed.Mono:
			a.flags = styleCode
		case feed.Anchor:
			a.flags = styleLink
			if sp.Link >= 1 && sp.Link <= nLinks {
				a.link = sp.Link
			}
		default:
			continue
		}
		from := sort.SearchInts(offs, sp.Start)
		to := sort.SearchInts(offs, sp.End)
		for i := from; i < to; i++ {
			attrs[i].flags |= a.flags
			if a.link != 0 {
				attrs[i].link = a.link
			}
		}
	}
	return attrs
}

// markerPositions maps a rune index to the link numbers whose "[n]"
// marker goes just before that rune (len(offs) = at the end).
func markerPositions(offs []int, size int, spans []feed.Span, nLinks int) map[int][]int {
	var m map[int][]int
	if nLinks > 0 {
		m = map[int][]int{}
	}
	for _, sp := range spans {
		if sp.Style != feed.Anchor || sp.Link < 1 || sp.Link > nLinks || sp.End <= sp.Start {
			continue
		}
		end := min(max(sp.End, 0), size)
		at := sort.SearchInts(offs, end)
		m[at] = append(m[at], sp.Link)
	}
	return m
}
