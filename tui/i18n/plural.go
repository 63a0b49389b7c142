package i18n

// plural holds the forms of a message whose words change with a count:
// the first integer argument of T picks the form by the rules of the
// message's language (see formOf). An empty form falls back to other.
//
// A form other than other may leave out the count itself when its words
// say it ("منذ ساعتين"); if other arguments remain, it must name them by
// index (%[2]d) so that fmt neither misplaces them nor reports the count
// as an extra argument.
type plural struct {
	zero, one, two, few, many, other string
}

// form is a plural category, as in Unicode CLDR.
type form int

const (
	formOther form = iota
	formZero
	formOne
	formTwo
	formFew
	formMany
)

// pick returns the text of the form, or of other when that form is empty.
func (p plural) pick(f form) string {
	var s string
	switch f {
	case formZero:
		s = p.zero
	case formOne:
		s = p.one
	case formTwo:
		s = p.two
	case formFew:
		s = p.few
	case formMany:
		s = p.many
	}
	if s == "" {
		return p.other
	}
	return s
}

// formOf is the plural category of n in language l:
//
//   - Arabic (CLDR): 0 zero, 1 one, 2 two, n%100 in 3–10 few, n%100 in
//     11–99 many, else other (100, 101, 102, …).
//   - Hebrew: 1 one, 2 two (the dual: שעתיים, יומיים), else other.
//   - Persian and English: 1 one, else other. (Persian nouns stay singular
//     after a number, so one only lets a message say "یک" instead of "۱".)
func formOf(l Lang, n int) form {
	if n < 0 {
		n = -n
	}
	switch {
	case n == 1:
		return formOne
	case l == AR && n == 0:
		return formZero
	case (l == AR || l == HE) && n == 2:
		return formTwo
	case l == AR && n%100 >= 3 && n%100 <= 10:
		return formFew
	case l == AR && n%100 >= 11:
		return formMany
	}
	return formOther
}
