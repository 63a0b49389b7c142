package render

import (
	"slices"
	"testing"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/render/bidi"
)

// FuzzLayout lays any text out at widths 1–200 and checks that nothing
// panics, every line fits, the output is deterministic, visual lines are
// permutations of the logical lines' clusters, and Cell is exact.
func FuzzLayout(f *testing.F) {
	for _, s := range []string{
		putin,
		"המחיר עלה ב-15% ל-3,200 שקלים בשנת 2023",
		"می\u200cخواهم (test) [۱۲۳] «نقل»",
		"👩\u200d💻😀\u200d😀 🇺🇸🇫🇷 e\u0301 日本語",
		"\x1b[31mred\u202e evil \u2066iso\u2069\r\nline\ttab\xff",
		"a\u202bb\u202ac\u202dd\u202c(e)f",
		"لا إله إلا الله",
		"",
		" ",
		"https://example.com/a/very/long/path/that/never/ends?q=1&r=2",
	} {
		f.Add(s, uint8(20))
		f.Add(s, uint8(1))
	}
	f.Fuzz(func(t *testing.T, s string, w uint8) {
		width := int(w)%200 + 1
		visual := Paragraph(s, feed.DirAuto, Options{Width: width})
		logical := Paragraph(s, feed.DirAuto, Options{Width: width, Bidi: Logical})
		if again := Paragraph(s, feed.DirAuto, Options{Width: width}); !slices.Equal(visual, again) {
			t.Fatalf("not deterministic: %q then %q", visual, again)
		}
		checkLines(t, visual, width, false, 0)
		checkLines(t, logical, width, false, 0)
		if len(visual) != len(logical) {
			t.Fatalf("%d visual lines, %d logical", len(visual), len(logical))
		}
		for i := range visual {
			v, l := runeSet(visual[i]), runeSet(logical[i])
			if !slices.Equal(v, l) || Width(visual[i]) != Width(logical[i]) {
				t.Errorf("line %d: visual %q is not a permutation of logical %q", i, visual[i], logical[i])
			}
		}
		shaped := Paragraph(s, feed.DirAuto, Options{Width: width, Shape: true})
		checkLines(t, shaped, width, false, 0)
		if c := Cell(s, width, Options{Shape: true}); Width(c) != width {
			t.Errorf("Cell(%q, %d) = %q, %d cells", s, width, c, Width(c))
		}
	})
}

// runeSet returns the runes of a line, spaces left out and mirrored
// characters normalised, sorted. (Clusters are not compared: a terminal
// may segment a reordered line differently, for example a cluster ending
// in a prepended concatenation mark joins whatever follows it.)
func runeSet(line string) []rune {
	var out []rune
	for _, r := range line {
		if r != ' ' {
			out = append(out, min(r, bidi.Mirror(r)))
		}
	}
	slices.Sort(out)
	return out
}
