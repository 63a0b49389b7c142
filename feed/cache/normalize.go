package cache

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize folds s into the form that the search index stores and that
// queries are matched in. It never fails. In order:
//
//   - NFKD: presentation forms (Arabic ﻻ, Hebrew שׁ, ligatures, full-width
//     Latin) become base letters, and composed letters split into base
//     letter plus marks;
//   - marks removed: Arabic harakat U+064B–U+065F and U+0670 (this also
//     removes the hamza and madda that NFKD split off أ إ آ ؤ ئ), tatweel
//     U+0640, Hebrew points and cantillation U+0591–U+05C7 (marks only,
//     not the punctuation in that range), Latin combining marks
//     U+0300–U+036F (so "café" matches "cafe");
//   - letters unified: ٱ → ا; ى → ي; ة → ه; and, for Persian typed on an
//     Arabic keyboard and the reverse, Persian ی → Arabic ي and Persian
//     ک → Arabic ك;
//   - NFC, then lower case.
//
// A side effect of the decomposition is that ؤ → و and ئ → ي too, which
// is what most Arabic search normalisers do.
func Normalize(s string) string {
	if isASCII(s) {
		return strings.ToLower(s)
	}
	if out, ok := normalizeSimple(s); ok {
		return out
	}
	d := norm.NFKD.String(s)
	var b strings.Builder
	b.Grow(len(d))
	for _, r := range d {
		if dropped(r) {
			continue
		}
		b.WriteRune(unicode.ToLower(foldLetter(r)))
	}
	return norm.NFC.String(b.String())
}

// normalizeSimple is Normalize for text made only of runes that NFKD
// leaves alone or that it maps itself (simpleRune): most Arabic, Persian,
// Hebrew and English text. It skips both normalisation passes and their
// copies; ok is false, and the full path is taken, at any other rune.
func normalizeSimple(s string) (out string, ok bool) {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if dropped(r) {
			continue
		}
		f, simple := simpleRune(r)
		if !simple {
			return "", false
		}
		b.WriteRune(f)
	}
	return b.String(), true
}

// simpleRune returns what Normalize makes of r when r stands alone,
// with ok when r's NFKD is r itself (or r is one of the hamza and madda
// letters, whose marks Normalize drops), r is not a combining mark, and
// no NFC composition involves it: then Normalize of a text of such runes
// is this mapping applied rune by rune (TestNormalizeSimple checks it
// against the full path).
func simpleRune(r rune) (rune, bool) {
	switch {
	case r < utf8.RuneSelf:
		if 'A' <= r && r <= 'Z' {
			return r + 'a' - 'A', true
		}
		return r, true
	case r == 'آ', r == 'أ', r == 'إ':
		return 'ا', true
	case r == 'ؤ':
		return 'و', true
	case r == 'ئ':
		return 'ي', true
	case r == 0x0675, r == 0x0676, r == 0x0677, r == 0x0678, r == 0x06C0, r == 0x06C2, r == 0x06D3:
		return r, false // compatibility or canonical decompositions
	case r >= 0x0600 && r <= 0x06FF, r >= 0x05D0 && r <= 0x05F4:
		if unicode.Is(unicode.Mn, r) {
			return r, false // a mark Normalize keeps: its order is NFC's
		}
		return foldLetter(r), true
	case r == 0x200C, r == 0x200D, r == 0x2013, r == 0x2014, r == 0x2018, r == 0x2019,
		r == 0x201C, r == 0x201D, r == 0x00AB, r == 0x00BB:
		return r, true // ZWNJ, ZWJ, dashes, quotes
	}
	return r, false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// dropped reports whether Normalize removes r.
func dropped(r rune) bool {
	switch {
	case r >= 0x064B && r <= 0x065F, r == 0x0670, r == 0x0640:
		return true
	case r >= 0x0591 && r <= 0x05C7:
		return unicode.Is(unicode.Mn, r)
	case r >= 0x0300 && r <= 0x036F:
		return true
	}
	return false
}

// foldLetter unifies letters that readers treat as the same for search.
func foldLetter(r rune) rune {
	switch r {
	case 'ٱ', 'أ', 'إ', 'آ': // only ٱ survives NFKD; the rest are here for clarity
		return 'ا'
	case 'ى', 'ی':
		return 'ي'
	case 'ة':
		return 'ه'
	case 'ک':
		return 'ك'
	}
	return r
}

// isTokenRune reports whether r is part of a word. It matches the
// categories given to the FTS5 unicode61 tokenizer (L* N* Co M*), so that
// Go and SQLite split text at the same places.
func isTokenRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r) || unicode.Is(unicode.Co, r)
}

// tokens splits already normalised text into words.
func tokens(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return !isTokenRune(r) })
}

// span is a byte range [start, end) of a string.
type span struct{ start, end int }

// wordSpans returns the byte ranges of the words of s (original,
// unnormalised text).
func wordSpans(s string) []span {
	var out []span
	start := -1
	for i, r := range s {
		in := isTokenRune(r)
		switch {
		case in && start < 0:
			start = i
		case !in && start >= 0:
			out = append(out, span{start, i})
			start = -1
		}
	}
	if start >= 0 {
		out = append(out, span{start, len(s)})
	}
	return out
}
