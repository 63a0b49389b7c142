// Package i18n is akhbar's user-interface message catalogue in English,
// Arabic, Persian and Hebrew: every string the TUI and its help show, with
// plural forms, the user's choice of digits and localised relative times.
//
// Messages carry no bidi control characters: the renderer's bidi engine
// decides direction. Commands (akhbar add URL) and key names stay Latin.
//
// The catalogue is compiled in, one file per language (en.go, ar.go,
// fa.go, he.go). A message missing from a language falls back to English.
//
// To add a message: declare its MsgID in ids.go, write it in en.go, then
// in each language (a plural if its words change with a count). go test
// lists every message a language still lacks and every form whose verbs
// disagree with English.
package i18n

import (
	"fmt"
	"strings"
)

// Lang is a user-interface language: one of the constants below.
type Lang string

// The languages of the catalogue, named by their ISO 639-1 codes.
const (
	EN Lang = "en" // English
	AR Lang = "ar" // Arabic
	FA Lang = "fa" // Persian
	HE Lang = "he" // Hebrew
)

// Parse reads a language code as written in config.toml ("en", "ar",
// "fa" or "he", any case). It returns an error naming the accepted codes
// for anything else, including "auto": the caller resolves "auto" with
// FromEnv.
func Parse(s string) (Lang, error) {
	switch l := Lang(strings.ToLower(strings.TrimSpace(s))); l {
	case EN, AR, FA, HE:
		return l, nil
	}
	return "", fmt.Errorf("parse language %q: want one of en, ar, fa, he", s)
}

// FromEnv picks the language from the locale variables LC_ALL,
// LC_MESSAGES and LANG, in that order: as in POSIX, the first one set and
// non-empty wins. "ar_EG.UTF-8" gives Arabic, "fa_IR" Persian, "he_IL" or
// the old code "iw" Hebrew; "C", "POSIX" and every other language give
// English. It never fails.
func FromEnv(getenv func(string) string) Lang {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := getenv(name); v != "" {
			return fromLocale(v)
		}
	}
	return EN
}

// fromLocale maps a POSIX locale name (language[_territory][.codeset]
// [@modifier]) to a language of the catalogue.
func fromLocale(v string) Lang {
	code, _, _ := strings.Cut(v, ".")
	code, _, _ = strings.Cut(code, "@")
	code, _, _ = strings.Cut(code, "_")
	code, _, _ = strings.Cut(code, "-")
	switch strings.ToLower(code) {
	case "ar":
		return AR
	case "fa":
		return FA
	case "he", "iw":
		return HE
	}
	return EN
}

// RTL reports whether the language is written right to left, which
// mirrors the layout of the whole user interface.
func (l Lang) RTL() bool {
	return l == AR || l == FA || l == HE
}

// DefaultDigits is the digit set the language uses when the user chose
// none: Arabic-Indic for Arabic, Persian (Extended Arabic-Indic) for
// Persian, Latin for Hebrew and English.
func (l Lang) DefaultDigits() Digits {
	switch l {
	case AR:
		return ArabicIndic
	case FA:
		return Persian
	}
	return Latin
}
