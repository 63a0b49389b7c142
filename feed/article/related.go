package article

import (
	"net/url"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/akhbar/akhbar/feed"
	"golang.org/x/net/html"
)

// harvester collects related-story links: same-site article URLs,
// deduplicated, never the article itself, at most maxRelated.
type harvester struct {
	base    *url.URL
	section string                  // the page's section, a prefix teasers repeat
	self    map[string]bool         // the article's own addresses
	index   map[string]int          // URL → position in links
	anchors map[string][]*html.Node // URL → the page's anchors to it, in order
	links   []feed.Link
}

// harvestRelated collects the related stories of doc — JSON-LD
// relatedLink and og:see_also, blocks headed by a "Related"/"اقرأ أيضا"
// label, and containers whose class or id says related — and removes
// those blocks from doc so they do not end up in the body.
func harvestRelated(doc *html.Node, base *url.URL, m pageMeta, sh shield) []feed.Link {
	h := &harvester{base: base, section: m.section, self: map[string]bool{}, index: map[string]int{}}
	h.anchors = h.anchorsByURL(doc)
	if base != nil {
		h.self[absURL(base, "")] = true
	}
	for _, s := range m.self {
		h.self[absURL(base, s)] = true
	}
	for _, u := range m.related {
		h.add(u, "", false) // the page's metadata says it is related
	}
	for _, label := range findLabels(doc, true, isRelatedLabel) {
		h.fromLabel(label, sh)
	}
	for _, c := range findAll(doc, isRelatedContainer) {
		if sh.allows(c) && h.collect(c) > 0 {
			remove(c)
		}
	}
	return h.links
}

// anchorsByURL maps every linked URL of doc to its anchors.
func (h *harvester) anchorsByURL(doc *html.Node) map[string][]*html.Node {
	anchors := map[string][]*html.Node{}
	for _, a := range findAll(doc, byTag("a")) {
		if u := absURL(h.base, attr(a, "href")); u != "" {
			anchors[u] = append(anchors[u], a)
		}
	}
	return anchors
}

// storyTitle returns the first story title an anchor of the page gives
// the story at abs (a "Read more" link often repeats a headline link),
// or "".
func (h *harvester) storyTitle(abs string) string {
	target, err := url.Parse(abs)
	if err != nil {
		return ""
	}
	for _, a := range h.anchors[abs] {
		if t := linkTitle(a, target, h.section); isStoryTitle(t) {
			return t
		}
	}
	return ""
}

// add records one related link; it reports whether the link counts (a
// story of the site, kept or beyond the limit). A link needs a story
// title when needTitle is set: one from its anchor, else from another
// anchor to the same story.
func (h *harvester) add(href, title string, needTitle bool) bool {
	abs := absURL(h.base, href)
	if abs == "" || h.self[abs] {
		return false
	}
	u, err := url.Parse(abs)
	if err != nil || !looksLikeArticle(u) || h.base != nil && site(u) != site(h.base) {
		return false
	}
	if !isStoryTitle(title) {
		title = h.storyTitle(abs)
	}
	if title == "" && needTitle {
		return false
	}
	if _, ok := h.index[abs]; ok || len(h.links) >= maxRelated {
		return true
	}
	h.index[abs] = len(h.links)
	h.links = append(h.links, feed.Link{Title: title, URL: abs})
	return true
}

// collect adds every article link under n and returns how many counted.
func (h *harvester) collect(n *html.Node) int {
	count := 0
	for _, a := range findAll(n, byTag("a")) {
		href := attr(a, "href")
		target, err := url.Parse(absURL(h.base, href))
		if err != nil {
			continue
		}
		if h.add(href, linkTitle(a, target, h.section), true) {
			count++
		}
	}
	return count
}

// fromLabel harvests the links that follow a label element — its later
// siblings up to the next heading, paragraph of prose or blank line —
// climbing to wrappers that hold nothing but the label. The label and the
// links go from the page when any of them counted.
func (h *harvester) fromLabel(label *html.Node, sh shield) {
	labelText := norm(textOf(label, 256))
	for n := label; n != nil && n.Parent != nil; n = n.Parent {
		if n != label && norm(textOf(n, 256)) != labelText {
			return
		}
		region := linkRegion(n)
		if !sh.allows(n) || slices.ContainsFunc(region, func(s *html.Node) bool { return !sh.allows(s) }) {
			return
		}
		count := h.collect(n)
		for _, s := range region {
			count += h.collect(s)
		}
		if count > 0 {
			for _, s := range region {
				remove(s)
			}
			remove(n)
			return
		}
	}
}

