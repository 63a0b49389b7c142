package bidi

// LineLevels returns the levels of runes [start, end) after rule L1 applied to that
// line: segment and paragraph separators, and whitespace or isolate formatting
// characters before them or at the end of the line, get the paragraph level.
// Characters removed by X9 count as whitespace for that rule, then take the level of
// the character before them on the line, so reordering leaves them in place. It panics unless 0 <= start <= end <= p.Len().
func (p *Paragraph) LineLevels(start, end int) []Level {
	return p.AppendLineLevels(make([]Level, 0, end-start), start, end)
}

// AppendLineLevels is LineLevels appending to dst, to reuse a buffer across lines.
// It panics unless 0 <= start <= end <= p.Len().
func (p *Paragraph) AppendLineLevels(dst []Level, start, end int) []Level {
	base := len(dst)
	dst = append(dst, p.levels[start:end]...)
	out := dst[base:]
	trailing := true // in a run of whitespace before a separator or the line end
	for i := end - 1; i >= start; i-- {
		switch c := p.classes[i]; {
		case c == S || c == B:
			out[i-start] = p.base
			trailing = true
		case c == WS || isIsolateInitiator(c) || c == PDI || removedByX9(c):
			if trailing {
				out[i-start] = p.base
			}
		default:
			trailing = false
		}
	}
	for i := start + 1; i < end; i++ {
		if removedByX9(p.classes[i]) {
			out[i-start] = out[i-start-1]
		}
	}
	return dst
}

// VisualOrder applies rule L2 to the levels of one line: out[v] is the index (into
// levels) of the character shown at visual position v, counted from the left.
// It reverses every maximal run of characters at or above each level, from the
// highest level down to the lowest odd level.
func VisualOrder(levels []Level) []int {
	return AppendVisualOrder(make([]int, 0, len(levels)), levels)
}

// AppendVisualOrder is VisualOrder appending to dst, to reuse a buffer across lines.
func AppendVisualOrder(dst []int, levels []Level) []int {
	base := len(dst)
	for i := range levels {
		dst = append(dst, i)
	}
	out := dst[base:]
	highest, lowestOdd := Level(0), Level(maxDepth+2)
	for _, l := range levels {
		highest = max(highest, l)
		if l&1 == 1 {
			lowestOdd = min(lowestOdd, l)
		}
	}
	// A reversal at one level only moves characters within a run at or above it, so
	// levels[v] still tells whether visual position v is at or above lower levels.
	for level := highest; level >= lowestOdd && level > 0; level-- {
		for v := 0; v < len(levels); {
			if levels[v] < level {
				v++
				continue
			}
			start := v
			for v < len(levels) && levels[v] >= level {
				v++
			}
			reverse(out[start:v])
		}
	}
	return dst
}

func reverse(s []int) {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}
