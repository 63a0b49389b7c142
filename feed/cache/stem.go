package cache

import (
	"strings"
	"unicode/utf8"
)

// Light stemming: Arabic and Hebrew attach conjunctions, prepositions and
// the article to the word (والمغادرة "and the departure", בירושלים "in
// Jerusalem"), and Arabic adds suffixes (المعلمون, المعلمين), so a search
// for the bare word must also find the inflected ones.
//
// A letter that can be a prefix is often the word's own first letter
// (لبنان, ממשלה), so no single stem is right for every word. Instead the
// index keeps, in the stems column, every form a word can be reduced to
// (wordForms), and a query looks its word up among them, together with
// the few reductions of the query word that are safe (queryForms). The
// exact word is matched in the title and body columns, which weigh more,
// so exact forms rank first.

// Minimum length, in letters, of what remains after stripping.
const (
	minStem      = 3 // after any prefix or suffix, in the index
	minArticle   = 2 // after the Arabic article ال, in the index
	minQueryHe   = 4 // after the Hebrew article ה, in a query
	minQueryLong = 6 // after another Hebrew prefix letter, in a query
)

// Arabic affixes, in normalised form (ة is ه, ى is ي; see Normalize),
// longest first within each group.
var (
	arabicConj     = []string{"و", "ف"}
	arabicPrep     = []string{"ب", "ك", "ل"}
	arabicArticles = []string{"ال"}
	// arabicSuffixes: ة/ه, ها, ان, ات, ون, ين, ية, ي.
	arabicSuffixes = []string{"ها", "ان", "ات", "ون", "ين", "يه", "ه", "ي"}
	// arabicQueryPrefixes are the article forms a query word may start
	// with; stripping them is safe (ال does not begin many other words).
	arabicQueryPrefixes = []string{"وال", "فال", "بال", "كال", "لل", "ال"}
)

// Hebrew prefix letters, in the order they attach: ו, then ש or כש,
// then מ, then one of ב כ ל ה (ב כ ל absorb the article ה).
var hebrewLayers = [][]string{{"ו"}, {"כש", "ש"}, {"מ"}, {"ב", "כ", "ל", "ה"}}

type script int

const (
	otherScript script = iota
	arabicScript
	hebrewScript
)

// scriptOf tells which light stemmer applies to the normalised word w.
func scriptOf(w string) script {
	r, _ := utf8.DecodeRuneInString(w)
	switch {
	case r >= 0x0600 && r <= 0x06FF:
		return arabicScript
	case r >= 0x05D0 && r <= 0x05EA:
		return hebrewScript
	}
	return otherScript
}

// runeLen is the number of letters of w.
func runeLen(w string) int { return utf8.RuneCountInString(w) }

// wordForms returns what the index's stems column holds for the
// normalised word w: w itself and every form it reduces to by stripping
// prefixes and suffixes, for Arabic and Hebrew script words; nothing for
// other words.
func wordForms(w string) []string {
	switch scriptOf(w) {
	case arabicScript:
		return arabicForms(w)
	case hebrewScript:
		return hebrewForms(w)
	}
	return nil
}

// arabicForms strips, each optionally and in order, a conjunction, a
// preposition and the article (ل + ال is written لل), then one suffix.
func arabicForms(w string) []string {
	forms := []string{w}
	forms = stripLayer(forms, arabicConj, minStem)
	forms = stripLayer(forms, arabicPrep, minStem)
	forms = stripLayer(forms, arabicArticles, minArticle)
	forms = stripLayer(forms, []string{"لل"}, minArticle)
	for _, f := range forms {
		for _, suf := range arabicSuffixes {
			if strings.HasSuffix(f, suf) && runeLen(f)-runeLen(suf) >= minStem {
				forms = appendNew(forms, strings.TrimSuffix(f, suf))
			}
		}
	}
	return forms
}

// hebrewForms strips prefix letters in the order they attach, each
// leaving at least minStem letters.
func hebrewForms(w string) []string {
	forms := []string{w}
	for _, layer := range hebrewLayers {
		forms = stripLayer(forms, layer, minStem)
	}
	return forms
}

// stripLayer adds to forms each form with one of prefixes removed, when
// at least min letters remain.
func stripLayer(forms, prefixes []string, min int) []string {
	for _, f := range forms {
		for _, p := range prefixes {
			if strings.HasPrefix(f, p) && runeLen(f)-runeLen(p) >= min {
				forms = appendNew(forms, f[len(p):])
			}
		}
	}
	return forms
}

func appendNew(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// queryForms returns the reductions of the normalised query word w that
// a search also looks up in the stems column: for Arabic, w without an
// article form (والـ بالـ للـ …) and without one suffix; for Hebrew, w
// without its article ה (and letters before it), or without prefix
// letters when a long word remains. It never strips a letter that is as
// likely to be the word's own (the و of وزير, the ב of בחירות).
func queryForms(w string) []string {
	var out []string
	switch scriptOf(w) {
	case arabicScript:
		base := w
		for _, p := range arabicQueryPrefixes {
			if strings.HasPrefix(w, p) && runeLen(w)-runeLen(p) >= minArticle {
				base = w[len(p):]
				out = append(out, base)
				break
			}
		}
		for _, suf := range arabicSuffixes {
			if strings.HasSuffix(base, suf) && runeLen(base)-runeLen(suf) >= minStem {
				out = appendNew(out, strings.TrimSuffix(base, suf))
				break
			}
		}
	case hebrewScript:
		for _, f := range hebrewForms(w)[1:] {
			article := strings.HasSuffix(strings.TrimSuffix(w, f), "ה")
			if n := runeLen(f); n >= minQueryLong || article && n >= minQueryHe {
				out = appendNew(out, f)
			}
		}
	}
	return out
}
