package cache

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"أَحْمَد", "احمد"},                    // harakat and hamza on alef
		{"إسلام آمال ٱلله", "اسلام امال الله"}, // hamza below, madda, wasla
		{"مُصْطَفَى", "مصطفي"},                 // alef maksura
		{"مدرسة", "مدرسه"},                     // teh marbuta
		{"كـــتاب", "كتاب"},                    // tatweel
		{"سؤال رئيس", "سوال رييس"},             // hamza on waw and yeh (side effect of NFKD)
		{"ایران", "ايران"},                     // Persian yeh → Arabic yeh
		{"کتاب", "كتاب"},                       // Persian keheh → Arabic kaf
		{"ﺃﺣﻤﺪ ﻻ", "احمد لا"},                  // presentation forms
		{"שָׁלוֹם", "שלום"},                    // niqqud
		{"בְּרֵאשִׁית", "בראשית"},              // niqqud with dagesh
		{"צה״ל", "צה״ל"},                       // gershayim is punctuation: kept
		{"Hello WORLD", "hello world"},         // ASCII fast path
		{"Café ÉTÉ", "cafe ete"},               // Latin accents
		{"ＡＢＣ١٢٣", "abc١٢٣"},                   // full-width Latin; Arabic-Indic digits kept
		{"", ""},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestParseQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"احمد", `"احمد"`},
		{"أَحْمَد  المدرسة", `"احمد" AND ("المدرسه" OR stems : ("مدرسه" OR "مدرس"))`},
		{"مغادرة", `("مغادره" OR stems : ("مغادر"))`},
		{"כנסת", `"כנסת"`},
		{"הכנסת", `("הכנסת" OR stems : ("כנסת"))`},
		{"בירושלים", `("בירושלים" OR stems : ("ירושלים"))`},
		{"בחירות", `"בחירות"`}, // ב may be the word's own: no long word remains
		{"وزير", `"وزير"`},     // و alone is not stripped from a query
		{"اقتصا*", `"اقتصا"*`},
		{`"شبه الجزيرة"`, `"شبه الجزيره"`},
		{`"شبه الجزي*"`, `"شبه الجزي"*`},
		{`"unclosed phrase`, `"unclosed phrase"`},
		{"צה״ל", `"צה ל"`},
		{"a AND b", `"a" AND "and" AND "b"`},
		{`NEAR(x y)`, `"near x" AND "y"`},
		{`"(*`, ``},
		{`* " ( ) : ^ - +`, ``},
		{"", ""},
	}
	for _, tt := range tests {
		if got := matchExpr(parseQuery(tt.in), "AND"); got != tt.want {
			t.Errorf("query %q → %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestSnippet(t *testing.T) {
	long := "كلمة "
	for range 10 {
		long += "حشو "
	}
	tests := []struct {
		name, text, query string
		matches           []string // the text of each match range
		prefix            bool     // snippet starts with "… "
	}{
		{"harakat kept in the original", "زار أَحْمَد المدرسة.", "احمد", []string{"أَحْمَد"}, false},
		{"prefix and two terms", "تقرير عن الأوضاع الاقتصادية والاقتصاد", "الاقتصا* تقرير", []string{"تقرير", "الاقتصادية", "والاقتصاد"}, false},
		{"stemmed word", "وصلت الطائرة والمغادرة متأخرة", "مغادرة", []string{"والمغادرة"}, false},
		{"phrase", "شبه الجزيرة وليس الجزيرة شبه", `"شبه الجزيرة"`, []string{"شبه الجزيرة"}, false},
		{"window starts before the match", long + "النهاية المقصودة", "المقصوده", []string{"المقصودة"}, true},
		{"no match in the body", "نص بلا تطابق", "غائب", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			snip, match := snippet(tt.text, parseQuery(tt.query))
			var got []string
			for _, m := range match {
				got = append(got, snip[m[0]:m[1]])
			}
			if len(got) != len(tt.matches) {
				t.Fatalf("snippet %q: matches %q, want %q", snip, got, tt.matches)
			}
			for i := range got {
				if got[i] != tt.matches[i] {
					t.Fatalf("snippet %q: matches %q, want %q", snip, got, tt.matches)
				}
			}
			if has := len(snip) > 3 && snip[:len("… ")] == "… "; has != tt.prefix {
				t.Fatalf("snippet %q: leading ellipsis %v, want %v", snip, has, tt.prefix)
			}
		})
	}
}

// TestNormalizeSimple checks the fast path of Normalize against the full
// one (NFKD, drop, fold, NFC, lower): on every rune it takes alone, and
// on random texts of those runes mixed with the marks Normalize drops.
func TestNormalizeSimple(t *testing.T) {
	var simple []rune
	for r := rune(0); r <= 0xFFFF; r++ {
		if _, ok := simpleRune(r); !ok || dropped(r) {
			continue
		}
		simple = append(simple, r)
		s := string(r)
		if got, want := Normalize(s), normalizeFull(s); got != want {
			t.Errorf("Normalize(%U) = %q, the full path gives %q", r, got, want)
		}
	}
	if len(simple) < 300 {
		t.Fatalf("only %d runes take the fast path", len(simple))
	}
	marks := []rune{0x064B, 0x0651, 0x0653, 0x0654, 0x0655, 0x0670, 0x0640, 0x05B0, 0x05BC, 0x05C1, 0x0301}
	rng := rand.New(rand.NewPCG(15, 15))
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(12) {
			if rng.IntN(3) == 0 {
				b.WriteRune(marks[rng.IntN(len(marks))])
			} else {
				b.WriteRune(simple[rng.IntN(len(simple))])
			}
		}
		s := b.String()
		if _, ok := normalizeSimple(s); !ok {
			t.Fatalf("%q left the fast path", s)
		}
		if got, want := Normalize(s), normalizeFull(s); got != want {
			t.Fatalf("Normalize(%q) = %q, the full path gives %q", s, got, want)
		}
	}
}

// normalizeFull is Normalize's general path, written out again.
func normalizeFull(s string) string {
	var b strings.Builder
	for _, r := range norm.NFKD.String(s) {
		if !dropped(r) {
			b.WriteRune(unicode.ToLower(foldLetter(r)))
		}
	}
	return norm.NFC.String(b.String())
}
