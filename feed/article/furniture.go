package article

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// captionClass marks caption elements for the block walk; readability is
// told to keep it.
const captionClass = "akhbar-caption"

// furnitureTags are elements that never hold article text. Read-only.
var furnitureTags = []string{"nav", "form", "button", "input", "select", "textarea", "iframe",
	"dialog", "template", "svg", "canvas", "object", "embed", "footer"}

// furnitureWords are class/id words of page furniture: ads, share and
// comment widgets, menus, promos, tag lists, most-read boxes, tickers.
// Read-only.
var furnitureWords = map[string]bool{
	"ad": true, "ads": true, "advert": true, "adverts": true, "advertisement": true,
	"advertising": true, "adslot": true, "adunit": true, "dfp": true, "sponsor": true,
	"sponsored": true, "promo": true, "promoted": true, "share": true, "sharing": true,
	"sharebar": true, "social": true, "newsletter": true, "subscribe": true,
	"subscription": true, "signup": true, "cookie": true, "cookies": true, "consent": true,
	"gdpr": true, "breadcrumb": true, "breadcrumbs": true, "tags": true, "keywords": true,
	"comments": true, "comment": true, "disqus": true, "trending": true, "popular": true,
	"mostread": true, "mostviewed": true, "ticker": true, "outbrain": true, "taboola": true,
	"print": true, "toolbar": true, "widget": true, "sidebar": true, "modal": true,
	"popup": true, "menu": true, "navbar": true, "navigation": true, "masthead": true,
	"footer": true, "pagination": true, "pager": true,
}

// furniturePairs are two-word class/id names of page furniture. Read-only.
var furniturePairs = map[string]bool{
	"most-read": true, "most-viewed": true, "most-popular": true, "copy-link": true,
	"font-size": true, "skip-link": true, "app-promo": true, "download-app": true,
	"prev-next": true, "next-article": true, "prev-article": true, "previous-article": true,
	"article-nav": true, "post-nav": true, "read-time": true, "reading-time": true,
	"share-tools": true, "breaking-news": true,
}

// lineWords are class/id words of short header lines: bylines, dates,
// reading times. Such elements go only when their text is short. Read-only.
var lineWords = map[string]bool{
	"date": true, "time": true, "timestamp": true, "published": true, "dateline": true,
	"updated": true, "meta": true, "author": true, "byline": true, "writer": true,
	"contributors": true, "readtime": true,
}

// leadText is what the page shows above the body that readability may
// drop: the standfirst and the captions of the article's pictures.
type leadText struct {
	standfirst string
	captions   []string
}

// cleanFurniture removes page furniture from doc before readability runs,
// marks captions with captionClass, and returns the lead texts of the
// article container. The shield keeps every removal off the article.
func cleanFurniture(doc, container *html.Node, sh shield) leadText {
	for _, n := range findAll(doc, byTag(furnitureTags...)) {
		sh.remove(n)
	}
	for _, n := range findAll(doc, func(n *html.Node) bool { return isFurniture(n, container) }) {
		sh.remove(n)
	}
	for _, n := range findAll(doc, isTeaserList) {
		sh.remove(n)
	}
	for _, n := range findLabels(doc, false, func(s string) bool { return isMarker(s) || isPrevNext(s) }) {
		if isMarker(norm(textOf(n, 256))) {
			removeMarker(n, sh)
		} else {
			removeTeaser(n, sh)
		}
	}
	return markLead(container)
}

// isFurniture reports whether n's class or id names furniture and its
// size does not say otherwise (it must not hold the article). Reader
// comments go whatever their size: a long discussion must not outweigh a
// short story.
func isFurniture(n, container *html.Node) bool {
	if isElem(n, "html", "body", "main") || n == container || contains(n, container) {
		return false
	}
	if isCommentSection(n) || hiddenByClass(n) {
		return true
	}
	tokens := nameTokens(n)
	short := false
	named := false
	for i, t := range tokens {
		named = named || furnitureWords[t] || i+1 < len(tokens) && furniturePairs[t+"-"+tokens[i+1]]
		short = short || lineWords[t] || strings.HasSuffix(t, "date") || strings.HasSuffix(t, "author")
	}
	if !named && !short {
		return false
	}
	size := utf8.RuneCountInString(textOf(n, 8192))
	if !named && contains(container, n) {
		return size <= 120 // a byline or date line in the article
	}
	if !named {
		// Outside the article, an author box goes whole, heading and
		// bio together: without its heading readability may take the
		// bio for the story.
		return size <= 1000 && isAuthorBox(tokens)
	}
	return size <= 1500 || linkTextLen(n)*2 > size
}

