// Package bidi implements the Unicode Bidirectional Algorithm (UAX #9, Unicode 15.0):
// it resolves the embedding level of every character of a paragraph and reorders
// the characters of each line for display.
//
// Use Resolve once per paragraph, then for every line LineLevels (rule L1) and
// VisualOrder (rule L2), and Mirror (rule L4) on characters at odd levels.
// The implementation passes all of BidiTest.txt and BidiCharacterTest.txt.
package bidi

import "strconv"

//go:generate go run ../../internal/ucd/gen -bidi tables.go

// Class is a Bidi_Class property value (UAX #9, table 4).
type Class uint8

// The bidi classes, with the short names of the Unicode Character Database.
const (
	L   Class = iota // Left-to-right
	R                // Right-to-left
	AL               // Arabic letter
	EN               // European number
	ES               // European separator
	ET               // European terminator
	AN               // Arabic number
	CS               // Common separator
	NSM              // Nonspacing mark
	BN               // Boundary neutral
	B                // Paragraph separator
	S                // Segment separator
	WS               // Whitespace
	ON               // Other neutral
	LRE              // Left-to-right embedding
	LRO              // Left-to-right override
	RLE              // Right-to-left embedding
	RLO              // Right-to-left override
	PDF              // Pop directional format
	LRI              // Left-to-right isolate
	RLI              // Right-to-left isolate
	FSI              // First strong isolate
	PDI              // Pop directional isolate
)

// classStrings holds the short name of every Class, indexed by it (read-only).
var classStrings = [...]string{
	"L", "R", "AL", "EN", "ES", "ET", "AN", "CS", "NSM", "BN", "B", "S", "WS", "ON",
	"LRE", "LRO", "RLE", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI",
}

// String returns the short name of c ("AL", "NSM", …), or "Class(n)" for an unknown value.
func (c Class) String() string {
	if int(c) < len(classStrings) {
		return classStrings[c]
	}
	return "Class(" + strconv.Itoa(int(c)) + ")"
}

// Level is an embedding level: even levels are left-to-right, odd levels right-to-left.
type Level uint8

// Direction is a paragraph direction.
type Direction uint8

// Paragraph directions. Auto means "from the first strong character" (rules P2–P3).
const (
	Auto Direction = iota
	LTR
	RTL
)

// maxDepth is the deepest explicit embedding level (BD2).
const maxDepth = 125

const (
	blockShift = 7      // classIndex is indexed by r >> blockShift
	classMask  = 0x1f   // class bits of a classBlocks entry
	openBit    = 1 << 5 // classBlocks flag: opening paired bracket
	closeBit   = 1 << 6 // classBlocks flag: closing paired bracket
)

// runePair maps a rune to another (its paired bracket or its mirrored glyph).
type runePair struct{ from, to rune }

// classBits returns the classBlocks entry of r; invalid runes read as L.
func classBits(r rune) uint8 {
	if uint32(r) > 0x10FFFF {
		return uint8(L)
	}
	return classBlocks[int(classIndex[r>>blockShift])<<blockShift|int(r&(1<<blockShift-1))]
}

// ClassOf returns the Bidi_Class of r, with the defaults of DerivedBidiClass.txt for
// unassigned code points. Runes outside the Unicode range are L.
func ClassOf(r rune) Class {
	return Class(classBits(r) & classMask)
}

// lookup returns the rune paired with r in the sorted table, and whether there is one.
func lookup(table []runePair, r rune) (rune, bool) {
	lo, hi := 0, len(table)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		switch {
		case table[m].from < r:
			lo = m + 1
		case table[m].from > r:
			hi = m
		default:
			return table[m].to, true
		}
	}
	return 0, false
}

// Mirror returns the mirrored glyph of r from BidiMirroring.txt (rule L4), such as ')'
// for '(', or r itself when it has none. Apply it to characters at odd levels.
func Mirror(r rune) rune {
	if r > 0xBB && r < 0xF3A { // no mirrored character from Latin-1 to Tibetan
		return r
	}
	if m, ok := lookup(mirrorPairs[:], r); ok {
		return m
	}
	return r
}

// IsFormatting reports whether r is an explicit directional formatting character or
// mark (LRE, LRO, RLE, RLO, PDF, LRI, RLI, FSI, PDI, LRM, RLM, ALM). These have no
// glyph and must never be sent to a terminal.
func IsFormatting(r rune) bool {
	switch {
	case r >= 0x202A && r <= 0x202E, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return r == 0x200E || r == 0x200F || r == 0x061C
}

// FirstStrong applies rules P2–P3 alone: the direction of the first L, R or AL character
// of text, skipping characters between an isolate initiator and its matching PDI.
// It returns Auto when text has no such character.
func FirstStrong(text []rune) Direction {
	depth := 0
	for _, r := range text {
		switch ClassOf(r) {
		case L:
			if depth == 0 {
				return LTR
			}
		case R, AL:
			if depth == 0 {
				return RTL
			}
		case LRI, RLI, FSI:
			depth++
		case PDI:
			if depth > 0 {
				depth--
			}
		case B:
			return Auto
		}
	}
	return Auto
}
