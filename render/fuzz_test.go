package render

import (
	"github.com/akhbar/akhbar/theme"

	"slices"
	"testing"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/render/bidi"
)

// FuzzLayout lays any text out at widths 1–200 and checks that nothing
// panics, every line fits, the output is deterministic, visual lines are
// permutations of the logical lines' clusters, Cell is exact, and the
// fast paths of segmentation agree with the segmenters.
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
		checkSegmentation(t, s)
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
	for _, r := range stripIsolates(line) {
		if r != ' ' {
			out = append(out, min(r, bidi.Mirror(r)))
		}
	}
	slices.Sort(out)
	return out
}

// FuzzArticle lays out an article built from any text, with spans at any
// offsets, and checks that every line fits, the output is deterministic
// and, without Color, free of escape bytes.
func FuzzArticle(f *testing.F) {
	f.Add(putin, int16(0), int16(10), uint8(30), false)
	f.Add("\x1b]8;;http://x\x1b\\a\u202eb\tc\nd", int16(-5), int16(400), uint8(1), true)
	f.Add("לא ידוע (123) abc", int16(3), int16(2), uint8(80), true)
	f.Fuzz(func(t *testing.T, s string, start, end int16, w uint8, rtl bool) {
		width := int(w)%200 + 1
		dir := feed.DirLTR
		if rtl {
			dir = feed.DirRTL
		}
		spans := []feed.Span{
			{Start: int(start), End: int(end), Style: feed.Anchor, Link: 1},
			{Start: int(end), End: int(start) + 5, Style: feed.Bold},
		}
		a := feed.Article{
			Title: s, Byline: s, SiteName: s, Dir: dir,
			Blocks: []feed.Block{
				{Kind: feed.Paragraph, Text: s, Spans: spans},
				{Kind: feed.ListItem, Text: s, Level: int(start) % 10},
				{Kind: feed.Quote, Text: s},
				{Kind: feed.Code, Text: s, Spans: spans},
				{Kind: feed.Heading, Text: s, Dir: feed.DirAuto},
			},
			Links:   []feed.Link{{Title: s, URL: "https://example.com/" + s}},
			Related: []feed.Link{{Title: s, URL: s}},
		}
		for _, o := range []Options{
			{Width: width, Shape: true},
			{Width: width, Bidi: Logical},
			{Width: width, Shape: true, Color: true, Theme: theme.Dark()},
		} {
			lines := Article(a, o)
			if again := Article(a, o); !slices.Equal(lines, again) {
				t.Fatalf("not deterministic")
			}
			checkLines(t, lines, width, false, 0)
			for i, l := range lines {
				if o.Color {
					l = ourEscapes.ReplaceAllString(l, "")
				}
				if o.Bidi == Logical {
					l = stripIsolates(l)
				}
				if r := forbidden(l, false); r != -1 {
					t.Fatalf("line %d has %U: %q", i, r, l)
				}
			}
		}
	})
}
