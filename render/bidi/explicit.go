package bidi

// resolver holds the working state of Resolve for one paragraph. Its slices are
// buffers, reused from one paragraph to the next by a Resolver.
type resolver struct {
	text    []rune  // the paragraph (read for paired brackets)
	classes []Class // original classes
	types   []Class // current classes, rewritten by X1–N2
	levels  []Level // embedding levels, then resolved levels
	match   []int32 // matching isolate initiator / PDI (BD9); nil without isolates
	pairs   []bpair // bracket pairs of the current sequence (N0), reused
	kept    []int32 // positions of the characters not removed by X9
	runs    []levelRun
	seq     []int32 // positions of the current isolating run sequence
	open    []int32 // isolate initiators not matched yet (matchIsolates)
	base    Level   // paragraph embedding level
}

// status is one entry of the directional status stack (X1).
type status struct {
	level    Level
	override Class // ON when neutral, else L or R
	isolate  bool
}

// nextLevel returns the least odd (rtl) or even level greater than l.
func nextLevel(l Level, rtl bool) Level {
	if rtl {
		return (l + 1) | 1
	}
	return (l + 2) &^ 1
}

// explicit applies rules X1–X8: it sets the embedding level of every character and
// applies directional overrides to types.
func (r *resolver) explicit() {
	var stack [maxDepth + 2]status
	depth := 1
	stack[0] = status{level: r.base, override: ON}
	overflowIsolates, overflowEmbeddings, validIsolates := 0, 0, 0
	for i, c := range r.classes {
		top := stack[depth-1]
		r.types[i] = c
		r.levels[i] = top.level
		switch c {
		case RLE, LRE, RLO, LRO: // X2–X5
			next := nextLevel(top.level, c == RLE || c == RLO)
			if next <= maxDepth && overflowIsolates == 0 && overflowEmbeddings == 0 {
				stack[depth] = status{level: next, override: overrideOf(c)}
				depth++
			} else if overflowIsolates == 0 {
				overflowEmbeddings++
			}
		case RLI, LRI, FSI: // X5a–X5c
			if top.override != ON {
				r.types[i] = top.override
			}
			next := nextLevel(top.level, r.isolateIsRTL(i))
			if next <= maxDepth && overflowIsolates == 0 && overflowEmbeddings == 0 {
				validIsolates++
				stack[depth] = status{level: next, override: ON, isolate: true}
				depth++
			} else {
				overflowIsolates++
			}
		case PDI: // X6a
			if overflowIsolates > 0 {
				overflowIsolates--
			} else if validIsolates > 0 {
				overflowEmbeddings = 0
				for !stack[depth-1].isolate {
					depth--
				}
				depth--
				validIsolates--
			}
			top = stack[depth-1]
			r.levels[i] = top.level
			if top.override != ON {
				r.types[i] = top.override
			}
		case PDF: // X7
			if overflowIsolates > 0 {
				break
			}
			if overflowEmbeddings > 0 {
				overflowEmbeddings--
			} else if !top.isolate && depth >= 2 {
				depth--
			}
		case B: // X8: a paragraph separator ends every embedding
			r.levels[i] = r.base
			depth, overflowIsolates, overflowEmbeddings, validIsolates = 1, 0, 0, 0
		case BN: // removed by X9; keeps the current level
		default: // X6
			if top.override != ON {
				r.types[i] = top.override
			}
		}
	}
}

// overrideOf returns the override status pushed by an embedding or override character.
func overrideOf(c Class) Class {
	switch c {
	case LRO:
		return L
	case RLO:
		return R
	}
	return ON
}

// isolateIsRTL reports whether the isolate initiator at i starts a right-to-left
// isolate; for FSI this applies P2–P3 to the text up to its matching PDI (X5c).
func (r *resolver) isolateIsRTL(i int) bool {
	switch r.classes[i] {
	case RLI:
		return true
	case FSI:
		end := len(r.classes)
		if m := r.match[i]; m >= 0 {
			end = int(m)
		}
		return firstStrong(r.classes, i+1, end, r.match) == R
	}
	return false
}

// fillRemoved gives every character removed by X9 the level of the character before
// it (the paragraph level at the start), so that reordering leaves it in place.
func (r *resolver) fillRemoved() {
	for i, c := range r.classes {
		if !removedByX9(c) {
			continue
		}
		if i == 0 {
			r.levels[i] = r.base
		} else {
			r.levels[i] = r.levels[i-1]
		}
	}
}
