package render

import (
	"fmt"
	"strings"
	"testing"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/render/bidi"
)

// stripIsolates removes the isolates that Logical mode writes (see
// styler.isolate and logicalLine) from a line. Only balanced isolates
// are removed: a line whose isolates do not nest is returned unchanged,
// so that forbidden still finds them.
func stripIsolates(line string) string {
	depth := 0
	var b strings.Builder
	for _, r := range line {
		switch r {
		case lri, rli:
			depth++
		case pdi:
			if depth--; depth < 0 {
				return line
			}
		default:
			b.WriteRune(r)
		}
	}
	if depth != 0 {
		return line
	}
	return b.String()
}

// terminal shows a line as a terminal that implements UAX #9 would, with
// the project's own bidi engine: the line is one paragraph of direction
// dir (Auto: from its first strong character), grapheme clusters are
// reordered whole by the level of their first rune (rule L2), runes at
// odd levels are mirrored (L4), and bidi controls take no cell.
func terminal(line string, dir bidi.Direction) string {
	runes := []rune(line)
	if len(runes) == 0 {
		return ""
	}
	p := bidi.Resolve(runes, dir)
	levels := p.AppendLineLevels(nil, 0, len(runes))
	s := newStyler(Options{}, nil)
	cs := s.m.clusters(nil, runes)
	cl := make([]bidi.Level, len(cs))
	for i, c := range cs {
		cl[i] = levels[c.start]
	}
	var b strings.Builder
	for _, i := range bidi.VisualOrder(cl) {
		for _, r := range runes[cs[i].start:cs[i].end] {
			if bidi.IsFormatting(r) {
				continue
			}
			if cl[i]%2 == 1 {
				r = bidi.Mirror(r)
			}
			b.WriteRune(r)
		}
	}
	return b.String()
}

// TestLogicalShowsWhatVisualShows runs every line of Logical output
// through a bidi terminal, once with a left-to-right paragraph direction
// and once with the direction taken from the line, and checks that the
// result is the Visual output (unshaped: Logical never shapes), for
// articles and headlines in Arabic, Persian, Urdu, Hebrew and English,
// with list markers, quotes, links and related stories.
func TestLogicalShowsWhatVisualShows(t *testing.T) {
	check := func(t *testing.T, name string, visual, logical []string) {
		t.Helper()
		if len(visual) != len(logical) {
			t.Fatalf("%s: %d visual lines, %d logical", name, len(visual), len(logical))
		}
		for i := range visual {
			for _, dir := range []bidi.Direction{bidi.LTR, bidi.Auto} {
				if got := terminal(logical[i], dir); got != visual[i] {
					t.Errorf("%s line %d, terminal base %d:\n shows %q\n want  %q\n (logical %q)", name, i, dir, got, visual[i], logical[i])
				}
			}
		}
	}
	for name, a := range fixtures(t) {
		for _, w := range []int{24, 50, 80} {
			visual := Article(a, Options{Width: w})
			logical := Article(a, Options{Width: w, Bidi: Logical})
			check(t, fmt.Sprintf("%s@%d", name, w), visual, logical)
		}
	}
	for _, s := range []string{
		"وقال بوتين (71 عاماً) للصحفيين: «لن نتراجع» في 2024.",
		"ICANN تعلن عن نطاقات .com جديدة [3]",
		"שלום world (עולם) 5-7",
		"English title with عربي in the middle (and brackets)",
		"خبر عاجل",
		"123 ١٢٣ 456",
	} {
		for _, w := range []int{10, 40} {
			visual := []string{Cell(s, w, Options{})}
			logical := []string{Cell(s, w, Options{Bidi: Logical})}
			check(t, fmt.Sprintf("cell %q@%d", s, w), visual, logical)
			check(t, fmt.Sprintf("para %q@%d", s, w),
				Paragraph(s, feed.DirAuto, Options{Width: w}), Paragraph(s, feed.DirAuto, Options{Width: w, Bidi: Logical}))
		}
	}
}

func TestInline(t *testing.T) {
	tests := []struct {
		text string
		mode BidiMode
		want string
	}{
		{"  Water  news ", Visual, "Water  news"},
		{"سلام عليكم", Visual, "مكيلع مالس"},
		{"سلام عليكم", Logical, "\u2067سلام عليكم\u2069"},
		{"سلام عليكم", Plain, "سلام عليكم"},
		{"BBC عربي 24", Visual, "BBC 24 يبرع"}, // W2: the 24 after Arabic letters is an Arabic number
		{"BBC عربي 24", Logical, "BBC \u2067عربي \u206624\u2069\u2069"},
		{"a\u202eb\x1b[2Jc\n", Plain, "ab[2Jc"},
		{"", Visual, ""},
	}
	for _, tc := range tests {
		if got := Inline(tc.text, Options{Bidi: tc.mode}); got != tc.want {
			t.Errorf("Inline(%q, %s) = %q, want %q", tc.text, tc.mode, got, tc.want)
		}
	}
}
