package bidi

import "slices"

// maxBrackets is the depth of the bracket stack of BD16.
const maxBrackets = 63

// bpair is a bracket pair (BD16): positions in the isolating run sequence.
type bpair struct{ open, close int }

// strongDir returns the direction a type counts as in rules N0–N1: L for L, R for
// R, AL, EN and AN, and ON for everything else.
func strongDir(t Class) Class {
	switch t {
	case L:
		return L
	case R, AL, EN, AN:
		return R
	}
	return ON
}

// canonicalBracket maps the brackets U+2329 and U+232A to their canonical
// equivalents U+3008 and U+3009, so that either form pairs with the other.
func canonicalBracket(r rune) rune {
	switch r {
	case 0x2329:
		return 0x3008
	case 0x232A:
		return 0x3009
	}
	return r
}

// findPairs identifies the bracket pairs of one isolating run sequence (BD16) and
// stores them in r.pairs, sorted by opening position.
func (r *resolver) findPairs(seq []int32) {
	type opener struct {
		closer rune // canonical closing bracket that would match
		pos    int
	}
	var stack [maxBrackets]opener
	depth := 0
	r.pairs = r.pairs[:0]
scan:
	for k, i := range seq {
		if r.types[i] != ON {
			continue
		}
		ch := r.text[i]
		bits := classBits(ch)
		switch {
		case bits&openBit != 0:
			if depth == maxBrackets {
				break scan // BD16: stop processing the rest of the sequence
			}
			closer, _ := lookup(bracketPairs[:], ch)
			stack[depth] = opener{canonicalBracket(closer), k}
			depth++
		case bits&closeBit != 0:
			ch = canonicalBracket(ch)
			for d := depth - 1; d >= 0; d-- {
				if stack[d].closer == ch {
					r.pairs = append(r.pairs, bpair{stack[d].pos, k})
					depth = d
					break
				}
			}
		}
	}
	slices.SortFunc(r.pairs, func(a, b bpair) int { return a.open - b.open })
}

// brackets applies rule N0: each bracket pair takes the embedding direction when it
// encloses a strong type of that direction, else the opposite direction when it
// encloses it and the context before the opening bracket has it too.
func (r *resolver) brackets(seq []int32, sos Class, level Level) {
	r.findPairs(seq)
	embedding := directionOf(level)
	t := r.types
	for _, p := range r.pairs {
		inside := ON
		for k := p.open + 1; k < p.close; k++ {
			if d := strongDir(t[seq[k]]); d != ON {
				inside = d
				if d == embedding {
					break
				}
			}
		}
		if inside == ON {
			continue // N0 d: no strong type inside; leave the brackets to N1–N2
		}
		dir := embedding
		if inside != embedding && r.contextBefore(seq, p.open, sos) == inside {
			dir = inside
		}
		r.setBracket(seq, p.open, dir)
		r.setBracket(seq, p.close, dir)
	}
}

// contextBefore returns the first strong direction before position k of the
// sequence, or sos when there is none.
func (r *resolver) contextBefore(seq []int32, k int, sos Class) Class {
	for k--; k >= 0; k-- {
		if d := strongDir(r.types[seq[k]]); d != ON {
			return d
		}
	}
	return sos
}

// setBracket gives the bracket at position k the direction dir, and with it any
// nonspacing marks that follow it (they took the bracket's type in W1).
func (r *resolver) setBracket(seq []int32, k int, dir Class) {
	r.types[seq[k]] = dir
	for k++; k < len(seq) && r.classes[seq[k]] == NSM && r.types[seq[k]] == ON; k++ {
		r.types[seq[k]] = dir
	}
}

// isNeutralOrIsolate reports whether t is a neutral or isolate formatting type (NI).
func isNeutralOrIsolate(t Class) bool {
	switch t {
	case B, S, WS, ON, LRI, RLI, FSI, PDI:
		return true
	}
	return false
}

// neutrals applies rules N1–N2: a sequence of neutrals between two strong types of
// the same direction takes that direction; any other takes the embedding direction.
func (r *resolver) neutrals(seq []int32, sos, eos Class, level Level) {
	t := r.types
	for k := 0; k < len(seq); {
		if !isNeutralOrIsolate(t[seq[k]]) {
			k++
			continue
		}
		start := k
		for k < len(seq) && isNeutralOrIsolate(t[seq[k]]) {
			k++
		}
		before, after := sos, eos
		if start > 0 {
			before = strongDir(t[seq[start-1]])
		}
		if k < len(seq) {
			after = strongDir(t[seq[k]])
		}
		dir := directionOf(level)
		if before == after {
			dir = before
		}
		for j := start; j < k; j++ {
			t[seq[j]] = dir
		}
	}
}
