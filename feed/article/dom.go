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
// "c-ad__label" gives "c", "ad", "label".
func nameTokens(n *html.Node) []string {
	s := strings.ToLower(attr(n, "class") + " " + attr(n, "id"))
	return strings.FieldsFunc(s, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	})
}

// textOf returns the text of n with white space collapsed, cut after
// about limit bytes so that callers on big subtrees stay cheap.
func textOf(n *html.Node, limit int) string {
	var b strings.Builder
	appendText(&b, n, limit)
	return strings.Join(strings.Fields(b.String()), " ")
}

func appendText(b *strings.Builder, n *html.Node, limit int) {
	if b.Len() > limit {
		return
	}
	switch {
	case n.Type == html.TextNode:
		writeCapped(b, n.Data, limit)
	case isElem(n, "script", "style", "noscript", "template"):
		return
	case isElem(n, "br", "p", "div", "li", "td", "h1", "h2", "h3", "h4", "h5", "h6"):
		b.WriteByte(' ')
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		appendText(b, c, limit)
	}
	if n.Type == html.ElementNode {
		b.WriteByte(' ')
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

// writeCapped writes s to b, cut at a rune boundary so that b grows to
// at most about limit bytes.
func writeCapped(b *strings.Builder, s string, limit int) {
	room := limit + 1 - b.Len()
	if room <= 0 {
		return
	}
	if len(s) > room {
		for room > 0 && !utf8.RuneStart(s[room]) {
			room--
		}
		s = s[:room]
	}
	b.WriteString(s)
}
