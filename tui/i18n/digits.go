package i18n

import (
	"fmt"
	"strconv"
	"strings"
)

// Digits is the set of digits numbers are written in.
type Digits int

// The digit sets.
const (
	Latin       Digits = iota // 0123456789
	ArabicIndic               // ٠١٢٣٤٥٦٧٨٩ (U+0660–U+0669)
	Persian                   // ۰۱۲۳۴۵۶۷۸۹ Extended Arabic-Indic (U+06F0–U+06F9)
)

// ParseDigits reads a digit set as written in config.toml: "latin",
// "arabic" (Arabic-Indic) or "persian" (Extended Arabic-Indic), any case.
// Anything else is an error naming the accepted values.
func ParseDigits(s string) (Digits, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "latin":
		return Latin, nil
	case "arabic":
		return ArabicIndic, nil
	case "persian":
		return Persian, nil
	}
	return Latin, fmt.Errorf("parse digits %q: want one of latin, arabic, persian", s)
}

// String names the digit set as ParseDigits reads it; an unknown value
// prints as "latin", the set it is written in.
func (d Digits) String() string {
	switch d {
	case ArabicIndic:
		return "arabic"
	case Persian:
		return "persian"
	}
	return "latin"
}

// zero is the digit zero of the set; the other nine follow it.
func (d Digits) zero() rune {
	switch d {
	case ArabicIndic:
		return '٠'
	case Persian:
		return '۰'
	}
	return '0'
}

// groupSeparator separates thousands. The Arabic thousands separator ٬
// belongs with Arabic-script digits; Latin digits take a comma, also in
// an Arabic or Persian interface.
func (d Digits) groupSeparator() string {
	if d.zero() == '0' {
		return ","
	}
	return "٬"
}

// convert rewrites the ASCII digits of s in the set; other characters stay.
func (d Digits) convert(s string) string {
	z := d.zero()
	if z == '0' {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) * 2)
	for _, r := range s {
		if r >= '0' && r <= '9' {
			r = z + (r - '0')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Number writes n in the catalogue's digits with thousands grouped:
// 1234567 is "1,234,567", "١٬٢٣٤٬٥٦٧" or "۱٬۲۳۴٬۵۶۷".
func (c *Catalog) Number(n int) string {
	s := strconv.Itoa(n)
	sign := ""
	if s[0] == '-' {
		sign, s = "-", s[1:]
	}
	sep := c.digits.groupSeparator()
	var b strings.Builder
	b.WriteString(sign)
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteByte(s[i])
	}
	return c.digits.convert(b.String())
}

// plainNumber writes n in the catalogue's digits without grouping, as
// years are written.
func (c *Catalog) plainNumber(n int) string {
	return c.digits.convert(strconv.Itoa(n))
}

// localInt formats an integer argument of T in the catalogue's digits.
type localInt struct {
	n int
	c *Catalog
}

// Format writes the number for %d and %v; other verbs see the plain int.
func (l localInt) Format(f fmt.State, verb rune) {
	switch verb {
	case 'd', 'v':
		fmt.Fprint(f, l.c.Number(l.n))
	default:
		fmt.Fprintf(f, fmt.FormatString(f, verb), l.n)
	}
}
