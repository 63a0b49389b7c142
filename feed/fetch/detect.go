package fetch

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
)

// legacy is a single-byte code page of a right-to-left script that a
// feed may be written in without saying so.
type legacy struct {
	name   string
	enc    *charmap.Charmap
	script *unicode.RangeTable
}

// legacyPages are tried in this order; on a tie the earlier wins (the
// Windows pages are supersets of the ISO ones for letters).
var legacyPages = []legacy{
	{"windows-1256", charmap.Windows1256, unicode.Arabic},
	{"iso-8859-6", charmap.ISO8859_6, unicode.Arabic},
	{"windows-1255", charmap.Windows1255, unicode.Hebrew},
	{"iso-8859-8", charmap.ISO8859_8, unicode.Hebrew},
}

// detectSample bounds the bytes DetectLegacy reads.
const detectSample = 64 << 10

// minLetters is the fewest letters of its script a code page must
// decode before DetectLegacy trusts it.
const minLetters = 8

// DetectLegacy guesses which Arabic, Persian or Hebrew code page body is
// in, for text that declares no charset and is not UTF-8: windows-1256,
// ISO-8859-6, windows-1255 or ISO-8859-8. It decodes the bytes above
// ASCII with each and scores what comes out: a letter of the page's
// script counts for it, unless it touches an ASCII letter (Latin text
// with accents: é, ç and à are Hebrew letters in windows-1255); a byte
// the page leaves undefined, a C1 control or a Latin letter (what one
// page's letters become in another) counts against it. It returns nil when no page decodes mostly into letters of
// its script.
func DetectLegacy(body []byte) (encoding.Encoding, string) {
	sample := body[:min(len(body), detectSample)]
	best, bestScore := -1, 0
	for i, p := range legacyPages {
		score, letters := scoreLegacy(sample, p)
		if letters >= minLetters && score > bestScore {
			best, bestScore = i, score
		}
	}
	if best < 0 {
		return nil, ""
	}
	return legacyPages[best].enc, legacyPages[best].name
}

// scoreLegacy decodes the non-ASCII bytes of b with p and returns their
// score and how many were letters of p's script.
func scoreLegacy(b []byte, p legacy) (score, letters int) {
	for i, c := range b {
		if c < utf8.RuneSelf {
			continue
		}
		r := p.enc.DecodeByte(c)
		switch {
		case r == utf8.RuneError || r >= 0x80 && r <= 0x9F:
			score -= 8 // undefined in this page, or a control
		case unicode.Is(p.script, r) && unicode.IsLetter(r) && touchesASCIILetter(b, i):
			score -= 2
		case unicode.Is(p.script, r) && unicode.IsLetter(r):
			score += 2
			letters++
		case unicode.Is(p.script, r): // marks and punctuation of the script
		case unicode.IsLetter(r):
			score -= 4 // Latin letters: another page's letters
		}
	}
	return score, letters
}

// touchesASCIILetter reports whether a byte next to b[i] is an ASCII
// letter.
func touchesASCIILetter(b []byte, i int) bool {
	isLetter := func(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
	return i > 0 && isLetter(b[i-1]) || i+1 < len(b) && isLetter(b[i+1])
}
