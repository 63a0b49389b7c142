package render

import (
	"github.com/akhbar/akhbar/theme"

	"regexp"
	"strings"
	"testing"

	"github.com/akhbar/akhbar/feed"
)

// Theme.Match of theme.Dark and theme.Light: bold and underline, turned
// off by their own codes rather than a full reset.
const (
	matchOn  = "\x1b[1;4m"
	matchOff = "\x1b[22;24m"
)

// marked shows a styled cell with its highlights as [ and ], and fails
// on any other escape sequence.
func marked(t *testing.T, s string) string {
	t.Helper()
	m := strings.NewReplacer(matchOn, "[", matchOff, "]").Replace(s)
	if strings.ContainsRune(m, '\x1b') {
		t.Errorf("escape sequence other than the highlight in %q", s)
	}
	return m
}

// matchOf returns a feed.Match span over the first occurrence of word
// in text.
func matchOf(text, word string) []feed.Span {
	i := strings.Index(text, word)
	if i < 0 {
		panic("no " + word + " in " + text)
	}
	return []feed.Span{{Start: i, End: i + len(word), Style: feed.Match}}
}

const (
	latinSnippet  = "Water ministers meet in Muscat as costs fall"
	arabicSnippet = "وصل الوزير إلى مسقط اليوم"
)

func TestStyledCell(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		spans []feed.Span
		width int
		mode  BidiMode
		shape bool
		want  string // highlights as [ and ]
	}{
		{"latin middle", latinSnippet, matchOf(latinSnippet, "meet"), 46, Visual, false,
			"Water ministers [meet] in Muscat as costs fall  "},
		{"latin start", latinSnippet, matchOf(latinSnippet, "Water"), 46, Visual, false,
			"[Water] ministers meet in Muscat as costs fall  "},
		{"latin cut by truncation", latinSnippet, matchOf(latinSnippet, "meet"), 19, Visual, false,
			"Water ministers [me]…"},
		{"latin match after the cut", latinSnippet, matchOf(latinSnippet, "fall"), 19, Visual, false,
			"Water ministers me…"},
		{"arabic middle at its visual place", arabicSnippet, matchOf(arabicSnippet, "الوزير"), 30, Visual, false,
			"     مويلا طقسم ىلإ [ريزولا] لصو"},
		{"arabic start on the right", arabicSnippet, matchOf(arabicSnippet, "وصل"), 30, Visual, false,
			"     مويلا طقسم ىلإ ريزولا [لصو]"},
		{"arabic cut by truncation on the left", arabicSnippet, matchOf(arabicSnippet, "مسقط"), 17, Visual, false,
			"…[م] ىلإ ريزولا لصو"},
		{"span split by reordering", "قال Water ministers اليوم", matchOf("قال Water ministers اليوم", "ministers اليوم"), 30, Visual, false,
			"     [مويلا ]Water [ministers] لاق"},
		{"arabic logical", arabicSnippet, matchOf(arabicSnippet, "الوزير"), 30, Logical, false,
			"     وصل [الوزير] إلى مسقط اليوم"},
		{"shaped prefix keeps joining", arabicSnippet, matchOf(arabicSnippet, "الوز"), 30, Visual, true,
			"     ﻡﻮﻴﻟﺍ ﻂﻘﺴﻣ ﻰﻟﺇ ﺮﻳ[ﺯﻮﻟﺍ] ﻞﺻﻭ"},
		{"spans of the original text, before sanitising", "\x1b\u009b\x07red alert", []feed.Span{{Start: 4, End: 7, Style: feed.Match}}, 12, Visual, false,
			"[red] alert   "},
		{"several matches", "the cat and the dog", append(matchOf("the cat and the dog", "cat"), matchOf("the cat and the dog", "dog")...), 19, Visual, false,
			"the [cat] and the [dog]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			o := Options{Bidi: tc.mode, Shape: tc.shape, Color: true, Theme: theme.Dark()}
			got := StyledCell(tc.text, tc.spans, tc.width, o)
			if m := stripIsolates(marked(t, got)); m != tc.want {
				t.Errorf("StyledCell(%q, %d) = %q, want %q", tc.text, tc.width, m, tc.want)
			}
			checkCell(t, tc.text, tc.spans, tc.width, o, got)
		})
	}
}

// sgr matches one SGR sequence.
var sgr = regexp.MustCompile("\x1b\\[[0-9;:]*m")

