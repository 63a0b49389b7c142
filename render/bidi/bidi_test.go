package bidi

import (
	"slices"
	"strings"
	"testing"
)

// visualLine lays out runes [start, end) of a resolved paragraph the way a terminal
// without bidi support must receive them: reordered (L1, L2), mirrored at odd levels
// (L4), with formatting characters dropped.
func visualLine(p *Paragraph, text []rune, start, end int) string {
	levels := p.LineLevels(start, end)
	var b strings.Builder
	for _, i := range VisualOrder(levels) {
		r := text[start+i]
		if p.Removed(start+i) || IsFormatting(r) {
			continue
		}
		if levels[i]&1 == 1 {
			r = Mirror(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

func visual(s string, dir Direction) string {
	text := []rune(s)
	return visualLine(Resolve(text, dir), text, 0, len(text))
}

const caption = "صورة أرشيفية للرئيس فلاديمير بوتين في موسكو عام 2011 " +
	"(Copyright Sputnik/Alexei Nikolsky/Kremlin via REUTERS)"

func TestVisual(t *testing.T) {
	tests := []struct {
		name    string
		logical string
		dir     Direction
		want    string // left to right, as shown
	}{
		{
			name:    "Arabic caption with Latin credit in brackets",
			logical: caption,
			dir:     Auto,
			want:    "(Copyright Sputnik/Alexei Nikolsky/Kremlin via REUTERS) 2011 ماع وكسوم يف نيتوب ريميدالف سيئرلل ةيفيشرأ ةروص",
		},
		{
			name:    "full stop after the credit goes to the far left",
			logical: caption + ".",
			dir:     RTL,
			want:    ".(Copyright Sputnik/Alexei Nikolsky/Kremlin via REUTERS) 2011 ماع وكسوم يف نيتوب ريميدالف سيئرلل ةيفيشرأ ةروص",
		},
		{
			name:    "same caption in a left-to-right paragraph",
			logical: caption,
			dir:     LTR,
			want:    "2011 ماع وكسوم يف نيتوب ريميدالف سيئرلل ةيفيشرأ ةروص (Copyright Sputnik/Alexei Nikolsky/Kremlin via REUTERS)",
		},
		{
			name:    "Hebrew with a year and a grouped number",
			logical: "בשנת 2023 היו 1,500 משתתפים",
			dir:     Auto,
			want:    "םיפתתשמ 1,500 ויה 2023 תנשב",
		},
		{
			name:    "Hebrew with a prefixed percentage",
			logical: "המחיר עלה ב-15%",
			dir:     Auto,
			want:    "15%-ב הלע ריחמה",
		},
		{
			name:    "brackets mirrored at odd levels",
			logical: "قال (نعم) ثم [لا]",
			dir:     RTL,
			want:    "[ال] مث (معن) لاق",
		},
		{
			name:    "brackets around mixed Arabic and Latin",
			logical: "ذكرت وكالة (رويترز Reuters) أن",
			dir:     RTL,
			want:    "نأ (Reuters زرتيور) ةلاكو تركذ",
		},
		{
			name:    "Arabic-Indic digits stay left to right",
			logical: "عام ٢٠١١",
			dir:     Auto,
			want:    "٢٠١١ ماع",
		},
		{
			name:    "isolated Arabic name in English",
			logical: "Reporter \u2067محمد علي\u2069 wrote 3 stories",
			dir:     Auto,
			want:    "Reporter يلع دمحم wrote 3 stories",
		},
		{
			name:    "right-to-left override shows Latin backwards",
			logical: "\u202Eabc\u202C",
			dir:     LTR,
			want:    "cba",
		},
		{
			name:    "empty text",
			logical: "",
			dir:     Auto,
			want:    "",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := visual(tt.logical, tt.dir); got != tt.want {
				t.Errorf("visual(%q)\n got %q\nwant %q", tt.logical, got, tt.want)
			}
		})
	}
}

func TestLineByLine(t *testing.T) {
	text := []rune(caption)
	p := Resolve(text, Auto)
	brk := strings.Index(caption, "(")
	split := len([]rune(caption[:brk])) // the first line keeps its trailing space
	tests := []struct {
		start, end int
		want       string
	}{
		{0, split, " 2011 ماع وكسوم يف نيتوب ريميدالف سيئرلل ةيفيشرأ ةروص"},
		{split, len(text), "(Copyright Sputnik/Alexei Nikolsky/Kremlin via REUTERS)"},
	}
	for _, tt := range tests {
		if got := visualLine(p, text, tt.start, tt.end); got != tt.want {
			t.Errorf("line [%d,%d)\n got %q\nwant %q", tt.start, tt.end, got, tt.want)
		}
	}
}

func TestLineLevelsL1(t *testing.T) {
	tests := []struct {
		text string
		dir  Direction
		want []Level
	}{
		// Trailing whitespace and a tab take the paragraph level.
		{"ab  ", RTL, []Level{2, 2, 1, 1}},
		{"ab\tcd", RTL, []Level{2, 2, 1, 2, 2}},
		// Whitespace before a segment separator too, even with a removed BN between.
		{"אב \u00AD\tגד", LTR, []Level{1, 1, 0, 0, 0, 1, 1}},
		// An isolate initiator at the end of the line.
		{"אב \u2066", LTR, []Level{1, 1, 0, 0}},
	}
	for _, tt := range tests {
		text := []rune(tt.text)
		p := Resolve(text, tt.dir)
		if got := p.LineLevels(0, len(text)); !slices.Equal(got, tt.want) {
			t.Errorf("LineLevels(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestParagraph(t *testing.T) {
	text := []rune("a\u202Bאב\u202Cc\u00AD")
	p := Resolve(text, Auto)
	if p.BaseLevel() != 0 || p.Len() != len(text) {
		t.Fatalf("BaseLevel %d Len %d, want 0 and %d", p.BaseLevel(), p.Len(), len(text))
	}
	wantLevels := []Level{0, 0, 1, 1, 1, 0, 0}
	wantRemoved := []bool{false, true, false, false, true, false, true}
	if got := p.Levels(); !slices.Equal(got, wantLevels) {
		t.Errorf("Levels = %v, want %v", got, wantLevels)
	}
	for i, want := range wantRemoved {
		if got := p.Removed(i); got != want {
			t.Errorf("Removed(%d) = %v, want %v", i, got, want)
		}
	}
	if got := Resolve([]rune("   "), Auto).BaseLevel(); got != 0 {
		t.Errorf("BaseLevel without strong characters = %d, want 0", got)
	}
}

func TestVisualOrder(t *testing.T) {
	tests := []struct {
		levels []Level
		want   []int
	}{
		{nil, []int{}},
		{[]Level{0, 0, 0}, []int{0, 1, 2}},
		{[]Level{1, 1, 1}, []int{2, 1, 0}},
		{[]Level{0, 0, 1, 1, 0}, []int{0, 1, 3, 2, 4}},
		{[]Level{1, 1, 2, 2, 1}, []int{4, 2, 3, 1, 0}},
		{[]Level{2, 2, 0, 2}, []int{0, 1, 2, 3}},
		{[]Level{1, 2, 3, 3, 2, 1}, []int{5, 1, 3, 2, 4, 0}},
	}
	for _, tt := range tests {
		if got := VisualOrder(tt.levels); !slices.Equal(got, tt.want) {
			t.Errorf("VisualOrder(%v) = %v, want %v", tt.levels, got, tt.want)
		}
	}
}
