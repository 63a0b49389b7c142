package i18n

import (
	"fmt"
	"strings"
)

// messages is one language's catalogue: plain texts, and texts whose
// words change with a count. An id is in at most one of the two maps.
type messages struct {
	text   map[MsgID]string
	plural map[MsgID]plural
}

// messagesOf returns the catalogue of l, built afresh (nothing is shared
// between catalogues). An unknown language gets the English one.
func messagesOf(l Lang) messages {
	switch l {
	case AR:
		return arabic()
	case FA:
		return persian()
	case HE:
		return hebrew()
	}
	return english()
}

// lookup finds id in m and picks the plural form for count (when hasCount)
// by the rules of language l.
func (m messages) lookup(l Lang, id MsgID, count int, hasCount bool) (string, bool) {
	if s, ok := m.text[id]; ok {
		return s, true
	}
	p, ok := m.plural[id]
	if !ok {
		return "", false
	}
	if !hasCount {
		return p.other, true
	}
	return p.pick(formOf(l, count)), true
}

// Catalog gives the messages of one language in one digit set. It is
// read-only once made, so one Catalog may serve many goroutines.
type Catalog struct {
	lang   Lang
	digits Digits
	own    messages // the language's messages
	en     messages // English, for ids the language lacks
}

// New makes the catalogue of language l writing numbers in digits d. An
// unknown language gives English; it never fails.
func New(l Lang, d Digits) *Catalog {
	if _, err := Parse(string(l)); err != nil {
		l = EN
	}
	c := &Catalog{lang: l, digits: d, en: english()}
	c.own = c.en
	if l != EN {
		c.own = messagesOf(l)
	}
	return c
}

// Lang is the catalogue's language.
func (c *Catalog) Lang() Lang { return c.lang }

// Digits is the digit set the catalogue writes numbers in.
func (c *Catalog) Digits() Digits { return c.digits }

// T returns the message for id filled in with fmt-style args. Integer
// arguments (int, int64, int32) are written in the catalogue's digits with
// thousands grouped, and the first of them picks the plural form of a
// counted message. An id missing from the language falls back to English;
// an id missing from English as well (a programming error, which the
// package's tests catch) returns the id itself rather than panicking.
func (c *Catalog) T(id MsgID, args ...any) string {
	count, hasCount := firstInt(args)
	format, ok := c.own.lookup(c.lang, id, count, hasCount)
	if !ok {
		format, ok = c.en.lookup(EN, id, count, hasCount)
	}
	if !ok {
		return string(id)
	}
	if !strings.Contains(format, "%") {
		return format // "منذ ساعة": the words say the count
	}
	return fmt.Sprintf(format, c.localise(args)...)
}

// localise wraps the integer arguments so that they print in the
// catalogue's digits; it returns a new slice and leaves args alone.
func (c *Catalog) localise(args []any) []any {
	out := make([]any, len(args))
	for i, a := range args {
		if n, ok := asInt(a); ok {
			a = localInt{n: n, c: c}
		}
		out[i] = a
	}
	return out
}

// firstInt returns the first integer argument, the count of a plural.
func firstInt(args []any) (int, bool) {
	for _, a := range args {
		if n, ok := asInt(a); ok {
			return n, true
		}
	}
	return 0, false
}

// asInt reports whether a is an integer of a kind T localises.
func asInt(a any) (int, bool) {
	switch n := a.(type) {
	case int:
		return n, true
	case int64:
		return int(n), true
	case int32:
		return int(n), true
	}
	return 0, false
}
