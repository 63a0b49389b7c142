package cache

import (
	"slices"
	"strings"
	"unicode"
)

// term is one part of a search query: a word, a phrase of several words,
// or a prefix (the last word of the phrase is a prefix).
type term struct {
	words  []string // normalised
	prefix bool
	// forms are the light-stemmed reductions of a single plain word
	// (queryForms), looked up in the stems column; none for phrases and
	// prefixes.
	forms []string
}

// parseQuery reads a user query: words (all must match), "quoted
// phrases", and word* prefixes. Every other character is just text, so
// no input can make the resulting FTS5 query invalid.
func parseQuery(q string) []term {
	var out []term
	add := func(raw string, quoted bool) {
		raw = strings.TrimSpace(raw)
		prefix := strings.HasSuffix(raw, "*")
		words := tokens(Normalize(raw))
		if len(words) == 0 {
			return
		}
		if !quoted && len(words) > 1 && !prefix {
			// "a-b" or "צה״ל" typed as one word: adjacent tokens, a phrase.
			out = append(out, term{words: words})
			return
		}
		t := term{words: words, prefix: prefix}
		if !quoted && !prefix && len(words) == 1 {
			t.forms = queryForms(words[0])
		}
		out = append(out, t)
	}
	for q != "" {
		q = strings.TrimLeftFunc(q, unicode.IsSpace)
		if q == "" {
			break
		}
		if q[0] == '"' {
			end := strings.IndexByte(q[1:], '"')
			if end < 0 {
				add(q[1:], true)
				break
			}
			add(q[1:1+end], true)
			q = q[2+end:]
			continue
		}
		end := strings.IndexFunc(q, func(r rune) bool { return unicode.IsSpace(r) || r == '"' })
		if end < 0 {
			end = len(q)
		}
		add(q[:end], false)
		q = q[end:]
	}
	return out
}

// matchExpr renders terms as an FTS5 expression joined by op ("AND" or
// "OR"). Every word is double-quoted; words hold only letters, digits and
// marks, so they cannot contain a quote. A plain word matches in every
// column (the stems column holds the word's reductions, so "مغادره"
// finds والمغادرة); its forms match in the stems column only, which
// weighs least, so that exact forms rank first.
func matchExpr(terms []term, op string) string {
	parts := make([]string, 0, len(terms))
	for _, t := range terms {
		p := `"` + strings.Join(t.words, " ") + `"`
		if t.prefix {
			p += "*"
		}
		if len(t.forms) > 0 {
			p = "(" + p + ` OR stems : ("` + strings.Join(t.forms, `" OR "`) + `"))`
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, " "+op+" ")
}

// matches reports whether the word w matches t's word i as the index
// does: a phrase word only as itself; a single word or a prefix also
// when one of w's reductions (wordForms) matches it or its forms.
func (t term) matches(i int, w word) bool {
	last := i == len(t.words)-1
	if len(t.words) > 1 && !(t.prefix && last) {
		return w.norm == t.words[i]
	}
	for _, f := range w.forms {
		if t.prefix && strings.HasPrefix(f, t.words[i]) ||
			!t.prefix && (f == t.words[i] || slices.Contains(t.forms, f)) {
			return true
		}
	}
	return false
}
