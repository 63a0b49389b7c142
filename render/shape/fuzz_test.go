package shape

import (
	"slices"
	"testing"
)

// FuzzShape checks the invariants the layout code relies on: out and src have the same length,
// src is strictly increasing and points into line, only letters with presentation forms change,
// text without such letters is returned unchanged, and shaped text needs no more shaping.
func FuzzShape(f *testing.F) {
	for _, tt := range shapeTests {
		f.Add(tt.in)
	}
	f.Add("The quick brown fox — 42 «quoted» \u200f\u202b")
	f.Add("لَّا لـا ل\u200dا ل\u200cا")
	f.Add("\xff\xfe invalid utf-8 ب")
	f.Fuzz(func(t *testing.T, s string) {
		line := []rune(s)
		out, src := Shape(line)
		if len(out) != len(src) {
			t.Fatalf("len(out) = %d, len(src) = %d", len(out), len(src))
		}
		for i, j := range src {
			if j < 0 || j >= len(line) || (i > 0 && j <= src[i-1]) {
				t.Fatalf("src = %v: not increasing within [0, %d)", src, len(line))
			}
			if !hasForms(line[j]) && out[i] != line[j] {
				t.Fatalf("out[%d] = %U, want %U unchanged (line %q)", i, out[i], line[j], s)
			}
		}
		if !NeedsShaping(line) && !slices.Equal(out, line) {
			t.Fatalf("Shape changed %q which needs no shaping: %s", s, hex(out))
		}
		if NeedsShaping(out) {
			t.Fatalf("Shape(%q) = %s still needs shaping", s, hex(out))
		}
	})
}
