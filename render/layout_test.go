package render

import (
	"strings"
	"testing"

	"github.com/akhbar/akhbar/feed"
)

const putin = "وقال بوتين للصحفيين بعد أول محادثات مباشرة (Copyright Sputnik/Alexei Nikolsky/Kremlin via REUTERS) في العام 2011"

// checkLines fails when a line is wider than width or, for rtl, not
// flush right: exactly width cells, the text ending at most slack cells
// (the decoration) before the last cell.
func checkLines(t *testing.T, lines []string, width int, rtl bool, slack int) {
	t.Helper()
	for i, l := range lines {
		w := Width(l)
		if w > width {
			t.Errorf("line %d is %d cells, more than %d: %q", i, w, width, l)
		}
		if !rtl || l == "" {
			continue
		}
		if trail := len(l) - len(strings.TrimRight(l, " ")); w != width || trail > slack {
			t.Errorf("RTL line %d is not flush right at %d: %q", i, width, l)
		}
	}
}

func TestParagraphArabic(t *testing.T) {
	tests := []struct {
		name  string
		width int
		mode  BidiMode
		want  []string
	}{
		{"visual 20", 20, Visual, []string{
			" نييفحصلل نيتوب لاقو",
			"     تاثداحم لوأ دعب",
			"   Copyright) ةرشابم",
			"      Sputnik/Alexei",
			"Nikolsky/Kremlin via",
			"   ماعلا يف (REUTERS",
			"                2011",
		}},
		{"logical 20", 20, Logical, []string{
			" وقال بوتين للصحفيين",
			"     بعد أول محادثات",
			"   مباشرة (Copyright",
			"      Sputnik/Alexei",
			"Nikolsky/Kremlin via",
			"   REUTERS) في العام",
			"                2011",
		}},
		{"visual 40", 40, Visual, []string{
			"     تاثداحم لوأ دعب نييفحصلل نيتوب لاقو",
			"        Copyright Sputnik/Alexei) ةرشابم",
			"  ماعلا يف (Nikolsky/Kremlin via REUTERS",
			"                                    2011",
		}},
		{"visual 80", 80, Visual, []string{
			"  Copyright Sputnik/Alexei Nikolsky/) ةرشابم تاثداحم لوأ دعب نييفحصلل نيتوب لاقو",
			"                                              2011 ماعلا يف (Kremlin via REUTERS",
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Paragraph(putin, feed.DirAuto, Options{Width: tc.width, Bidi: tc.mode})
			for i := range got { // Logical mode's isolates are checked by TestLogicalShowsWhatVisualShows
				got[i] = stripIsolates(got[i])
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
			checkLines(t, got, tc.width, true, 0)
		})
	}
}

func TestParagraphHebrewNumbers(t *testing.T) {
	got := Paragraph("המחיר עלה ב-15% ל-3,200 שקלים בשנת 2023", feed.DirAuto, Options{Width: 60})
	want := "                     2023 תנשב םילקש 3,200-ל 15%-ב הלע ריחמה"
	if len(got) != 1 || got[0] != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestParagraphLTR(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		width int
		want  []string
	}{
		{"wraps at spaces", "the quick brown fox jumps", 10, []string{"the quick", "brown fox", "jumps"}},
		{"hard-wraps a long word", "abcdefghijkl", 5, []string{"abcde", "fghij", "kl"}},
		{"long URL", "see https://example.com/a/very/long/path now", 12, []string{"see https://", "example.com/", "a/very/long/", "path now"}},
		{"wide characters", "日本語のテキスト", 5, []string{"日本", "語の", "テキ", "スト"}},
		{"width 1 wide", "日x", 1, []string{"…", "x"}},
		{"newlines split", "one\ntwo", 10, []string{"one", "two"}},
		{"keeps marks on letters", "cafe\u0301 ole\u0301", 5, []string{"cafe\u0301", "ole\u0301"}},
		{"hostile", "a\x1b[2Jb\u202ec", 10, []string{"a[2Jbc"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Paragraph(tc.text, feed.DirAuto, Options{Width: tc.width})
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("got %q, want %q", got, tc.want)
			}
			checkLines(t, got, tc.width, false, 0)
		})
	}
}

func TestParagraphShaping(t *testing.T) {
	got := Paragraph("السلام عليكم", feed.DirAuto, Options{Width: 20, Shape: true})
	// Visual order, presentation forms: lam-alef is one ligature cell.
	want := "         ﻢﻜﻴﻠﻋ ﻡﻼﺴﻟﺍ"
	if len(got) != 1 || got[0] != want {
		t.Errorf("got %q, want %q", got, want)
	}
	checkLines(t, got, 20, true, 0)
}

func TestParagraphHarakat(t *testing.T) {
	// Each mark stays after its letter when the word is reversed.
	got := Paragraph("بِسْمِ الله", feed.DirAuto, Options{Width: 20})
	want := strings.Repeat(" ", 12) + "هللا مِسْبِ"
	if len(got) != 1 || got[0] != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestCell(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		width int
		mode  BidiMode
		want  string
	}{
		{"pads LTR", "Hello", 8, Visual, "Hello   "},
		{"truncates LTR on the right", "Hello world", 8, Visual, "Hello w…"},
		{"drops space before the ellipsis", "Hello world", 7, Visual, "Hello… "},
		{"right-aligns RTL", "سلام", 8, Visual, "    مالس"},
		{"truncates RTL on the left", "سلام عليكم", 8, Visual, "…لع مالس"},
		{"logical RTL", "سلام عليكم", 8, Logical, "\u2067سلام عل…\u2069"}, // "…" at the logical end: a bidi terminal shows it on the left
		{"one line", "a\nb\tc", 6, Visual, "a b c "},
		{"hostile", "\x1b]0;pwned\x07ok\u202e", 10, Visual, "]0;pwnedok"},
		{"width 1", "Hello", 1, Visual, "…"},
		{"width 0", "Hello", 0, Visual, ""},
		{"wide char at the edge", "日本語", 4, Visual, "日… "},
		{"prepended mark at the end", "00\u0604", 6, Visual, "00    "},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Cell(tc.text, tc.width, Options{Bidi: tc.mode})
			if got != tc.want {
				t.Errorf("Cell(%q, %d) = %q, want %q", tc.text, tc.width, got, tc.want)
			}
			if w := Width(got); w != max(tc.width, 0) {
				t.Errorf("Cell(%q, %d) is %d cells", tc.text, tc.width, w)
			}
		})
	}
}

func TestParseBidiMode(t *testing.T) {
	for _, m := range []BidiMode{Visual, Logical} {
		got, err := ParseBidiMode(m.String())
		if err != nil || got != m {
			t.Errorf("ParseBidiMode(%q) = %v, %v", m.String(), got, err)
		}
	}
	if _, err := ParseBidiMode("auto"); err == nil {
		t.Error("ParseBidiMode(auto) did not fail")
	}
}