// checkCell fails unless got, StyledCell's output, is exactly width
// cells, has no escape bytes but SGR sequences, and once they are removed
// is Cell's output but for the padding (a prepended mark such as U+0604
// joins the padding after it in Cell, not across an SGR sequence); and
// unless StyledCell without Color is Cell.
func checkCell(t *testing.T, text string, spans []feed.Span, width int, o Options, got string) {
	t.Helper()
	if w := Width(got); w != max(width, 0) {
		t.Errorf("StyledCell(%q, %v, %d) = %q is %d cells", text, spans, width, got, w)
	}
	plain := sgr.ReplaceAllString(got, "")
	for _, r := range plain {
		if r < 0x20 || r == 0x7f || r >= 0x80 && r <= 0x9f {
			t.Errorf("StyledCell(%q, %v, %d) = %q has control %U besides SGR", text, spans, width, got, r)
		}
	}
	o.Color = false
	cell := Cell(text, width, o)
	if strings.Trim(plain, " ") != strings.Trim(cell, " ") {
		t.Errorf("StyledCell(%q, %v, %d) without its SGR = %q, Cell = %q", text, spans, width, plain, cell)
	}
	if off := StyledCell(text, spans, width, o); off != cell {
		t.Errorf("StyledCell(%q, %v, %d) without Color = %q, Cell = %q", text, spans, width, off, cell)
	}
}

func TestStyledCellOtherStyles(t *testing.T) {
	th := theme.Dark()
	th.Match = th.Match.Foreground(th.Title.GetForeground()).Italic(true)
	o := Options{Color: true, Theme: th}
	got := StyledCell("a bold word", []feed.Span{{Start: 2, End: 6, Style: feed.Match}}, 12, o)
	if strings.Contains(got, "\x1b[m") || strings.Contains(got, "\x1b[0m") {
		t.Errorf("a full reset ends the highlight: %q", got)
	}
	if !strings.Contains(got, "bold\x1b[22;23;24;39m") {
		t.Errorf("the highlight is not turned off attribute by attribute: %q", got)
	}
	checkCell(t, "a bold word", nil, 12, o, got)
}

func TestMatchSpans(t *testing.T) {
	got := MatchSpans([][2]int{{0, 3}, {7, 2}})
	want := []feed.Span{{Start: 0, End: 3, Style: feed.Match}, {Start: 7, End: 2, Style: feed.Match}}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("MatchSpans = %v, want %v", got, want)
	}
	if MatchSpans(nil) != nil {
		t.Error("MatchSpans(nil) is not nil")
	}
}

// FuzzStyledCell lays any text out with two spans at any offsets (out of
// range, reversed, overlapping, inside a rune) in any direction and
// checks that nothing panics and checkCell holds.
func FuzzStyledCell(f *testing.F) {
	for _, s := range []string{latinSnippet, arabicSnippet, putin, "00\u0604", "a\u0604b", "日本語 テキスト", "\x1b[31mred\u202e evil\xff", ""} {
		n := len(s)
		f.Add(s, uint8(20), -5, 3, 2, n+10)
		f.Add(s, uint8(7), 1, 2, 0, n)
		f.Add(s, uint8(1), n, 0, n/2, n/2+1)
		f.Add(s, uint8(60), n-1, n+1, -100, 1<<30)
	}
	f.Fuzz(func(t *testing.T, s string, w uint8, a, b, c, d int) {
		width := int(w)%120 + 1
		spans := []feed.Span{{Start: a, End: b, Style: feed.Match}, {Start: c, End: d, Style: feed.Bold}}
		for _, mode := range []BidiMode{Visual, Logical} {
			o := Options{Bidi: mode, Shape: true, Color: true, Theme: theme.Light()}
			checkCell(t, s, spans, width, o, StyledCell(s, spans, width, o))
		}
	})
}

func TestStyledCellInsideARune(t *testing.T) {
	text := "سلام" // 2 bytes a letter
	for start := range len(text) + 1 {
		for end := start; end <= len(text)+1; end++ {
			spans := []feed.Span{{Start: start, End: end, Style: feed.Match}}
			o := Options{Color: true, Theme: theme.Dark()}
			got := StyledCell(text, spans, 6, o)
			checkCell(t, text, spans, 6, o, got)
			// A rune is highlighted when its first byte is in the span.
			n := 0
			for i := range text {
				if i >= start && i < end {
					n++
				}
			}
			if h := highlightedRunes(t, got); h != n {
				t.Errorf("span [%d, %d) highlights %d letters, want %d: %q", start, end, h, n, got)
			}
		}
	}
}

// highlightedRunes counts the runes between [ and ] in marked(s).
func highlightedRunes(t *testing.T, s string) int {
	n, in := 0, false
	for _, r := range marked(t, s) {
		switch {
		case r == '[':
			in = true
		case r == ']':
			in = false
		case in:
			n++
		}
	}
	return n
}
