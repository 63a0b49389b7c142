package render

import (
	"slices"

	"github.com/akhbar/akhbar/render/bidi"
)

// scratch holds the buffers one layout reuses from block to block and
// line to line, so that laying out an article allocates little more than
// its output lines. Each group of buffers is overwritten by the next call
// of the function named beside it.
type scratch struct {
	// prepare: the prepared text of one block.
	painted []attr // attrs of the spans by byte offset
	markers []marker
	runes   []rune
	attrs   []attr
	bounds  []int
	paras   []text
	// isolates: open isolates while matching them (dropUnmatchedIsolates).
	isolates []int

	// paragraph and wrap: one paragraph's clusters and line breaks.
	clusters []cluster
	can      []bool
	utf8     []byte
	idx      []int
	lines    []span

	// lineOf: one line.
	lineClusters  []cluster
	levels        []bidi.Level
	clusterLevels []bidi.Level
	order         []int
	shaped        []rune
	src           []int
	vis           []rune
	visAttrs      []attr
}

// marker is a link's "[n]" marker to put before the first rune at or
// after byte offset at of a block.
type marker struct {
	at, link int
}

// para is one paragraph ready to be broken into lines: its text, its
// resolved bidi levels and its grapheme clusters (both in buffers of the
// styler, valid until its next paragraph).
type para struct {
	t  text
	p  *bidi.Paragraph
	cs []cluster
}

// paragraph resolves the levels of t in direction dir and splits it into
// clusters.
func (s *styler) paragraph(t text, dir bidi.Direction) para {
	s.buf.growLines(len(t.runes))
	s.buf.clusters = s.m.clusters(s.buf.clusters[:0], t.runes)
	return para{t: t, p: s.bidi.Resolve(t.runes, dir), cs: s.buf.clusters}
}

// growLines makes room in the paragraph and line buffers for a paragraph
// of n runes, so that they are allocated once at their full size rather
// than grown step by step.
func (b *scratch) growLines(n int) {
	b.clusters = grow(b.clusters, n)
	b.lineClusters = grow(b.lineClusters, n)
	b.levels = grow(b.levels, n)
	b.clusterLevels = grow(b.clusterLevels, n)
	b.order = grow(b.order, n)
	b.vis = grow(b.vis, n)
	b.visAttrs = grow(b.visAttrs, n)
}

// grow returns s emptied, with room for at least n elements.
func grow[T any](s []T, n int) []T {
	return slices.Grow(s[:0], n)
}
