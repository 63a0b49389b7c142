package article

import (
	"fmt"
	"strings"

	"golang.org/x/net/html"
)

// Limits that keep Extract bounded in time and memory on hostile pages.
const (
	// maxInput is the most bytes of a page Extract reads; the rest is cut.
	maxInput = 4 << 20
	// maxElements is the most elements a page may have.
	maxElements = 60000
	// maxDepth is the deepest element nesting kept; deeper tags are
	// dropped and their text joins the enclosing element.
	maxDepth = 160
)

// optionalEnd lists elements whose end tag may be left out: the HTML
// parser closes them by itself, so they do not count towards depth.
// Read-only.
var optionalEnd = map[string]bool{
	"p": true, "li": true, "dt": true, "dd": true, "tr": true, "td": true, "th": true,
	"option": true, "optgroup": true, "thead": true, "tbody": true, "tfoot": true,
	"colgroup": true, "rb": true, "rt": true, "rp": true,
}

// voidElements never have content or an end tag. Read-only.
var voidElements = map[string]bool{
	"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
	"img": true, "input": true, "link": true, "meta": true, "source": true,
	"track": true, "wbr": true, "param": true,
}

// boundPage checks a decoded page before it is parsed. It fails on pages
// with more than maxElements elements, and returns a rewrite without the
// tags nested deeper than maxDepth when there are any (the HTML parser
// and readability both slow down badly on very deep trees).
func boundPage(page string) (string, error) {
	elements, depth := 0, 0
	deep := false
	z := html.NewTokenizer(strings.NewReader(page))
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		switch tt {
		case html.StartTagToken, html.SelfClosingTagToken:
			elements++
			if elements > maxElements {
				return "", fmt.Errorf("page too large: more than %d elements", maxElements)
			}
			if tt == html.StartTagToken && nests(z) {
				depth++
				deep = deep || depth > maxDepth
			}
		case html.EndTagToken:
			if nests(z) && depth > 0 {
				depth--
			}
		}
	}
	if !deep {
		return page, nil
	}
	return flatten(page), nil
}

// nests reports whether the current tag of z counts towards depth.
func nests(z *html.Tokenizer) bool {
	name, _ := z.TagName()
	return !voidElements[string(name)] && !optionalEnd[string(name)]
}

// flatten re-emits page without the start and end tags of elements
// nested deeper than maxDepth; text, comments and shallower tags stay.
func flatten(page string) string {
	var out strings.Builder
	out.Grow(len(page))
	depth := 0
	z := html.NewTokenizer(strings.NewReader(page))
	for tt := z.Next(); tt != html.ErrorToken; tt = z.Next() {
		switch {
		case tt == html.StartTagToken && nests(z):
			depth++
			if depth > maxDepth {
				continue
			}
		case tt == html.EndTagToken && nests(z):
			depth--
			if depth >= maxDepth {
				continue
			}
			depth = max(depth, 0)
		}
		out.Write(z.Raw())
	}
	return out.String()
}
