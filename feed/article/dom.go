package article

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// attr returns the value of n's attribute key, or "".
func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// setAttr sets n's attribute key to val.
func setAttr(n *html.Node, key, val string) {
	for i, a := range n.Attr {
		if a.Key == key {
			n.Attr[i].Val = val
			return
		}
	}
	n.Attr = append(n.Attr, html.Attribute{Key: key, Val: val})
}

// isElem reports whether n is an element with one of the given tag names.
func isElem(n *html.Node, names ...string) bool {
	if n == nil || n.Type != html.ElementNode {
		return false
	}
	for _, name := range names {
		if n.Data == name {
			return true
		}
	}
	return false
}

// nameTokens splits n's class and id into lower-case words: the class
// "c-ad__label" gives "c", "ad", "label". Utility classes with a variant
// prefix ("print:max-w-none", "md:hidden") are left out: they say how an
// element looks on some medium, not what it is.
func nameTokens(n *html.Node) []string {
	class, id := attr(n, "class"), attr(n, "id")
	if class == "" && id == "" {
		return nil
	}
	// One lower-cased buffer, words cut out of it: this runs on every
	// element in several passes.
	buf := make([]byte, 0, len(class)+len(id)+1)
	var out []int // start, end pairs in buf
	for _, names := range []string{class, id} {
		for _, name := range strings.Fields(names) {
			if strings.IndexByte(name, ':') >= 0 {
				continue
			}
			start := -1
			for i := 0; i <= len(name); i++ {
				c := byte(0)
				if i < len(name) {
					c = name[i]
					if c >= 'A' && c <= 'Z' {
						c += 'a' - 'A'
					}
				}
				word := c >= 'a' && c <= 'z' || c >= '0' && c <= '9'
				switch {
				case word && start < 0:
					start = len(buf)
				case !word && start >= 0:
					out = append(out, start, len(buf))
					start = -1
				}
				if word {
					buf = append(buf, c)
				}
			}
		}
	}
	all := string(buf)
	tokens := make([]string, 0, len(out)/2)
	for i := 0; i < len(out); i += 2 {
		tokens = append(tokens, all[out[i]:out[i+1]])
	}
	return tokens
}

// textOf returns the text of n with white space collapsed, cut after
// about limit bytes so that callers on big subtrees stay cheap.
func textOf(n *html.Node, limit int) string {
	t := textWriter{limit: limit}
	t.node(n, false)
	return t.b.String()
}

// textWriter collects text with runs of white space made one space and
// no space at either end.
type textWriter struct {
	b     strings.Builder
	space bool
	limit int
}

// node writes the text under n, leaving out <a> elements when skipLinks.
func (t *textWriter) node(n *html.Node, skipLinks bool) {
	switch {
	case t.b.Len() > t.limit:
		return
	case n.Type == html.TextNode:
		t.write(n.Data)
		return
	case isElem(n, "script", "style", "noscript", "template"), skipLinks && isElem(n, "a"):
		return
	case isElem(n, "br", "p", "div", "li", "td", "h1", "h2", "h3", "h4", "h5", "h6"):
		t.space = true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		t.node(c, skipLinks)
	}
	if n.Type == html.ElementNode && !isInline(n) {
		t.space = true
	}
}

// isInline reports whether n is a phrasing element whose end does not
// separate words.
func isInline(n *html.Node) bool {
	return isElem(n, "a", "b", "strong", "i", "em", "span", "font", "small", "sup", "sub", "u", "mark", "abbr", "cite", "code", "q", "s", "time")
}

func (t *textWriter) write(s string) {
	for _, r := range s {
		if t.b.Len() > t.limit {
			return
		}
		if unicode.IsSpace(r) || r == '\u00a0' {
			t.space = true
			continue
		}
		if t.space && t.b.Len() > 0 {
			t.b.WriteByte(' ')
		}
		t.space = false
		t.b.WriteRune(r)
	}
}

// linkTextLen counts the runes of n's text that sit inside <a> elements.
func linkTextLen(n *html.Node) int {
	if isElem(n, "a") {
		return utf8.RuneCountInString(textOf(n, 4096))
	}
	total := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		total += linkTextLen(c)
	}
	return total
}

// hasLetters reports whether s holds a letter or a digit.
func hasLetters(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool {
		return unicode.IsLetter(r) || unicode.IsDigit(r)
	}) >= 0
}

// remove detaches n from its parent, if it has one.
func remove(n *html.Node) {
	if n.Parent != nil {
		n.Parent.RemoveChild(n)
	}
}

// findAll returns the elements under n (n included) for which match is
// true, in document order, without descending into matches.
func findAll(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && match(n) {
			out = append(out, n)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

// findFirst returns the first element under n that match accepts, or nil.
func findFirst(n *html.Node, match func(*html.Node) bool) *html.Node {
	if n.Type == html.ElementNode && match(n) {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findFirst(c, match); f != nil {
			return f
		}
	}
	return nil
}

// byTag returns a matcher for elements with one of the given names.
func byTag(names ...string) func(*html.Node) bool {
	return func(n *html.Node) bool { return isElem(n, names...) }
}
