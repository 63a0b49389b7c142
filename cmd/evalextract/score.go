package main

import (
	"strings"
	"unicode"
)

// shingleSize is the number of words in one shingle.
const shingleSize = 4

// score is the precision, recall and F1 of one extraction.
type score struct{ P, R, F1 float64 }

// tokens splits text into lower-case words: runs of letters, numbers and
// underscores, as the benchmark's Unicode `\w+` finds them (combining
// marks split words there too, so they do here).
func tokens(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_')
	})
}

// shingles counts the word 4-grams of text. A text of fewer than four
// words is one shingle; an empty text has none.
func shingles(text string) map[string]int {
	words := tokens(text)
	out := map[string]int{}
	if len(words) == 0 {
		return out
	}
	for i := 0; i == 0 || i+shingleSize <= len(words); i++ {
		out[strings.Join(words[i:min(i+shingleSize, len(words))], " ")]++
	}
	return out
}

// scoreText compares an extracted text with the true body as multisets
// of shingles. Two empty texts agree fully; an empty extraction of a
// non-empty body scores zero.
func scoreText(got, want string) score {
	g, w := shingles(got), shingles(want)
	tp, fp, fn := 0, 0, 0
	for s, n := range g {
		m := w[s]
		tp += min(n, m)
		fp += max(n-m, 0)
	}
	for s, m := range w {
		fn += max(m-g[s], 0)
	}
	if tp+fp+fn == 0 {
		return score{1, 1, 1}
	}
	var sc score
	if tp+fp > 0 {
		sc.P = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		sc.R = float64(tp) / float64(tp+fn)
	}
	if sc.P+sc.R > 0 {
		sc.F1 = 2 * sc.P * sc.R / (sc.P + sc.R)
	}
	return sc
}
