package feedtest

import (
	"fmt"
	"net/url"
	"strings"
	"unicode/utf8"
)

// Attack is one hostile string a server can put in any text field.
type Attack struct {
	Name string
	Text string
}

// Attacks lists the hostile strings of issue 6, each as it would reach
// akhbar after gofeed, JSON or HTML decoding.
func Attacks() []Attack {
	return []Attack{
		{"CSI clear screen", "\x1b[2J\x1b[H"},
		{"CSI hostile colour", "\x1b[31;5m"},
		{"CSI alternate screen", "\x1b[?1049h"},
		{"OSC 52 clipboard write", "\x1b]52;c;ZWNobyBwd25lZA==\x07"},
		{"OSC 8 fake hyperlink", "\x1b]8;;https://evil.example/\x1b\\click\x1b]8;;\x1b\\"},
		{"OSC 8 javascript hyperlink", "\x1b]8;;javascript:alert(1)\x07click\x1b]8;;\x07"},
		{"OSC 0 window title", "\x1b]0;pwned-title\x07"},
		{"OSC 2 window title", "\x1b]2;pwned-title\x1b\\"},
		{"DCS query", "\x1bP+q544e\x1b\\"},
		{"reset", "\x1bc"},
		{"C1 CSI", "\u009b2J"},
		{"C1 OSC", "\u009d0;pwned-c1\u009c"},
		{"C1 as raw bytes", "\x9b2J"},
		{"BEL", "\a\a"},
		{"BS overwrite", "safe\b\b\b\bevil"},
		{"bare CR", "shown\rhidden"},
		{"DEL", "a\x7fb"},
		{"NUL VT FF", "\x00\v\f"},
		{"Trojan Source RLO", "if admin \u202e} \u2066// not admin\u2069 {"},
		{"embeddings and isolates", "\u202aa\u202c\u202bb\u202c\u202dc\u202c\u2067d\u2069\u2068e\u2069"},
		{"bidi marks", "\u200e\u200f\u061c"},
		{"invalid UTF-8", "\xff\xfe\xc3"},
		{"line and paragraph separators", "a\u2028b\u2029c"},
		{"javascript link", "javascript:alert(document.cookie)"},
		{"data link", "data:text/html;base64,PHNjcmlwdD4="},
		{"file link", "file:///etc/passwd"},
		{"shell link", "https://example.com/a b/$(touch akhbar-pwned)/`id`"},
		{"newline link", "https://example.com/x\n-rf"},
		{"leading dash link", "-oProxyCommand=touch akhbar-pwned"},
	}
}

// CheckTerminal reports the first thing in out that must never reach a
// terminal from the network: an ESC that does not start one of akhbar's
// own sequences, a C1 control, BEL, BS, CR, DEL, any other C0 control
// but newline and tab, a bidi embedding, override or mark, an isolate
// that is not one of akhbar's own, or invalid UTF-8. With styles,
// akhbar's own SGR sequences and OSC 8 hyperlinks to http(s) URLs are
// allowed; without, no ESC at all. akhbar's own isolates are LRI or RLI
// with their PDI, balanced within each line (Logical mode writes them);
// FSI, a PDI with nothing to close and an isolate left open at a line's
// end are reported. It returns nil when out is clean.
func CheckTerminal(out string, styles bool) error {
	depth := 0
	for i := 0; i < len(out); {
		r, size := utf8.DecodeRuneInString(out[i:])
		if r == utf8.RuneError && size == 1 {
			return fmt.Errorf("invalid UTF-8 at byte %d: %q", i, around(out, i))
		}
		if r == 0x1b && styles {
			if n := ownSequence(out[i:]); n > 0 {
				i += n
				continue
			}
		}
		switch {
		case r == 0x2066, r == 0x2067:
			depth++
		case r == 0x2069 && depth > 0:
			depth--
		case r == '\n' && depth != 0:
			return fmt.Errorf("isolate left open at byte %d: %q", i, around(out, i))
		case Forbidden(r):
			return fmt.Errorf("%U at byte %d: %q", r, i, around(out, i))
		}
		i += size
	}
	if depth != 0 {
		return fmt.Errorf("isolate left open at the end: %q", around(out, len(out)-1))
	}
	return nil
}

// Forbidden reports whether r must never reach a terminal from untrusted
// text: C0 controls but newline and tab, DEL, C1 controls, the bidi
// embedding, override and isolate controls and marks, and the Unicode
// line and paragraph separators.
func Forbidden(r rune) bool {
	switch {
	case r == '\n', r == '\t':
		return false
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	case r == 0x2028, r == 0x2029: // terminals disagree on what they do
		return true
	}
	return false
}

// ContainsAttack reports the first attack of Attacks whose escape
// sequence appears verbatim in out. CheckTerminal with styles cannot tell
// a server's SGR or OSC 8 from akhbar's own; this can, for the known
// ones.
func ContainsAttack(out string) (Attack, bool) {
	for _, a := range Attacks() {
		if strings.ContainsRune(a.Text, 0x1b) && strings.Contains(out, a.Text) {
			return a, true
		}
	}
	return Attack{}, false
}

// ownSequence returns the length of the SGR sequence or OSC 8 hyperlink
// at the start of s, or 0 when s starts with anything else.
func ownSequence(s string) int {
	switch {
	case strings.HasPrefix(s, "\x1b["):
		for i := 2; i < len(s); i++ {
			c := s[i]
			switch {
			case c == 'm':
				return i + 1
			case c >= '0' && c <= '9', c == ';', c == ':':
			default:
				return 0
			}
		}
	case strings.HasPrefix(s, "\x1b]8;"):
		return hyperlink(s)
	}
	return 0
}

// hyperlink returns the length of "ESC ]8;params;URI ST" at the start of
// s when URI is empty (a link's end) or an http(s) URL with nothing a
// terminal could act on; else 0.
func hyperlink(s string) int {
	end, stLen := strings.Index(s, "\x1b\\"), 2
	if bel := strings.IndexByte(s, 0x07); bel >= 0 && (end < 0 || bel < end) {
		end, stLen = bel, 1
	}
	if end < 0 {
		return 0
	}
	params, uri, ok := strings.Cut(s[len("\x1b]8;"):end], ";")
	if !ok || strings.ContainsFunc(params, unsafeInLink) || strings.ContainsFunc(uri, unsafeInLink) {
		return 0
	}
	if uri != "" {
		u, err := url.Parse(uri)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return 0
		}
	}
	return end + stLen
}

func unsafeInLink(r rune) bool { return r <= ' ' || Forbidden(r) || r == utf8.RuneError }

// around is the text near byte i of s, for error messages.
func around(s string, i int) string {
	return s[max(i-30, 0):min(i+30, len(s))]
}
