package bidi

import "testing"

func TestClassOf(t *testing.T) {
	tests := []struct {
		r    rune
		want Class
	}{
		{'a', L}, {0x05D0, R}, {0x0627, AL}, {'7', EN}, {0x06F7, EN}, {0x0667, AN},
		{'+', ES}, {'%', ET}, {',', CS}, {0x064E, NSM}, {0x200D, BN}, {'\n', B},
		{0x2029, B}, {'\t', S}, {' ', WS}, {'(', ON}, {0x061C, AL}, {0x200F, R},
		{0x202A, LRE}, {0x202D, LRO}, {0x202B, RLE}, {0x202E, RLO}, {0x202C, PDF},
		{0x2066, LRI}, {0x2067, RLI}, {0x2068, FSI}, {0x2069, PDI},
		// Unassigned code points take the defaults stated in DerivedBidiClass.txt.
		{0x05FF, R}, {0x07BF, AL}, {0x20CF, ET}, {0xFDD0, BN}, {0xFFFF, BN},
		{0x1EFFF, R}, {0x1EEFF, AL}, {0x10FFFF, BN}, {0xE0FFF, BN}, {0x3FFFD, L},
		// Outside Unicode.
		{-1, L}, {0x110000, L},
	}
	for _, tt := range tests {
		if got := ClassOf(tt.r); got != tt.want {
			t.Errorf("ClassOf(%U) = %v, want %v", tt.r, got, tt.want)
		}
	}
}

func TestMirror(t *testing.T) {
	tests := []struct{ r, want rune }{
		{'(', ')'}, {')', '('}, {'<', '>'}, {'[', ']'}, {'{', '}'}, {'«', '»'},
		{0x2329, 0x232A}, {0x2264, 0x2265}, {'a', 'a'}, {0x0627, 0x0627}, {'/', '/'},
	}
	for _, tt := range tests {
		if got := Mirror(tt.r); got != tt.want {
			t.Errorf("Mirror(%U) = %U, want %U", tt.r, got, tt.want)
		}
	}
	for _, p := range mirrorPairs { // Mirror skips the table from U+00BC to U+0F39
		if p.from > 0xBB && p.from < 0xF3A {
			t.Errorf("%U is mirrored: Mirror's fast path is wrong", p.from)
		}
	}
}

func TestIsFormatting(t *testing.T) {
	tests := []struct {
		r    rune
		want bool
	}{
		{0x202A, true}, {0x202B, true}, {0x202C, true}, {0x202D, true}, {0x202E, true},
		{0x2066, true}, {0x2067, true}, {0x2068, true}, {0x2069, true},
		{0x200E, true}, {0x200F, true}, {0x061C, true},
		{0x200D, false}, {0x2029, false}, {'a', false}, {0x0627, false}, {0x2065, false},
	}
	for _, tt := range tests {
		if got := IsFormatting(tt.r); got != tt.want {
			t.Errorf("IsFormatting(%U) = %v, want %v", tt.r, got, tt.want)
		}
	}
}

func TestFirstStrong(t *testing.T) {
	tests := []struct {
		text string
		want Direction
	}{
		{"", Auto},
		{"123 !?", Auto},
		{"hello مرحبا", LTR},
		{"2011 مرحبا hello", RTL},
		{"שלום", RTL},
		{"\u2067שלום\u2069 news", LTR}, // isolates are skipped
		{"\u2068abc", Auto},            // up to the end when unmatched
		{"\u2066\u2067a\u2069b\u2069ב", RTL},
		{"\u202Babc", LTR}, // embeddings are not skipped
		{"12\u2029שלום", Auto},
	}
	for _, tt := range tests {
		if got := FirstStrong([]rune(tt.text)); got != tt.want {
			t.Errorf("FirstStrong(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

func TestClassString(t *testing.T) {
	if got := AL.String(); got != "AL" {
		t.Errorf("AL.String() = %q", got)
	}
	if got := Class(42).String(); got != "Class(42)" {
		t.Errorf("Class(42).String() = %q", got)
	}
}
