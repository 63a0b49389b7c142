package bidi

// weak applies rules W1–W7 to one isolating run sequence, in the order
// of the standard; each step sees the types the previous one left.
func (r *resolver) weak(seq []int32, sos Class) {
	t := r.types
	weakBackward(t, seq, sos)
	joinSeparators(t, seq)
	extendTerminators(t, seq)
	finishWeak(t, seq, sos)
}

// weakBackward applies W1–W3, which look only backwards, so one pass
// applies them in turn to each character. W1: a nonspacing mark takes the
// type of the character before it (sos at the start), or ON after an
// isolate initiator or PDI. W2: a European number after an Arabic letter
// (nearest strong type) is an Arabic number. W3: Arabic letters become R.
func weakBackward(t []Class, seq []int32, sos Class) {
	prev, strong := sos, sos
	for _, i := range seq {
		if t[i] == NSM {
			if isIsolateInitiator(prev) || prev == PDI {
				t[i] = ON
			} else {
				t[i] = prev
			}
		}
		prev = t[i] // the type after W1, before W2–W3
		switch t[i] {
		case L, R:
			strong = t[i]
		case AL:
			strong = AL
			t[i] = R
		case EN:
			if strong == AL {
				t[i] = AN
			}
		}
	}
}

// joinSeparators applies W4: a single separator between two numbers of
// the same kind joins them (ES only between European numbers).
func joinSeparators(t []Class, seq []int32) {
	for k := 1; k+1 < len(seq); k++ {
		before, after := t[seq[k-1]], t[seq[k+1]]
		switch t[seq[k]] {
		case ES:
			if before == EN && after == EN {
				t[seq[k]] = EN
			}
		case CS:
			if before == after && (before == EN || before == AN) {
				t[seq[k]] = before
			}
		}
	}
}

// extendTerminators applies W5: a sequence of European terminators next
// to a European number becomes EN.
func extendTerminators(t []Class, seq []int32) {
	for k := 0; k < len(seq); {
		if t[seq[k]] != ET {
			k++
			continue
		}
		start := k
		for k < len(seq) && t[seq[k]] == ET {
			k++
		}
		if (start > 0 && t[seq[start-1]] == EN) || (k < len(seq) && t[seq[k]] == EN) {
			for j := start; j < k; j++ {
				t[seq[j]] = EN
			}
		}
	}
}

// finishWeak applies W6, remaining separators and terminators become ON,
// and W7, a European number after L (nearest strong type, or sos)
// becomes L.
func finishWeak(t []Class, seq []int32, sos Class) {
	strong := sos
	for _, i := range seq {
		switch t[i] {
		case ES, ET, CS:
			t[i] = ON
		case L, R:
			strong = t[i]
		case EN:
			if strong == L {
				t[i] = L
			}
		}
	}
}
