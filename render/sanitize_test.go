package render

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// forbidden reports the first rune of s that must never reach a
// terminal, or -1.
func forbidden(s string, newlines bool) rune {
	if !utf8.ValidString(s) {
		return utf8.RuneError
	}
	for _, r := range s {
		switch {
		case r == '\n' && newlines, r == '\t' && newlines:
		case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f,
			r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069,
			r == 0x200e, r == 0x200f, r == 0x061c, r == 0xfeff, r == 0x2028, r == 0x2029:
			return r
		}
	}
	return -1
}

func TestSanitize(t *testing.T) {
	tests := []struct {
		name, in, want, wantLine string
	}{
		{"plain", "Hello, عالم", "Hello, عالم", "Hello, عالم"},
		{"CSI clear screen", "a\x1b[2Jb", "a[2Jb", "a[2Jb"},
		{"CSI colour", "\x1b[31mred\x1b[0m", "[31mred[0m", "[31mred[0m"},
		{"OSC 52 clipboard", "x\x1b]52;c;ZXZpbA==\x07y", "x]52;c;ZXZpbA==y", "x]52;c;ZXZpbA==y"},
		{"OSC 8 link", "\x1b]8;;http://evil\x1b\\click\x1b]8;;\x1b\\", "]8;;http://evil\\click]8;;\\", "]8;;http://evil\\click]8;;\\"},
		{"C1 CSI", "a\u009b31mb", "a31mb", "a31mb"},
		{"C1 OSC and ST", "a\u009d0;title\u009cb", "a0;titleb", "a0;titleb"},
		{"BEL", "ding\a", "ding", "ding"},
		{"BS overwrite", "safe\b\b\b\bevil", "safeevil", "safeevil"},
		{"bare CR", "shown\rhidden", "shownhidden", "shownhidden"},
		{"CRLF", "one\r\ntwo", "one\ntwo", "one two"},
		{"tab", "a\tb", "a\tb", "a b"},
		{"DEL", "a\x7fb", "ab", "ab"},
		{"NUL and VT", "a\x00\vb", "ab", "ab"},
		{"RLO Trojan source", "if admin \u202e} \u2066// not\u2069 {", "if admin } // not {", "if admin } // not {"},
		{"isolates and marks", "\u2067a\u2069\u200e\u200f\u061cb", "ab", "ab"},
		{"invalid UTF-8", "a\xff\xfeb\xc3", "a\ufffd\ufffdb\ufffd", "a\ufffd\ufffdb\ufffd"},
		{"BOM and soft hyphen", "\ufeffco\u00adop", "coop", "coop"},
		{"line separators", "a\u2028b\u2029c", "a\nb\nc", "a b c"},
		{"tag characters", "a\U000E0041\U000E007Fb", "ab", "ab"},
		{"noncharacter", "a\ufffeb", "a\ufffdb", "a\ufffdb"},
		{"ZWJ and ZWNJ kept", "می\u200cخواهم 👩\u200d💻", "می\u200cخواهم 👩\u200d💻", "می\u200cخواهم 👩\u200d💻"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := Sanitize(tc.in)
			if got != tc.want {
				t.Errorf("Sanitize(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if r := forbidden(got, true); r != -1 {
				t.Errorf("Sanitize(%q) kept %U", tc.in, r)
			}
			line := SanitizeLine(tc.in)
			if line != tc.wantLine {
				t.Errorf("SanitizeLine(%q) = %q, want %q", tc.in, line, tc.wantLine)
			}
			if r := forbidden(line, false); r != -1 {
				t.Errorf("SanitizeLine(%q) kept %U", tc.in, r)
			}
		})
	}
}

// TestSanitizeEveryRune runs every code point through both sanitisers.
func TestSanitizeEveryRune(t *testing.T) {
	var b strings.Builder
	for r := rune(0); r <= 0x10ffff; r++ {
		if r >= 0xd800 && r <= 0xdfff {
			continue
		}
		b.WriteRune(r)
	}
	all := b.String()
	if r := forbidden(Sanitize(all), true); r != -1 {
		t.Errorf("Sanitize kept %U", r)
	}
	if r := forbidden(SanitizeLine(all), false); r != -1 {
		t.Errorf("SanitizeLine kept %U", r)
	}
}

func TestWidth(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0},
		{"abc", 3},
		{"سلام", 4},
		{"بِسْمِ", 3}, // harakat take no cell
		{"日本", 4},
		{"👩\u200d💻", 2},
		{"e\u0301", 1},
	}
	for _, tc := range tests {
		if got := Width(tc.in); got != tc.want {
			t.Errorf("Width(%q) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

func TestIsTerminalControl(t *testing.T) {
	for r, want := range map[rune]bool{
		'\x1b': true, '\x7f': true, '\u009b': true, '\u202e': true, '\u2066': true, '\u200f': true,
		'\ufeff': true, '\u00ad': true, '\U000E0041': true,
		'\n': false, '\t': false, 'a': false, 'ب': false, '\u200c': false, '…': false,
	} {
		if got := IsTerminalControl(r); got != want {
			t.Errorf("IsTerminalControl(%U) = %v, want %v", r, got, want)
		}
	}
}
