package render

import (
	"slices"
	"testing"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/clipperhouse/uax29/v2/graphemes"
	"github.com/rivo/uniseg"
)

// TestSimpleRunes checks the promise of simple for every rune it accepts:
// one cell wide, and a cluster of its own beside itself, a Latin letter
// and an Arabic letter.
func TestSimpleRunes(t *testing.T) {
	count := func(s string) int {
		n := 0
		for it := graphemes.FromString(s); it.Next(); {
			n++
		}
		return n
	}
	n := 0
	for r := rune(0); r <= 0x10ffff; r++ {
		if !simple(r) {
			continue
		}
		n++
		s := string(r)
		if Width(s) != 1 || count("a"+s+"a") != 3 || count(s+s) != 2 || count(s+"ب") != 2 || count("ب"+s) != 2 {
			t.Errorf("%U is not simple", r)
		}
	}
	if n < 1000 {
		t.Errorf("only %d simple runes", n)
	}
}

// TestPrependedMarks checks prepended against the segmenter: a rune is a
// prepended mark exactly when it joins a letter after it.
func TestPrependedMarks(t *testing.T) {
	n := 0
	for r := rune(0); r <= 0x10ffff; r++ {
		joins := false
		if r < 0xd800 || r > 0xdfff {
			it := graphemes.FromString(string(r) + "a")
			joins = it.Next() && !it.Next()
		}
		if prepended(r) != joins {
			t.Errorf("prepended(%U) = %v, but it joins a following letter: %v", r, prepended(r), joins)
		}
		if joins {
			n++
		}
	}
	if n == 0 {
		t.Error("the segmenter knows no prepended marks")
	}
}

// layoutTexts returns every text of the fixtures and some hard cases.
func layoutTexts(t *testing.T) []string {
	out := []string{
		putin, "e\u0301\u0301x", "👩\u200d💻😀\u200d😀 🇺🇸🇫🇷🇩", "\u0600١٢ \u06dd٣", "می\u200cخواهم",
		"ab\u200d\u200dc", "क्षि", "한국어", "a\tb\u00adc", "«(مرحبا)» — “quoted”", "x\ufe0f日\ufe0e",
		"http://example.com/a-b/c?d=e&f", "שָׁלוֹם עֲלֵיכֶם", "abcאבגדabc-אבג", "٢٬٤٠٠ و9.5% و%12",
	}
	for _, a := range fixtures(t) {
		out = append(out, a.Title, a.Byline)
		for _, b := range a.Blocks {
			out = append(out, b.Text)
		}
	}
	return out
}

// referenceClusters segments runes with the segmenter alone.
func referenceClusters(runes []rune) []cluster {
	var out []cluster
	pos := 0
	for it := graphemes.FromString(string(runes)); it.Next(); {
		n := utf8.RuneCountInString(it.Value())
		out = append(out, cluster{pos, pos + n, ansi.StringWidth(it.Value())})
		pos += n
	}
	return out
}

// referenceBreaks finds the line-break opportunities of runes with the
// segmenter alone, over the whole text.
func referenceBreaks(runes []rune) []bool {
	can := make([]bool, len(runes)+1)
	s, pos, state := string(runes), 0, -1
	for len(s) > 0 {
		var seg string
		seg, s, _, state = uniseg.FirstLineSegmentInString(s, state)
		pos += utf8.RuneCountInString(seg)
		can[pos] = true
	}
	return can
}

// checkSegmentation compares the fast clusters, widths and line breaks
// of text with the reference ones.
func checkSegmentation(t *testing.T, text string) {
	t.Helper()
	runes := []rune(text)
	s := newStyler(Options{}, nil)
	ref := referenceClusters(runes)
	if got := s.m.clusters(nil, runes); !slices.Equal(got, ref) {
		t.Errorf("clusters of %q:\n got %v\nwant %v", text, got, ref)
	}
	if got, want := s.m.width(runes), widthOf(ref); got != want {
		t.Errorf("width of %q = %d, want %d", text, got, want)
	}
	if got, want := s.breakOpportunities(runes), referenceBreaks(runes); !slices.Equal(got, want) {
		t.Errorf("break opportunities of %q:\n got %v\nwant %v", text, got, want)
	}
}

// TestSegmentation checks the fast paths of clusters, width and
// breakOpportunities (letter runs shortened) against the segmenters.
func TestSegmentation(t *testing.T) {
	for _, text := range layoutTexts(t) {
		checkSegmentation(t, text)
	}
}
