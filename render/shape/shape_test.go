package shape

import (
	"fmt"
	"slices"
	"testing"
)

// Expected forms are worked out by hand from UnicodeData.txt and ArabicShaping.txt.
var shapeTests = []struct {
	name string
	in   string
	want []rune
	src  []int // nil means one output rune per input rune
}{
	{"empty", "", []rune{}, nil},
	{"latin", "abc, 123!", []rune("abc, 123!"), nil},
	{"hamza alone", "ء", []rune{0xFE80}, nil},
	{"as-salam: alef, lam-seen, lam-alef final, meem", "السلام",
		[]rune{0xFE8D, 0xFEDF, 0xFEB4, 0xFEFC, 0xFEE1}, []int{0, 1, 2, 3, 5}},
	{"la isolated", "لا", []rune{0xFEFB}, []int{0}},
	{"li-anna: lam-alef-hamza isolated, noon isolated", "لأن", []rune{0xFEF7, 0xFEE5}, []int{0, 2}},
	{"lam-alef-madda", "الآن", []rune{0xFE8D, 0xFEF5, 0xFEE5}, []int{0, 1, 3}},
	{"lam-alef-hamza-below final", "فلإ", []rune{0xFED3, 0xFEFA}, []int{0, 1}},
	{"muhammad with harakat", "مُحَمَّد",
		[]rune{0xFEE3, 0x064F, 0xFEA4, 0x064E, 0xFEE4, 0x064E, 0x0651, 0xFEAA}, nil},
	{"fatha between lam and alef goes after the ligature", "لَا", []rune{0xFEFB, 0x064E}, []int{0, 1}},
	{"marks around lam-alef", "\u0641\u0644\u0651\u064e\u0623\u064b", []rune{0xFED3, 0xFEF8, 0x0651, 0x064E, 0x064B},
		[]int{0, 1, 2, 3, 5}},
	{"zwj between lam and alef: no ligature, still joined", "ل\u200dا", []rune{0xFEDF, 0x200D, 0xFE8E}, nil},
	{"zwnj between lam and alef: no ligature, not joined", "ل\u200cا", []rune{0xFEDD, 0x200C, 0xFE8D}, nil},
	{"tatweel between lam and alef", "لـا", []rune{0xFEDF, 0x0640, 0xFE8E}, nil},
	{"lam-alef then a joining letter", "لاب", []rune{0xFEFB, 0xFE8F}, []int{0, 2}},
	{"beh tatweel", "بـ", []rune{0xFE91, 0x0640}, nil},
	{"tatweel beh", "ـب", []rune{0x0640, 0xFE90}, nil},
	{"beh zwj", "ب\u200d", []rune{0xFE91, 0x200D}, nil},
	{"zwnj breaks joining", "ب\u200cب", []rune{0xFE8F, 0x200C, 0xFE8F}, nil},
	{"rlm is transparent", "ب\u200fب", []rune{0xFE91, 0x200F, 0xFE90}, nil},
	{"space breaks joining", "بب بب", []rune{0xFE91, 0xFE90, ' ', 0xFE91, 0xFE90}, nil},
	{"madrasa: teh marbuta final", "مدرسة", []rune{0xFEE3, 0xFEAA, 0xFEAD, 0xFEB3, 0xFE94}, nil},
	{"ala: alef maksura final", "على", []rune{0xFECB, 0xFEE0, 0xFEF0}, nil},
	{"ma': hamza after alef", "ماء", []rune{0xFEE3, 0xFE8E, 0xFE80}, nil},
	{"digits between letters", "في 2024م", []rune{0xFED3, 0xFEF2, ' ', '2', '0', '2', '4', 0xFEE1}, nil},
	{"persian mi-khaham with zwnj", "می\u200cخواهم",
		[]rune{0xFEE3, 0xFBFD, 0x200C, 0xFEA7, 0xFEEE, 0xFE8D, 0xFEEB, 0xFEE2}, nil},
	{"persian pazhuhesh", "پژوهش", []rune{0xFB58, 0xFB8B, 0xFEED, 0xFEEB, 0xFEB6}, nil},
	{"persian chiz", "چیز", []rune{0xFB7C, 0xFBFF, 0xFEB0}, nil},
	{"persian gak", "گک", []rune{0xFB94, 0xFB8F}, nil},
	{"urdu pakistan", "پاکستان", []rune{0xFB58, 0xFE8E, 0xFB90, 0xFEB4, 0xFE98, 0xFE8E, 0xFEE5}, nil},
	{"urdu hai", "ہے", []rune{0xFBA8, 0xFBAF}, nil},
	{"urdu noon ghunna alone", "ں", []rune{0xFB9E}, nil},
	{"urdu mein", "میں", []rune{0xFEE3, 0xFBFF, 0xFB9F}, nil},
	{"urdu bhai: do-chashmi heh medial", "بھائی", []rune{0xFE91, 0xFBAD, 0xFE8E, 0xFE8B, 0xFBFD}, nil},
	{"urdu doctor: ddal, tteh, reh", "ڈاکٹر", []rune{0xFB88, 0xFE8D, 0xFB90, 0xFB69, 0xFEAE}, nil},
	{"urdu larka: rreh", "لڑکا", []rune{0xFEDF, 0xFB8D, 0xFB90, 0xFE8E}, nil},
	{"noon ghunna has no medial: final", "بںب", []rune{0xFE91, 0xFB9F, 0xFE90}, nil},
	{"noon ghunna has no initial: isolated", "ںب", []rune{0xFB9E, 0xFE90}, nil},
	{"letter without forms joins but stays", "ب\u08a0ب", []rune{0xFE91, 0x08A0, 0xFE90}, nil},
	{"mark at line start", "\u064eب", []rune{0x064E, 0xFE8F}, nil},
	{"hebrew unchanged", "שלום", []rune("שלום"), nil},
}

func TestShape(t *testing.T) {
	for _, tt := range shapeTests {
		t.Run(tt.name, func(t *testing.T) {
			out, src := Shape([]rune(tt.in))
			if !slices.Equal(out, tt.want) {
				t.Errorf("Shape(%q) = %s, want %s", tt.in, hex(out), hex(tt.want))
			}
			wantSrc := tt.src
			if wantSrc == nil {
				wantSrc = make([]int, len(tt.want))
				for i := range wantSrc {
					wantSrc[i] = i
				}
			}
			if !slices.Equal(src, wantSrc) {
				t.Errorf("Shape(%q) src = %v, want %v", tt.in, src, wantSrc)
			}
		})
	}
}

func TestNeedsShaping(t *testing.T) {
	for _, tt := range shapeTests {
		t.Run(tt.name, func(t *testing.T) {
			in := []rune(tt.in)
			out, _ := Shape(in)
			want := !slices.Equal(in, out)
			if got := NeedsShaping(in); got != want {
				t.Errorf("NeedsShaping(%q) = %v, want %v", tt.in, got, want)
			}
		})
	}
}

func TestShapeDoesNotAlias(t *testing.T) {
	in := []rune("abc")
	out, _ := Shape(in)
	out[0] = 'x'
	if in[0] != 'a' {
		t.Errorf("Shape returned a slice sharing memory with its input")
	}
}

// hex formats runes as code points for readable failure messages.
func hex(rs []rune) string {
	s := "["
	for i, r := range rs {
		if i > 0 {
			s += " "
		}
		s += fmt.Sprintf("%04X", r)
	}
	return s + "]"
}