// linkRegion returns the siblings after n that belong to a list of links
// headed by n.
func linkRegion(n *html.Node) []*html.Node {
	var region []*html.Node
	lastBr := false
	for s := n.NextSibling; s != nil && len(region) < 40; s = s.NextSibling {
		switch {
		case s.Type == html.TextNode && hasLetters(s.Data):
			return region
		case isElem(s, "br"):
			if lastBr {
				return region
			}
			lastBr = true
			region = append(region, s)
			continue
		case isElem(s, "h1", "h2", "h3", "h4", "h5", "h6"), isProse(s):
			return region
		}
		if s.Type == html.ElementNode {
			lastBr = false
		}
		region = append(region, s)
	}
	return region
}

// isProse reports whether n holds a sentence or more of text outside
// links: body text, not a list of headlines.
func isProse(n *html.Node) bool {
	if n.Type != html.ElementNode {
		return false
	}
	all := utf8.RuneCountInString(textOf(n, 4096))
	return all-linkTextLen(n) > 40
}

// findLabels returns the innermost elements, outside links, scripts and
// the <head>, whose folded text (without the text of links inside them
// when skipLinks is set) is at most 50 runes and satisfies match.
func findLabels(doc *html.Node, skipLinks bool, match func(string) bool) []*html.Node {
	var out []*html.Node
	// walk returns whether a label was found under n and how many
	// non-space bytes of (own) text n holds, to skip big elements cheaply.
	var walk func(n *html.Node) (bool, int)
	walk = func(n *html.Node) (bool, int) {
		switch {
		case n.Type == html.TextNode:
			return false, nonSpace(n.Data)
		case isElem(n, "head", "script", "style", "button", "select", "title"):
			return false, 0
		case isElem(n, "a"):
			if skipLinks {
				return false, 0
			}
			return false, nonSpace(textOf(n, 256))
		}
		inner, size := false, 0
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			found, s := walk(c)
			inner, size = inner || found, size+s
		}
		if inner || n.Type != html.ElementNode || size == 0 || size > 200 {
			return inner, size
		}
		t := textWriter{limit: 256}
		t.node(n, skipLinks)
		if utf8.RuneCountInString(t.b.String()) > 80 { // folding would not bring it to 50
			return false, size
		}
		text := norm(t.b.String())
		if utf8.RuneCountInString(text) > 50 || !match(text) {
			return false, size
		}
		out = append(out, n)
		return true, size
	}
	walk(doc)
	return out
}

// nonSpace counts the bytes of s that are not ASCII white space.
func nonSpace(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] > ' ' {
			n++
		}
	}
	return n
}

// isRelatedLabel reports whether folded text heads a related block.
func isRelatedLabel(text string) bool { return hasPhrase(text, phrases().relatedLabels) }

// isRelatedContainer reports whether n's class or id names a list of
// related stories, and n looks like one (mostly links, no headline). A
// list of the site's latest or most read stories is not related to the
// article, whatever its class says ("latestlist related"), unless its
// heading calls it related.
func isRelatedContainer(n *html.Node) bool {
	tokens := nameTokens(n)
	if !relatedName(tokens) || findFirst(n, byTag("h1")) != nil {
		return false
	}
	if h := findFirst(n, byTag("h2", "h3", "h4", "h5", "h6")); h != nil && isListLabel(norm(textOf(h, 256))) {
		return false
	}
	if slices.ContainsFunc(tokens, func(t string) bool { return listWords[t] }) {
		return false
	}
	all := utf8.RuneCountInString(textOf(n, 8192))
	return all < 600 || linkTextLen(n)*2 > all
}

// listWords are class/id words of lists of a site's newest or most read
// stories. Read-only.
var listWords = map[string]bool{
	"latest": true, "latestlist": true, "recent": true, "newest": true, "popular": true,
	"popularlist": true, "mostread": true, "mostviewed": true, "trending": true, "ranking": true,
}

// isListLabel reports whether folded heading text names a list of the
// newest or most read stories and not related ones.
func isListLabel(text string) bool {
	return !hasPhrase(text, phrases().relatedLabels) && hasPhrase(text, phrases().listLabels)
}

// relatedName reports whether class/id words name a related block.
func relatedName(tokens []string) bool {
	for i, t := range tokens {
		next := ""
		if i+1 < len(tokens) {
			next = tokens[i+1]
		}
		switch {
		case t == "related" || t == "readmore" || t == "seealso" || t == "alsoread",
			t == "read" && (next == "more" || next == "also"),
			t == "also" && (next == "like" || next == "read"),
			t == "more" && next == "on", t == "see" && next == "also":
			return true
		}
	}
	return false
}

// isDecoration reports whether r is a bullet or arrow that sites put
// around headline links ("» title").
func isDecoration(r rune) bool {
	return strings.ContainsRune("»«›‹•·|-–—>→←▸◂■□●○ \u00a0", r)
}
