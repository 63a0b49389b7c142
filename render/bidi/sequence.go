package bidi

import "slices"

// levelRun is a level run (BD7): positions [start, end) of the kept characters.
type levelRun struct{ start, end int }

// sequences applies rules X9–X10: it splits the characters not removed by X9 into
// level runs, chains them into isolating run sequences (BD13), and resolves each
// sequence with W1–N2.
func (r *resolver) sequences() {
	kept := r.kept[:0]
	for i, c := range r.classes {
		if !removedByX9(c) {
			kept = append(kept, int32(i))
		}
	}
	runs := r.runs[:0]
	for k := 0; k < len(kept); {
		start, level := k, r.levels[kept[k]]
		for k < len(kept) && r.levels[kept[k]] == level {
			k++
		}
		runs = append(runs, levelRun{start, k})
	}
	r.kept, r.runs = kept, runs
	r.seq = slices.Grow(r.seq[:0], len(kept)) // room for the longest sequence
	seq := r.seq
	for i, run := range runs {
		if r.continuesIsolate(kept[run.start]) {
			continue // already appended to the sequence of its isolate initiator
		}
		seq = seq[:0]
		last := i
		for {
			seq = append(seq, kept[runs[last].start:runs[last].end]...)
			end := kept[runs[last].end-1]
			if !isIsolateInitiator(r.classes[end]) || r.match[end] < 0 {
				break
			}
			last = findRun(runs, kept, r.match[end])
		}
		sos := r.boundary(r.levels[seq[0]], run.start-1, kept)
		eos := r.boundary(r.levels[seq[0]], runs[last].end, kept)
		if isIsolateInitiator(r.classes[seq[len(seq)-1]]) {
			eos = r.boundary(r.levels[seq[0]], -1, kept)
		}
		r.resolveSequence(seq, sos, eos)
	}
}

// continuesIsolate reports whether a level run starting at character i continues an
// isolating run sequence: i is a PDI matching an isolate initiator.
func (r *resolver) continuesIsolate(i int32) bool {
	return r.classes[i] == PDI && r.match != nil && r.match[i] >= 0
}

// findRun returns the index of the level run that starts at character i.
func findRun(runs []levelRun, kept []int32, i int32) int {
	lo, hi := 0, len(runs)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if kept[runs[m].start] < i {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// boundary returns sos or eos (X10): the direction of the higher of level and the
// level of kept character k, or of the paragraph level when k is out of range.
func (r *resolver) boundary(level Level, k int, kept []int32) Class {
	other := r.base
	if k >= 0 && k < len(kept) {
		other = r.levels[kept[k]]
	}
	return directionOf(max(level, other))
}

// directionOf returns L for an even level and R for an odd one.
func directionOf(l Level) Class {
	if l&1 == 1 {
		return R
	}
	return L
}

// resolveSequence applies W1–N2 to one isolating run sequence (indices into the paragraph).
func (r *resolver) resolveSequence(seq []int32, sos, eos Class) {
	level := r.levels[seq[0]]
	r.weak(seq, sos)
	r.brackets(seq, sos, level)
	r.neutrals(seq, sos, eos, level)
}

// implicit applies rules I1–I2 to every character, once all sequences are resolved
// (until then levels holds the embedding levels that sos and eos are computed from).
func (r *resolver) implicit() {
	for i, t := range r.types {
		level := r.levels[i]
		switch {
		case level&1 == 0 && t == R:
			r.levels[i]++
		case level&1 == 0 && (t == AN || t == EN):
			r.levels[i] += 2
		case level&1 == 1 && (t == L || t == AN || t == EN):
			r.levels[i]++
		}
	}
}
