package render

import (
	"unicode"

	"github.com/akhbar/akhbar/render/bidi"
	"github.com/akhbar/akhbar/render/shape"
)

// visualLine is one laid-out line of paragraph text, before decoration:
// its runes left to right with the attr of each, and its display width.
// Its slices are buffers of the styler, overwritten by the next line.
type visualLine struct {
	runes []rune
	attrs []attr
	width int
	rtl   bool // the line's paragraph is right to left (isolate needs it)
}

// lineOf builds the clusters lcs of paragraph pa as one line. In Visual
// mode it shapes (when shaping), reorders grapheme clusters by their
// levels after rule L1 and mirrors characters at odd levels; in Logical
// mode it keeps logical order (see logicalLine). Bidi controls of the
// text are dropped; a cluster wider
// than width (a wide character on a 1-cell line) becomes "…".
func (s *styler) lineOf(pa para, lcs []cluster, width int, shaping bool) visualLine {
	if len(lcs) == 0 {
		return visualLine{}
	}
	b := &s.buf
	start, end := lcs[0].start, lcs[len(lcs)-1].end
	runes, attrs := pa.t.runes[start:end], pa.t.attrs[start:end]
	cs := b.lineClusters[:0]
	for _, c := range lcs {
		cs = append(cs, cluster{c.start - start, c.end - start, c.width})
	}
	b.lineClusters = cs
	b.levels = pa.p.AppendLineLevels(b.levels[:0], start, end)
	if s.mode != Visual {
		cl := b.clusterLevels[:0]
		for _, c := range cs {
			cl = append(cl, b.levels[c.start])
		}
		b.clusterLevels = cl
		l := s.logicalLine(runes, cs, attrs, cl, pa.p.BaseLevel(), width)
		l.rtl = pa.p.BaseLevel()%2 == 1
		return l
	}
	out, src := runes, []int(nil)
	if shaping && shape.NeedsShaping(runes) {
		b.shaped, b.src = shape.AppendShape(grow(b.shaped, len(runes)), grow(b.src, len(runes)), runes)
		out, src = b.shaped, b.src
		if len(out) != len(runes) { // ligatures: clusters changed
			b.lineClusters = s.m.clusters(b.lineClusters[:0], out)
			cs = b.lineClusters
		} // else same clusters; assemble measures the result anyway
	}
	cl := b.clusterLevels[:0]
	for _, c := range cs {
		cl = append(cl, b.levels[source(src, c.start)])
	}
	b.clusterLevels = cl
	b.order = bidi.AppendVisualOrder(b.order[:0], cl)
	l := s.assemble(out, src, cs, b.order, attrs, cl, width)
	if l.width > width && src != nil { // shaping made it wider: don't shape
		return s.lineOf(pa, lcs, width, false)
	}
	return l
}

// source maps index i of (possibly shaped) line text to its index in
// the unshaped line; src nil means unshaped.
func source(src []int, i int) int {
	if src == nil {
		return i
	}
	return src[i]
}

// assemble writes clusters cs of runes in the given visual order (nil =
// logical) into the styler's line buffers, mirroring runes of clusters at
// odd levels; every rune of a cluster takes the attr of its first rune.
// Clusters without a base (see orphan and prepended) are left out.
func (s *styler) assemble(runes []rune, src []int, cs []cluster, order []int, attrs []attr, levels []bidi.Level, width int) visualLine {
	vis, va := s.buf.vis[:0], s.buf.visAttrs[:0]
	for v := range cs {
		i := v
		if order != nil {
			i = order[v]
		}
		c := cs[i]
		if orphan(runes[c.start]) || prepended(runes[c.end-1]) {
			continue
		}
		a := attrs[source(src, c.start)]
		if c.width > width {
			vis, va = append(vis, '…'), append(va, a)
			continue
		}
		odd := levels != nil && levels[i]%2 == 1
		for _, r := range runes[c.start:c.end] {
			if bidi.IsFormatting(r) {
				continue
			}
			if odd {
				r = bidi.Mirror(r)
			}
			vis, va = append(vis, r), append(va, a)
		}
	}
	s.buf.vis, s.buf.visAttrs = vis, va
	return visualLine{runes: vis, attrs: va, width: s.m.width(vis)}
}

// hardWrap breaks clusters cs into lines of at most width cells at any
// cluster boundary, keeping spaces (code). An empty cs is one empty line.
func (s *styler) hardWrap(cs []cluster, width int) []span {
	lines := s.buf.lines[:0]
	start, w := 0, 0
	for i, c := range cs {
		if w+c.width > width && i > start {
			lines = append(lines, span{start, i})
			start, w = i, 0
		}
		w += c.width
	}
	lines = append(lines, span{start, len(cs)})
	s.buf.lines = lines
	return lines
}

// orphan reports whether a cluster starting with r has no base
// character: a bidi control, or a mark or joiner left alone at the start
// of a line or after a control. Such clusters are dropped, because once
// moved next to another cluster they would join it and could change its
// width (a lone U+FE0F makes the character before it wide).
func orphan(r rune) bool {
	if simple(r) {
		return false
	}
	return bidi.IsFormatting(r) || unicode.Is(unicode.M, r) || r == '\u200c' || r == '\u200d'
}

// prepended reports whether r is a prepended mark
// (Grapheme_Cluster_Break=Prepend, such as U+0604 ARABIC SIGN SAMVAT),
// which joins the cluster after it; TestPrependedMarks checks the list
// against the segmenter. A cluster ending in one has nothing to prepend
// to: it is dropped like an orphan, because once reordered before another
// cluster, or followed by padding, it would join that cluster and change
// the line's width.
func prepended(r rune) bool {
	switch {
	case r < 0x600:
		return false
	case r < 0x1000:
		return r <= 0x605 || r == 0x6dd || r == 0x70f || r == 0x890 || r == 0x891 || r == 0x8e2 || r == 0xd4e
	}
	return r == 0x110bd || r == 0x110cd || r == 0x111c2 || r == 0x111c3 || r == 0x113d1 || r == 0x1193f ||
		r == 0x11941 || r >= 0x11a84 && r <= 0x11a89 || r == 0x11d46 || r == 0x11f02
}
