package bidi

// Paragraph holds the resolved embedding levels of one paragraph. Build it with
// Resolve; it is read-only afterwards and safe for concurrent readers.
type Paragraph struct {
	classes []Class // original Bidi_Class of every rune
	levels  []Level // resolved levels (before L1)
	base    Level   // paragraph embedding level, 0 or 1
}

// Resolve runs P2–P3 (when dir is Auto) and X1–I2 over one paragraph: text should
// not contain a paragraph separator except at its end. It never fails; text is
// only read, during the call.
func Resolve(text []rune, dir Direction) *Paragraph {
	p := *new(Resolver).Resolve(text, dir) // leave the resolver's buffers behind
	return &p
}

// Resolver resolves paragraphs one after another, reusing its memory from one to the
// next. The zero value is ready to use; it is not safe for concurrent use.
type Resolver struct {
	p Paragraph
	r resolver
}

// Resolve is the package's Resolve, except that the Paragraph it returns belongs to z:
// it is valid until z resolves another paragraph.
func (z *Resolver) Resolve(text []rune, dir Direction) *Paragraph {
	n := len(text)
	p := &z.p
	p.classes, p.levels = resize(p.classes, n), resize(p.levels, n)
	hasIsolates, allLTR := false, true
	for i, r := range text {
		c := ClassOf(r)
		p.classes[i] = c
		switch c {
		case LRI, RLI, FSI:
			hasIsolates = true
			allLTR = false
		case R, AL, AN, LRE, RLE, LRO, RLO, PDF, PDI:
			allLTR = false
		}
	}
	r := &z.r
	r.match = nil
	if hasIsolates {
		r.match, r.open = matchIsolates(r.match[:0], r.open[:0], p.classes)
	}
	switch dir {
	case LTR:
		p.base = 0
	case RTL:
		p.base = 1
	default:
		p.base = 0
		if firstStrong(p.classes, 0, n, r.match) == R {
			p.base = 1
		}
	}
	if allLTR && p.base == 0 {
		// Only left-to-right, European numbers after it, and neutrals between:
		// everything resolves to level 0.
		clear(p.levels)
		return p
	}
	r.text, r.classes, r.levels, r.base = text, p.classes, p.levels, p.base
	r.types = resize(r.types, n)
	r.explicit()
	r.sequences()
	r.implicit()
	r.fillRemoved()
	r.text = nil // do not keep the caller's text
	return p
}

// resize returns s with length n, reusing its memory when it is large enough. The
// contents are not cleared.
func resize[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// BaseLevel returns the paragraph embedding level: 0 (left-to-right) or 1 (right-to-left).
func (p *Paragraph) BaseLevel() Level { return p.base }

// Len returns the number of runes of the paragraph.
func (p *Paragraph) Len() int { return len(p.levels) }

// Levels returns the resolved level of every rune, before rule L1. Characters removed
// by rule X9 carry the level of the preceding character (the paragraph level at the
// start), so reordering keeps them in place. The slice is shared: do not modify it.
func (p *Paragraph) Levels() []Level { return p.levels }

// Removed reports whether rune i was removed by rule X9: explicit embeddings,
// overrides, PDF and boundary neutrals (BN). It panics if i is out of range.
func (p *Paragraph) Removed(i int) bool { return removedByX9(p.classes[i]) }

// removedByX9 reports whether rule X9 removes characters of class c.
func removedByX9(c Class) bool {
	switch c {
	case LRE, RLE, LRO, RLO, PDF, BN:
		return true
	}
	return false
}

// isIsolateInitiator reports whether c is LRI, RLI or FSI.
func isIsolateInitiator(c Class) bool { return c == LRI || c == RLI || c == FSI }

// matchIsolates returns, for every isolate initiator, the index of its matching PDI
// (BD9), and for every matched PDI the index of its initiator; -1 elsewhere.
// match and open are buffers; it returns them.
func matchIsolates(match, open []int32, classes []Class) ([]int32, []int32) {
	match = resize(match, len(classes))
	for i, c := range classes {
		match[i] = -1
		switch {
		case isIsolateInitiator(c):
			open = append(open, int32(i))
		case c == PDI && len(open) > 0:
			j := open[len(open)-1]
			open = open[:len(open)-1]
			match[j] = int32(i)
			match[i] = j
		case c == B:
			open = open[:0]
		}
	}
	return match, open
}

// firstStrong applies P2–P3 to classes[start:end]: it returns L, R (also for AL), or
// ON when there is no strong character outside isolates. match comes from
// matchIsolates (nil when there are no isolates).
func firstStrong(classes []Class, start, end int, match []int32) Class {
	for i := start; i < end; i++ {
		switch c := classes[i]; c {
		case L:
			return L
		case R, AL:
			return R
		case LRI, RLI, FSI:
			if match[i] < 0 {
				return ON
			}
			i = int(match[i])
		case B:
			return ON
		}
	}
	return ON
}
