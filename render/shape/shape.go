// Package shape replaces Arabic-script letters with their contextual presentation forms
// (U+FB50–U+FDFF, U+FE70–U+FEFF) so that terminals that do not shape Arabic still show joined
// words. It works on one display line in logical order, before bidi reordering.
//
// Joining follows the Unicode joining types (ArabicShaping.txt): a letter joins its previous
// and next non-transparent neighbours, and takes the isolated, final, initial or medial form
// accordingly. Where Unicode has no presentation form for the needed shape, the nearest form
// that exists is used (medial → final → initial → isolated), else the letter is left as is.
//
// Compared with GNU FriBidi's shaping (which the tests run when the fribidi command exists),
// Shape differs on purpose in three ways: it also turns non-joining letters such as hamza into
// their isolated presentation form; it falls back to the nearest existing form where FriBidi
// leaves the letter unchanged (ں in initial or medial position); and it forms the lam-alef
// ligature across marks between lam and alef, putting those marks after the ligature.
package shape

//go:generate go run ../../internal/ucd/gen -shape tables.go

// joinType is a Unicode joining type (ArabicShaping.txt).
type joinType uint8

const (
	jtU joinType = iota // non-joining (also ZWNJ and everything unlisted)
	jtT                 // transparent: marks and format characters, skipped when joining
	jtC                 // join-causing: tatweel, ZWJ
	jtR                 // right-joining: joins the previous letter only (alef, dal, reh, waw…)
	jtD                 // dual-joining: joins both sides
	jtL                 // left-joining: joins the next letter only (not used by Arabic)
)

// Indexes into letter.forms.
const (
	isolated = iota
	final
	initial
	medial
)

// letter is the joining type and the presentation forms (0 where Unicode has none) of one
// code point of the Arabic block.
type letter struct {
	jt    joinType
	forms [4]uint16 // indexed by isolated, final, initial, medial
}

// joinRange gives the joining type of the code points lo..hi.
type joinRange struct {
	lo, hi rune
	jt     joinType
}

// lamAlef holds the lam-alef ligatures for one alef variant.
type lamAlef struct {
	alef          rune
	isolated, fin uint16
}

const lam = 0x0644

// typeOf returns the joining type of r. Latin text and the Arabic block are answered by a
// comparison or an array index; other code points go to searchRanges.
func typeOf(r rune) joinType {
	switch {
	case r < firstJoining:
		return jtU
	case uint32(r-0x0600) < uint32(len(arabicBlock)):
		return arabicBlock[r-0x0600].jt
	}
	return searchRanges(r)
}

// searchRanges returns the joining type of r from joinRanges by binary search.
func searchRanges(r rune) joinType {
	lo, hi := 0, len(joinRanges)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch jr := joinRanges[m]; {
		case r < jr.lo:
			hi = m
		case r > jr.hi:
			lo = m + 1
		default:
			return jr.jt
		}
	}
	return jtU
}

// hasForms reports whether r is a letter with presentation forms.
func hasForms(r rune) bool {
	return r >= firstLetter && r <= lastLetter && arabicBlock[r-0x0600].forms != [4]uint16{}
}

// NeedsShaping reports whether line contains any letter Shape would change. It is a cheap
// scan meant as a fast path: for lines without Arabic letters Shape need not be called.
func NeedsShaping(line []rune) bool {
	for _, r := range line {
		if hasForms(r) {
			return true
		}
	}
	return false
}

// Shape returns line with every Arabic-script letter replaced by its contextual presentation form
// and lam+alef pairs replaced by their ligature. src[i] is the index in line of the first rune that
// out[i] came from (ligatures make out shorter than line). line is in logical order, one display line.
//
// Marks and other transparent characters are kept unchanged; marks between a lam and its alef
// are moved after the ligature. out never shares memory with line. Shape cannot fail: runes it
// does not know pass through unchanged.
func Shape(line []rune) (out []rune, src []int) {
	if !NeedsShaping(line) {
		return unchanged(line)
	}
	return AppendShape(make([]rune, 0, len(line)), make([]int, 0, len(line)), line)
}

// AppendShape is Shape appending the shaped runes to out and their sources to src, to reuse
// buffers across lines. The indices it appends to src count from the start of line.
func AppendShape(out []rune, src []int, line []rune) ([]rune, []int) {
	prev := jtU                // joining type of the previous non-transparent character
	n, t := nextSolid(line, 0) // index and joining type of the next non-transparent character
	for i := 0; i < len(line); i++ {
		r := line[i]
		if i < n { // transparent: keep as is
			out, src = append(out, r), append(src, i)
			continue
		}
		cur := t
		n, t = nextSolid(line, i+1)
		joinsPrev := (cur == jtR || cur == jtD) && (prev == jtD || prev == jtL || prev == jtC)
		if r == lam && n < len(line) {
			if lig, ok := ligature(line[n], joinsPrev); ok {
				out, src = append(out, lig), append(src, i)
				for k := i + 1; k < n; k++ { // marks between lam and alef follow the ligature
					out, src = append(out, line[k]), append(src, k)
				}
				prev, i = t, n
				n, t = nextSolid(line, i+1)
				continue
			}
		}
		joinsNext := (cur == jtD || cur == jtL) && (t == jtR || t == jtD || t == jtC)
		out, src = append(out, form(r, joinsPrev, joinsNext)), append(src, i)
		prev = cur
	}
	return out, src
}

// unchanged returns a copy of line and the identity index map.
func unchanged(line []rune) (out []rune, src []int) {
	out = make([]rune, len(line))
	copy(out, line)
	src = make([]int, len(line))
	for i := range src {
		src[i] = i
	}
	return out, src
}

// nextSolid returns the index and joining type of the first non-transparent rune of line at or
// after i, or len(line) and jtU if there is none.
func nextSolid(line []rune, i int) (int, joinType) {
	for ; i < len(line); i++ {
		if t := typeOf(line[i]); t != jtT {
			return i, t
		}
	}
	return len(line), jtU
}

// ligature returns the lam-alef ligature of lam followed by alef, in its final form when lam
// joins the previous letter. ok is false when alef is not an alef variant with a ligature.
func ligature(alef rune, joinsPrev bool) (lig rune, ok bool) {
	for _, la := range lamAlefs {
		if la.alef != alef {
			continue
		}
		if joinsPrev {
			return rune(la.fin), true
		}
		return rune(la.isolated), true
	}
	return 0, false
}

// form returns the presentation form of r for the given joins, falling back to the nearest
// form Unicode has, or r itself when it has none.
func form(r rune, joinsPrev, joinsNext bool) rune {
	if r < firstLetter || r > lastLetter {
		return r
	}
	fs := arabicBlock[r-0x0600].forms
	var order []int
	switch {
	case joinsPrev && joinsNext:
		order = []int{medial, final, initial, isolated}
	case joinsPrev:
		order = []int{final, isolated}
	case joinsNext:
		order = []int{initial, isolated}
	default:
		order = []int{isolated}
	}
	for _, f := range order {
		if fs[f] != 0 {
			return rune(fs[f])
		}
	}
	return r
}
