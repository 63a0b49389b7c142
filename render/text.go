package render

import (
	"slices"
	"strconv"
	"strings"
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
	styleMatch  // text that matched a search query
)

// text is sanitised paragraph text ready for layout: runes (balanced
// isolates and bidi marks still in, for the bidi algorithm) with one
// attr per rune.
type text struct {
	runes []rune
	attrs []attr
}

// append adds one rune with its attr.
func (t *text) append(r rune, a attr) {
	t.runes = append(t.runes, r)
	t.attrs = append(t.attrs, a)
}

// prepare sanitises a block's text and splits it into paragraphs at
// newlines (or, with oneLine, turns newlines into spaces). Spans (byte
// offsets into str) become per-rune attrs; an Anchor span whose Link is
// in 1..nLinks gets its "[n]" marker appended after its text. Invalid
// bytes become U+FFFD and "\r\n" one newline. Tabs become spaces, or are
// expanded to tab stops of 4 when code is set. The paragraphs live in
// buffers of s until its next prepare.
//
// prepare is where untrusted text meets the bidi algorithm, so it decides
// which bidi controls may act: explicit embeddings and overrides
// (U+202A–U+202E) are dropped, because an override reverses the letters
// of whatever follows it (Trojan Source); isolates are kept only in
// matched pairs within one paragraph (see dropUnmatchedIsolates), so they
// reorder nothing outside their own text. Marks (LRM, RLM, ALM) are kept:
// they are strong characters of the paragraph they are in.
func (s *styler) prepare(str string, spans []feed.Span, nLinks int, code, oneLine bool) []text {
	b := &s.buf
	n := utf8.RuneCountInString(str)
	b.runes, b.attrs = grow(b.runes, n), grow(b.attrs, n)
	painted := paintSpans(b.painted, len(str), spans, nLinks)
	if painted != nil {
		b.painted = painted // keep the buffer for the next block with spans
	}
	b.markers = markerPositions(b.markers[:0], len(str), spans, nLinks)
	t := text{runes: b.runes, attrs: b.attrs}
	bounds := append(b.bounds[:0], 0)
	col, next := 0, 0 // next: index in b.markers of the next marker
	isolates := false
	for o := 0; ; {
		for ; next < len(b.markers) && b.markers[next].at <= o; next++ {
			t.appendMarker(b.markers[next].link)
		}
		if o == len(str) {
			break
		}
		r, size := utf8.DecodeRuneInString(str[o:])
		if r == '\r' && strings.HasPrefix(str[o+1:], "\n") {
			o++
			continue
		}
		a := attr{}
		if painted != nil {
			a = painted[o]
		}
		o += size
		switch classify(r) {
		case bidiControl:
			if isEmbedding(r) {
				continue
			}
			isolates = isolates || isIsolate(r)
			t.append(r, a)
			col++
		case keepRune:
			t.append(r, a)
			col++
		case badRune:
			t.append(utf8.RuneError, a)
			col++
		case tabRune:
			n := 1
			if code {
				n = 4 - col%4
			}
			for range n {
				t.append(' ', a)
			}
			col += n
		case newlineRune:
			if oneLine {
				t.append(' ', attr{})
				col++
				continue
			}
			bounds = append(bounds, len(t.runes))
			col = 0
		}
	}
	bounds = append(bounds, len(t.runes))
	if isolates {
		t, b.isolates = dropUnmatchedIsolates(t, bounds, b.isolates)
	}
	b.runes, b.attrs, b.bounds = t.runes, t.attrs, bounds
	b.paras = b.paras[:0]
	for k := 1; k < len(bounds); k++ {
		from, to := bounds[k-1], bounds[k]
		b.paras = append(b.paras, text{runes: t.runes[from:to:to], attrs: t.attrs[from:to:to]})
	}
	return b.paras
}

// isEmbedding reports whether r is an explicit embedding or override
// control, or the PDF that ends one (U+202A–U+202E).
func isEmbedding(r rune) bool { return r >= '\u202a' && r <= '\u202e' }

// isIsolate reports whether r is an isolate initiator or a PDI
// (U+2066–U+2069).
func isIsolate(r rune) bool { return r >= '\u2066' && r <= '\u2069' }

// dropUnmatchedIsolates removes, from each paragraph [bounds[k-1],
// bounds[k]) of t, the isolate initiators without a matching PDI and the
// PDIs without an initiator (matching as in UAX #9 BD9), so no isolate
// reaches past its own text. It compacts t and bounds in place and
// returns the shortened t and the stack buffer for reuse.
func dropUnmatchedIsolates(t text, bounds []int, stack []int) (text, []int) {
	const gone = -1
	for k := 1; k < len(bounds); k++ {
		stack = stack[:0]
		for i := bounds[k-1]; i < bounds[k]; i++ {
			switch r := t.runes[i]; {
			case r >= '\u2066' && r <= '\u2068':
				stack = append(stack, i)
			case r == '\u2069' && len(stack) > 0:
				stack = stack[:len(stack)-1]
			case r == '\u2069':
				t.runes[i] = gone
			}
		}
		for _, i := range stack {
			t.runes[i] = gone
		}
	}
	w, from := 0, 0
	for k := 1; k < len(bounds); k++ {
		to := bounds[k]
		for i := from; i < to; i++ {
			if t.runes[i] != gone {
				t.runes[w], t.attrs[w] = t.runes[i], t.attrs[i]
				w++
			}
		}
		from, bounds[k] = to, w
	}
	return text{runes: t.runes[:w], attrs: t.attrs[:w]}, stack
}

// appendMarker adds the "[n]" marker of link n.
func (t *text) appendMarker(n int) {
	a := attr{flags: styleMarker, link: n}
	t.append('[', a)
	for _, r := range strconv.Itoa(n) {
		t.append(r, a)
	}
	t.append(']', a)
}

// paintSpans returns the attrs of the spans covering each byte offset of
// a text of size bytes, in dst; nil when there are no spans. Spans out of
// range are clipped; unknown styles are ignored.
func paintSpans(dst []attr, size int, spans []feed.Span, nLinks int) []attr {
	if len(spans) == 0 {
		return nil
	}
	attrs := grow(dst, size)[:size]
	clear(attrs)
	for _, sp := range spans {
		var a attr
		switch sp.Style {
		case feed.Bold:
			a.flags = styleBold
		case feed.Italic:
			a.flags = styleItalic
		case feed.Mono:
			a.flags = styleCode
		case feed.Match:
			a.flags = styleMatch
		case feed.Anchor:
			a.flags = styleLink
			if sp.Link >= 1 && sp.Link <= nLinks {
				a.link = sp.Link
			}
		default:
			continue
		}
		for i := max(sp.Start, 0); i < min(sp.End, size); i++ {
			attrs[i].flags |= a.flags
			if a.link != 0 {
				attrs[i].link = a.link
			}
		}
	}
	return attrs
}

// markerPositions appends to dst the "[n]" markers of the anchor spans
// with a link in 1..nLinks: each goes before the first rune at or after
// the byte offset where its span ends (size = at the end of the text).
// They are sorted by position, in span order at the same position.
func markerPositions(dst []marker, size int, spans []feed.Span, nLinks int) []marker {
	for _, sp := range spans {
		if sp.Style != feed.Anchor || sp.Link < 1 || sp.Link > nLinks || sp.End <= sp.Start {
			continue
		}
		dst = append(dst, marker{at: min(max(sp.End, 0), size), link: sp.Link})
	}
	slices.SortStableFunc(dst, func(a, b marker) int { return a.at - b.at })
	return dst
}
