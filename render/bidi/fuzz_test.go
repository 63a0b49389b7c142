package bidi

import (
	"strings"
	"testing"
)

// checkInvariants resolves text and checks what must hold for any input: sane
// levels, every line's visual order a permutation, removed characters in place.
func checkInvariants(t *testing.T, text []rune, dir Direction) {
	t.Helper()
	p := Resolve(text, dir)
	if p.Len() != len(text) || p.BaseLevel() > 1 {
		t.Fatalf("Len %d BaseLevel %d for %d runes", p.Len(), p.BaseLevel(), len(text))
	}
	for i, l := range p.Levels() {
		if l < p.BaseLevel() || l > maxDepth+1 {
			t.Fatalf("level %d of rune %d out of range", l, i)
		}
	}
	// Two lines split in the middle.
	mid := len(text) / 2
	for _, line := range [][2]int{{0, mid}, {mid, len(text)}} {
		levels := p.LineLevels(line[0], line[1])
		order := VisualOrder(levels)
		seen := make([]bool, len(levels))
		for _, i := range order {
			if i < 0 || i >= len(levels) || seen[i] {
				t.Fatalf("VisualOrder(%v) = %v is not a permutation", levels, order)
			}
			seen[i] = true
		}
	}
}

// checkIgnoresBN checks that inserting boundary neutrals (U+200B) changes the line
// levels of no other character: rule X9 removes them from the algorithm.
func checkIgnoresBN(t *testing.T, text []rune, dir Direction) {
	t.Helper()
	var with []rune
	var orig []int // index in with of each rune of text
	for i, r := range text {
		if i%3 == 0 {
			with = append(with, 0x200B)
		}
		orig = append(orig, len(with))
		with = append(with, r)
	}
	with = append(with, 0x200B)
	want := Resolve(text, dir).LineLevels(0, len(text))
	p := Resolve(with, dir)
	got := p.LineLevels(0, len(with))
	for i, j := range orig {
		if !p.Removed(j) && got[j] != want[i] {
			t.Fatalf("%q: level of rune %d is %d with BNs inserted, %d without", string(text), i, got[j], want[i])
		}
	}
}

func TestHostileInput(t *testing.T) {
	tests := []struct {
		name string
		text string
	}{
		{"deep embeddings", strings.Repeat("\u202B\u202A", 100) + "aב1" + strings.Repeat("\u202C", 150)},
		{"deep isolates", strings.Repeat("\u2067\u2066", 100) + "aב1" + strings.Repeat("\u2069", 150)},
		{"mixed nesting", strings.Repeat("\u202E\u2068\u202D\u2067", 60) + "(a)" + strings.Repeat("\u202C\u2069", 90)},
		{"more than 63 open brackets", strings.Repeat("(", 100) + "אa" + strings.Repeat(")", 100)},
		{"unmatched closers", strings.Repeat(")]}", 50) + "ب" + strings.Repeat("([{", 50)},
		{"only formatting", "\u202A\u202B\u202C\u2066\u2069\u2069\u200D"},
		{"separators inside", "a\u2029ב\tc\n"},
		{"marks first", "\u0300\u064E\u05B0a"},
		{"invalid runes", string([]rune{-5, 0x110000, 0xD800, 'a'})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			for _, dir := range []Direction{Auto, LTR, RTL} {
				checkInvariants(t, []rune(tt.text), dir)
				checkIgnoresBN(t, []rune(tt.text), dir)
			}
		})
	}
}

func TestDeepEmbeddingLimit(t *testing.T) {
	// RLE LRE RLE … climbs one level per push until level 125; the later pushes
	// overflow, and the final L letter at odd level 125 resolves to 126 (I2).
	text := []rune(strings.Repeat("\u202B\u202A", 70) + "a")
	p := Resolve(text, LTR)
	if got := p.Levels()[len(text)-1]; got != maxDepth+1 {
		t.Errorf("level of the innermost letter = %d, want %d", got, maxDepth+1)
	}
}

func FuzzResolve(f *testing.F) {
	f.Add(caption, uint8(0))
	f.Add("בשנת 2023 היו 1,500 משתתפים", uint8(1))
	f.Add("\u2068abc\u2069 (x [y) z] \u202Eq\u202C", uint8(2))
	f.Add(strings.Repeat("(", 70)+"ب", uint8(0))
	f.Fuzz(func(t *testing.T, s string, d uint8) {
		checkInvariants(t, []rune(s), Direction(d%3))
		checkIgnoresBN(t, []rune(s), Direction(d%3))
	})
}
