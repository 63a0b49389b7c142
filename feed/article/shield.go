package article

import (
	"slices"
	"strings"
	"unicode"

	"golang.org/x/net/html"
)

// shield keeps the cleaning passes from removing the article itself. A
// class word, a wrapping <form> or a "related" label can sit on an
// element that holds the story; removing it would leave readability the
// sidebar. The shield protects the element with the page's main run of
// prose (and so every element around it) and any element that holds most
// of the page's text.
type shield struct {
	core  *html.Node // the element whose own paragraphs hold the most text
	total int        // letters and digits of the whole page's text
}

// newShield finds the main prose of doc.
func newShield(doc *html.Node) shield {
	s := shield{}
	best := 0
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if isElem(n, "head", "script", "style", "noscript", "template", "svg", "math", "select", "textarea", "button") ||
			n.Type == html.ElementNode && isCommentSection(n) {
			return
		}
		own := 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				own += letters(c, false)
			case isElem(c, "p") || c.Type == html.ElementNode && isInline(c) && c.Data != "a":
				own += letters(c, true)
			}
			walk(c)
		}
		if n.Type == html.ElementNode && own > best {
			s.core, best = n, own
		}
	}
	walk(doc)
	s.total = letters(doc, false)
	return s
}

// allows reports whether a cleaning pass may remove n: never the core
// or an element around it, and no element holding most of the page's
// text unless it is a comment section (which the core never is).
func (s shield) allows(n *html.Node) bool {
	if s.core != nil && (n == s.core || contains(n, s.core)) {
		return false
	}
	return isCommentSection(n) && findFirst(n, byTag("h1")) == nil || letters(n, false)*2 <= s.total
}

// remove removes n when the shield allows it, and reports whether it did.
func (s shield) remove(n *html.Node) bool {
	if !s.allows(n) {
		return false
	}
	remove(n)
	return true
}

// letters counts the letters and digits of the text under n, outside
// scripts and styles, and outside links when skipLinks is set; 0 for nil.
func letters(n *html.Node, skipLinks bool) int {
	switch {
	case n == nil:
		return 0
	case n.Type == html.TextNode:
		count := 0
		for _, r := range n.Data {
			if unicode.IsLetter(r) || unicode.IsDigit(r) {
				count++
			}
		}
		return count
	case isElem(n, "script", "style", "noscript", "template"), skipLinks && isElem(n, "a"):
		return 0
	}
	count := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		count += letters(c, skipLinks)
	}
	return count
}

// isCommentSection reports whether n's class or id names a section of
// reader comments: a name with the word comment(s) or disqus and no word
// of state or count ("has-comments", "comments-enabled", "comment-count"
// name a property of a story, not its comments).
func isCommentSection(n *html.Node) bool {
	names := attr(n, "class") + " " + attr(n, "id")
	if !containsFold(names, "comment") && !containsFold(names, "disqus") {
		return false
	}
	for _, name := range strings.Fields(strings.ToLower(names)) {
		words := strings.FieldsFunc(name, func(r rune) bool { return !(r >= 'a' && r <= 'z') })
		if slices.ContainsFunc(words, func(w string) bool { return commentWords[w] }) &&
			!slices.ContainsFunc(words, func(w string) bool { return commentStateWords[w] }) {
			return true
		}
	}
	return false
}

// commentWords are class/id words of reader comment sections. Read-only.
var commentWords = map[string]bool{"comment": true, "comments": true, "disqus": true}

// commentStateWords, next to a comment word, make a class name describe
// a story or a control rather than the comments. Read-only.
var commentStateWords = map[string]bool{
	"has": true, "no": true, "enabled": true, "disabled": true, "open": true, "closed": true,
	"allowed": true, "count": true, "counter": true, "number": true, "num": true, "link": true,
	"button": true, "btn": true, "icon": true, "toggle": true, "cta": true,
}

// containsFold reports whether s contains the lower-case ASCII word sub
// in any case, without allocating.
func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		j := 0
		for ; j < len(sub); j++ {
			c := s[i+j]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c != sub[j] {
				break
			}
		}
		if j == len(sub) {
			return true
		}
	}
	return false
}
