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

// rawTextElements hold text up to their end tag, never markup.
// Read-only.
var rawTextElements = map[string]bool{
	"script": true, "style": true, "textarea": true, "title": true, "xmp": true,
	"iframe": true, "noembed": true, "noframes": true, "noscript": true,
}

// boundPage checks a decoded page before it is parsed. It fails on pages
// with more than maxElements elements, and returns a rewrite without the
// tags nested deeper than maxDepth when there are any (the HTML parser
// and readability both slow down badly on very deep trees). The check is
// a plain scan of the bytes, much cheaper than tokenizing; only a page
// found too deep pays for the tokenizer, in flatten.
func boundPage(page string) (string, error) {
	elements, depth := 0, 0
	deep := false
	for i := 0; i < len(page); {
		lt := strings.IndexByte(page[i:], '<')
		if lt < 0 {
			break
		}
		i += lt + 1
		if i >= len(page) {
			break
		}
		switch c := page[i]; {
		case c == '!' && strings.HasPrefix(page[i:], "!--"):
			i = skipPast(page, i+3, "-->")
		case c == '!' || c == '?':
			i = skipPast(page, i, ">")
		case c == '/':
			name, end := tagName(page, i+1)
			i = skipPast(page, end, ">")
			if name != "" && !voidElements[name] && !optionalEnd[name] && depth > 0 {
				depth--
			}
		case isASCIILetter(c):
			name, end := tagName(page, i)
			end = tagEnd(page, end)
			selfClosing := end >= 2 && page[end-2] == '/'
			i = end
			elements++
			if elements > maxElements {
				return "", fmt.Errorf("page too large: more than %d elements", maxElements)
			}
			if !selfClosing && !voidElements[name] && !optionalEnd[name] {
				depth++
				deep = deep || depth > maxDepth
			}
			if rawTextElements[name] && !selfClosing {
				i = skipRawText(page, i, name)
			}
		}
	}
	if !deep {
		return page, nil
	}
	return flatten(page), nil
}

// isASCIILetter reports whether c is an ASCII letter.
func isASCIILetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// tagName reads the tag name starting at page[i], lower-cased, and
// returns it with the index after it.
func tagName(page string, i int) (string, int) {
	start := i
	for i < len(page) && page[i] > ' ' && page[i] != '>' && page[i] != '/' {
		i++
	}
	name := page[start:i]
	for j := 0; j < len(name); j++ {
		if name[j] >= 'A' && name[j] <= 'Z' {
			return strings.ToLower(name), i
		}
	}
	return name, i
}

// tagEnd returns the index after the '>' that closes a start tag whose
// attributes begin at page[i], skipping '>' inside quoted values.
func tagEnd(page string, i int) int {
	var quote byte
	for ; i < len(page); i++ {
		switch c := page[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			if i > 0 && page[i-1] == '=' || i > 1 && page[i-1] <= ' ' && page[i-2] == '=' {
				quote = c
			}
		case c == '>':
			return i + 1
		}
	}
	return len(page)
}

// skipPast returns the index after the first sep at or after i, or the
// end of page.
func skipPast(page string, i int, sep string) int {
	if j := strings.Index(page[i:], sep); j >= 0 {
		return i + j + len(sep)
	}
	return len(page)
}

// skipRawText returns the index of the end tag of the raw-text element
// name whose content starts at i ("</script", any case), or the end of
// page.
func skipRawText(page string, i int, name string) int {
	for {
		j := strings.Index(page[i:], "</")
		if j < 0 {
			return len(page)
		}
		i += j
		if end := i + 2 + len(name); end <= len(page) && strings.EqualFold(page[i+2:end], name) {
			return i
		}
		i += 2
	}
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

// nests reports whether the current tag of z counts towards depth.
func nests(z *html.Tokenizer) bool {
	name, _ := z.TagName()
	return !voidElements[string(name)] && !optionalEnd[string(name)]
}
