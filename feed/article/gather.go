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
// container hidden, and readability skips hidden elements.
func unhide(core *html.Node) {
	for n := core; n != nil; n = n.Parent {
		if n.Type != html.ElementNode {
			continue
		}
		n.Attr = slices.DeleteFunc(n.Attr, func(a html.Attribute) bool {
			return a.Key == "hidden" || a.Key == "aria-hidden" ||
				a.Key == "style" && strings.Contains(strings.ReplaceAll(strings.ToLower(a.Val), " ", ""), "display:none")
		})
	}
}
