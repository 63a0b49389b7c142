package cache

import "strings"

// Snippet size, in words: how many before the first match, how many in all.
const (
	snippetBefore = 8
	snippetWords  = 32
)

// word is one token of an original text: its normalised form and the
// byte range of the original word it came from (a word such as "ﷺ" or
// "a-b" may give several tokens with the same range).
type word struct {
	norm  string
	forms []string // norm and its reductions (wordForms)
	span
}

func newWord(norm string, sp span) word {
	forms := wordForms(norm)
	if forms == nil {
		forms = []string{norm}
	}
	return word{norm, forms, sp}
}

// textWords splits original text into normalised tokens, stopping after
// the snippet window around the first match of terms (or at the end).
func textWords(text string, terms []term) (ws []word, first int) {
	first = -1
	for _, sp := range wordSpans(text) {
		for _, tok := range tokens(Normalize(text[sp.start:sp.end])) {
			ws = append(ws, newWord(tok, sp))
			if first < 0 {
				first = firstMatch(ws, terms)
			}
		}
		if first >= 0 && len(ws) > first+snippetWords {
			break
		}
	}
	return ws, first
}

// firstMatch returns the index of the first word where a term matches
// ending at the last word of ws, or -1. Called as ws grows, it finds the
// earliest match.
func firstMatch(ws []word, terms []term) int {
	for _, t := range terms {
		start := len(ws) - len(t.words)
		if start >= 0 && matchAt(ws, start, t) {
			return start
		}
	}
	return -1
}

func matchAt(ws []word, k int, t term) bool {
	if k+len(t.words) > len(ws) {
		return false
	}
	for j := range t.words {
		if !t.matches(j, ws[k+j]) {
			return false
		}
	}
	return true
}

// snippet cuts plain text around the first match of terms out of text
// (the start of text when nothing matches) and returns it with the byte
// ranges of every match inside it. Line breaks become spaces.
func snippet(text string, terms []term) (string, [][2]int) {
	ws, first := textWords(text, terms)
	if len(ws) == 0 {
		return "", nil
	}
	from := max(first-snippetBefore, 0)
	to := min(from+snippetWords, len(ws)) - 1
	start, end := ws[from].start, ws[to].end
	var match [][2]int
	for k := from; k <= to; k++ {
		for _, t := range terms {
			if matchAt(ws, k, t) {
				last := ws[min(k+len(t.words)-1, to)]
				match = append(match, [2]int{ws[k].start - start, last.end - start})
			}
		}
	}
	prefix, suffix := "", ""
	if start > 0 {
		prefix = "… "
	}
	if end < len(text) {
		suffix = " …"
	}
	for i := range match {
		match[i][0] += len(prefix)
		match[i][1] += len(prefix)
	}
	body := strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' || r == '\t' {
			return ' '
		}
		return r
	}, text[start:end])
	return prefix + body + suffix, mergeRanges(match)
}

// mergeRanges drops ranges that start inside the previous one (several
// tokens of one original word, or overlapping terms).
func mergeRanges(rs [][2]int) [][2]int {
	var out [][2]int
	for _, r := range rs {
		if n := len(out); n > 0 && r[0] < out[n-1][1] {
			out[n-1][1] = max(out[n-1][1], r[1])
			continue
		}
		out = append(out, r)
	}
	return out
}
