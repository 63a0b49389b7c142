package cache

import (
	"strings"
	"unicode"
)

// term is one part of a search query: a word, a phrase of several words,
// or a prefix (the last word of the phrase is a prefix).
type term struct {
	words  []string // normalised
	prefix bool
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
		out = append(out, term{words: words, prefix: prefix})
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
// marks, so they cannot contain a quote.
func matchExpr(terms []term, op string) string {
	parts := make([]string, 0, len(terms))
	for _, t := range terms {
		p := `"` + strings.Join(t.words, " ") + `"`
		if t.prefix {
			p += "*"
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, " "+op+" ")
}

// matches reports whether the normalised word w matches t's word i.
func (t term) matches(i int, w string) bool {
	if t.prefix && i == len(t.words)-1 {
		return strings.HasPrefix(w, t.words[i])
	}
	return w == t.words[i]
}
