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
	n := len(text)
	p := &Paragraph{
		classes: make([]Class, n),
		levels:  make([]Level, n),
	}
	hasIsolates := false
	for i, r := range text {
		c := ClassOf(r)
		p.classes[i] = c
		if c == LRI || c == RLI || c == FSI {
			hasIsolates = true
		}
	}
	var match []int32
	if hasIsolates {
		match = matchIsolates(p.classes)
	}
	switch dir {
	case LTR:
		p.base = 0
	case RTL:
		p.base = 1
	default:
		if firstStrong(p.classes, 0, n, match) == R {
			p.base = 1
		}
	}
	r := resolver{
		text:    text,
		classes: p.classes,
		types:   make([]Class, n),
		levels:  p.levels,
		match:   match,
		base:    p.base,
	}
	r.explicit()
	r.sequences()
	r.implicit()
	r.fillRemoved()
	return p
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
func matchIsolates(classes []Class) []int32 {
	match := make([]int32, len(classes))
	var open []int32
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
	return match
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
