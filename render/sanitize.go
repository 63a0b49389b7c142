package render

import (
	"strings"
	"unicode/utf8"
)

// runeClass says what the layout does with one rune of untrusted text.
type runeClass uint8

const (
	keepRune    runeClass = iota // printable: written as is
	dropRune                     // never written (controls, invisible hazards)
	bidiControl                  // read by the bidi algorithm, never written
	newlineRune                  // a line or paragraph separator
	tabRune                      // a horizontal tab
	badRune                      // written as U+FFFD (noncharacters)
)

// classify sorts a rune into its runeClass. It is the one place that
// decides which characters may reach the terminal.
func classify(r rune) runeClass {
	switch {
	case r == '\n', r == '\u2028', r == '\u2029':
		return newlineRune
	case r == '\t':
		return tabRune
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		// C0 (ESC, BEL, BS, CR …), DEL and C1 (CSI U+009B, OSC U+009D, ST U+009C …).
		return dropRune
	case r == '\u200e', r == '\u200f', r == '\u061c',
		r >= '\u202a' && r <= '\u202e', r >= '\u2066' && r <= '\u2069':
		return bidiControl
	case r == '\u00ad', // soft hyphen: width differs between terminals
		r >= '\u206a' && r <= '\u206f', // deprecated shaping and swapping controls
		r == '\ufeff',                  // byte order mark
		r >= '\ufff9' && r <= '\ufffb', // interlinear annotation controls
		r >= 0xe0000 && r <= 0xe007f:   // tag characters (can hide text)
		return dropRune
	case r >= '\ufdd0' && r <= '\ufdef', r&0xfffe == 0xfffe:
		return badRune
	}
	return keepRune
}

// IsTerminalControl reports whether a terminal may act on r, or r may
// hide or reorder text: the controls, bidi controls and invisible
// characters Sanitize never writes (newline and tab excepted). Writers of
// machine formats (JSON, XML) escape these instead of dropping them.
func IsTerminalControl(r rune) bool {
	c := classify(r)
	return c == dropRune || c == bidiControl
}

// Sanitize makes any untrusted text safe to write to a terminal. It
// removes escape sequences' introducers and every other C0 and C1
// control except newline and tab, DEL, bidi embedding, override and
// isolate controls and marks, and invisible characters a terminal may
// act on; it turns "\r\n", U+2028 and U+2029 into "\n" and invalid UTF-8
// into U+FFFD. It cannot fail.
func Sanitize(s string) string {
	return sanitize(s, false)
}

// SanitizeLine is Sanitize for text that must stay on one line (titles,
// status messages, the window title): newlines and tabs become spaces.
func SanitizeLine(s string) string {
	return sanitize(s, true)
}

func sanitize(s string, oneLine bool) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch classify(r) {
		case keepRune:
			b.WriteRune(r) // an invalid byte decodes to U+FFFD
		case badRune:
			b.WriteRune(utf8.RuneError)
		case newlineRune:
			if oneLine {
				b.WriteByte(' ')
			} else {
				b.WriteByte('\n')
			}
		case tabRune:
			if oneLine {
				b.WriteByte(' ')
			} else {
				b.WriteByte('\t')
			}
		}
	}
	return b.String()
}
