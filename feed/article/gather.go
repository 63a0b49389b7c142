package article

import (
	"slices"
	"strings"

	"golang.org/x/net/html"
)

// minParagraph is the fewest letters outside links a paragraph needs to
// count as prose when gathering a split body.
const minParagraph = 80

// gatherBody joins an article body that the page splits into several
// parts of the same kind — paragraphs in one container per screenful,
// with ads or asides between — so that readability, which keeps one
// container, keeps them all. The parts are the elements with the tag and
// class of the parent that holds the most prose paragraphs; the class
// must be non-empty (a bare <div> says nothing about its kind), that
// kind must hold most of the page's prose, and one part must hold the
// page's main run of prose, core (a list of teasers with a blurb each is
// many parts of one kind too, but the story is elsewhere). The parts'
// contents move, in page order, into the first part.
func gatherBody(doc, core *html.Node) {
	text := map[string]int{}
	total := 0
	for _, p := range findAll(doc, byTag("p")) {
		if n := letters(p, true); n >= minParagraph && p.Parent != nil && p.Parent.Type == html.ElementNode {
			text[kindOf(p.Parent)] += n
			total += n
		}
	}
	best := ""
	for k, n := range text {
		if n > text[best] || n == text[best] && k < best {
			best = k
		}
	}
	if best == "" || strings.HasSuffix(best, ".") || text[best]*2 < total {
		return
	}
	parts := findAll(doc, func(n *html.Node) bool { return kindOf(n) == best })
	if len(parts) < 2 || !slices.ContainsFunc(parts, func(p *html.Node) bool { return p == core || contains(p, core) }) {
		return
	}
	first := parts[0]
	for _, p := range parts[1:] {
		for c := p.FirstChild; c != nil; c = p.FirstChild {
			p.RemoveChild(c)
			first.AppendChild(c)
		}
		remove(p)
	}
}

// kindOf names an element by its tag and class: "div.story-text".
func kindOf(n *html.Node) string {
	return n.Data + "." + strings.Join(strings.Fields(attr(n, "class")), " ")
}

// unhide makes the page's main prose visible to readability: pages that
// ship the whole story behind a paywall or "read more" switch mark its
// container hidden, and readability skips hidden elements. A hidden copy
// of text the page also shows (microdata for search engines) is left
// hidden.
func unhide(doc, core *html.Node) {
	var hidden []*html.Node
	for n := core; n != nil; n = n.Parent {
		if n.Type == html.ElementNode && isHidden(n) {
			hidden = append(hidden, n)
		}
	}
	if len(hidden) == 0 {
		return
	}
	sample := textOf(core, 120)
	outer := hidden[len(hidden)-1]
	parent, next := outer.Parent, outer.NextSibling
	parent.RemoveChild(outer)
	shown := strings.Contains(textOf(doc, 1<<30), sample)
	parent.InsertBefore(outer, next)
	if shown {
		return
	}
	for _, n := range hidden {
		n.Attr = slices.DeleteFunc(n.Attr, isHiding)
	}
}

// isHidden reports whether n carries an attribute that hides it.
func isHidden(n *html.Node) bool { return slices.ContainsFunc(n.Attr, isHiding) }

// isHiding reports whether an attribute hides its element.
func isHiding(a html.Attribute) bool {
	return a.Key == "hidden" || a.Key == "aria-hidden" && strings.TrimSpace(a.Val) == "true" ||
		a.Key == "style" && strings.Contains(strings.ReplaceAll(strings.ToLower(a.Val), " ", ""), "display:none")
}

// bylineWords are the class/id words by which readability takes an
// element for the byline. Read-only.
var bylineWords = []string{"byline", "author", "dateline", "writtenby"}

// defuseBylines takes the byline marks off elements too big to be a
// byline. Readability removes the first element whose class or id says
// "author" (or whose rel or itemprop does) when it finds a name inside
// it, whatever its size; blogs put "author-NAME" on the whole post.
func defuseBylines(doc *html.Node) {
	for _, n := range findAll(doc, func(n *html.Node) bool { return marksByline(n) && letters(n, false) > 150 }) {
		n.Attr = slices.DeleteFunc(n.Attr, func(a html.Attribute) bool {
			return (a.Key == "rel" || a.Key == "itemprop") && strings.Contains(a.Val, "author")
		})
		setAttr(n, "class", strings.Join(slices.DeleteFunc(strings.Fields(attr(n, "class")), namesByline), " "))
		if namesByline(attr(n, "id")) {
			setAttr(n, "id", "")
		}
	}
}

// marksByline reports whether readability could take n for a byline.
func marksByline(n *html.Node) bool {
	return attr(n, "rel") == "author" || strings.Contains(attr(n, "itemprop"), "author") ||
		namesByline(attr(n, "class")) || namesByline(attr(n, "id"))
}

// namesByline reports whether a class or id value holds a byline word.
func namesByline(s string) bool {
	s = strings.ToLower(s)
	return slices.ContainsFunc(bylineWords, func(w string) bool { return strings.Contains(s, w) })
}