// hiddenByClass reports whether n's class hides it on every screen: a
// class name such as "hidden" or "d-none" with no variant class
// ("md:block") that shows it again. Sign-in prompts and premium teasers
// wait in the page this way.
func hiddenByClass(n *html.Node) bool {
	hidden := false
	for _, name := range strings.Fields(strings.ToLower(attr(n, "class"))) {
		switch {
		case strings.Contains(name, ":"):
			return false
		case name == "hidden" || name == "hide" || name == "is-hidden" || name == "d-none":
			hidden = true
		}
	}
	return hidden
}

// isTeaserList reports whether n is a list of story teasers: three or
// more items, most of them a linked headline with a short blurb.
func isTeaserList(n *html.Node) bool {
	items, teasers := 0, 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		items++
		if isTeaser(c) {
			teasers++
		}
	}
	return teasers >= 3 && teasers*4 >= items*3
}

// isTeaser reports whether n is one teaser: a heading that is a link,
// and at most a short blurb besides.
func isTeaser(n *html.Node) bool {
	h := findFirst(n, byTag("h2", "h3", "h4", "h5"))
	if h == nil || findFirst(h, byTag("a")) == nil && !isElem(h.Parent, "a") {
		return false
	}
	size := letters(n, false)
	return size <= 400 && letters(h, true)*2 < letters(h, false)
}

// isAuthorBox reports whether class/id words name an author's box or line.
func isAuthorBox(tokens []string) bool {
	for _, t := range tokens {
		if t == "author" || t == "authors" || t == "byline" || t == "bio" || strings.HasSuffix(t, "author") {
			return true
		}
	}
	return false
}

// contains reports whether descendant lies inside n.
func contains(n, descendant *html.Node) bool {
	for d := descendant; d != nil; d = d.Parent {
		if d.Parent == n {
			return true
		}
	}
	return false
}

// removeMarker removes an ad or widget label together with the wrappers
// that hold nothing else.
func removeMarker(n *html.Node, sh shield) {
	text := norm(textOf(n, 256))
	for n.Parent != nil && n.Parent.Type == html.ElementNode && !isElem(n.Parent, "body", "article", "main") &&
		norm(textOf(n.Parent, 256)) == text {
		n = n.Parent
	}
	sh.remove(n)
}

// removeTeaser removes a previous/next label and the small, link-heavy
// box around it.
func removeTeaser(n *html.Node, sh shield) {
	for p := n.Parent; p != nil && p.Type == html.ElementNode && !isElem(p, "body", "article", "main"); p = p.Parent {
		size := utf8.RuneCountInString(textOf(p, 1024))
		if size > 300 || linkTextLen(p)*2 < size {
			break
		}
		n = p
	}
	sh.remove(n)
}

// markLead marks caption elements and returns the standfirst and
// captions found in the article container.
func markLead(container *html.Node) leadText {
	var lead leadText
	for _, c := range findAll(container, isCaption) {
		setAttr(c, "class", strings.TrimSpace(attr(c, "class")+" "+captionClass))
		spaceParts(c)
		if t := textOf(c, 1024); t != "" {
			lead.captions = append(lead.captions, t)
		}
	}
	if s := findFirst(container, isStandfirst); s != nil {
		lead.standfirst = textOf(s, 1024)
	}
	return lead
}

// isCaption reports whether n is a picture caption or credit.
func isCaption(n *html.Node) bool {
	if isElem(n, "figcaption") {
		return true
	}
	for _, t := range nameTokens(n) {
		if t == "caption" || t == "credit" || t == "credits" {
			return true
		}
	}
	return false
}

// isStandfirst reports whether n is the summary shown under the headline.
func isStandfirst(n *html.Node) bool {
	if !isElem(n, "p", "div", "h2") {
		return false
	}
	named := false
	for _, t := range nameTokens(n) {
		switch t {
		case "standfirst", "excerpt", "lead", "summary", "dek", "intro", "subtitle", "subheadline", "sapo", "chapo":
			named = true
		}
	}
	if !named {
		return false
	}
	size := utf8.RuneCountInString(textOf(n, 1024))
	return size >= 30 && size <= 500
}

// isMarker reports whether folded text is an ad or widget label.
func isMarker(text string) bool {
	return equalsAny(text, phrases().adMarkers) || equalsAny(text, phrases().widgetMarkers)
}

// isPrevNext reports whether folded text heads a previous/next teaser.
func isPrevNext(text string) bool { return startsWithAny(text, phrases().prevNextLabels) }

// spaceParts puts a space before every element inside a caption, so that
// a credit styled as its own line ("…January<span>Copyright …</span>")
// does not run into the caption text.
func spaceParts(caption *html.Node) {
	for _, e := range findAll(caption, func(n *html.Node) bool { return n != caption }) {
		e.Parent.InsertBefore(&html.Node{Type: html.TextNode, Data: " "}, e)
		spaceParts(e)
	}
}
