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
// article container.
func cleanFurniture(doc, container *html.Node) leadText {
	for _, n := range findAll(doc, byTag(furnitureTags...)) {
		remove(n)
	}
	for _, n := range findAll(doc, func(n *html.Node) bool { return isFurniture(n, container) }) {
		remove(n)
	}
	for _, n := range findLabels(doc, false, func(s string) bool { return isMarker(s) || isPrevNext(s) }) {
		if isMarker(norm(textOf(n, 256))) {
			removeMarker(n)
		} else {
			removeTeaser(n)
		}
	}
	return markLead(container)
}

// isFurniture reports whether n's class or id names furniture and its
// size does not say otherwise (it must not hold the article).
func isFurniture(n, container *html.Node) bool {
	if isElem(n, "html", "body", "main") || n == container || contains(n, container) {
		return false
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
	if !named {
		return size <= 120
	}
	return size <= 1500 || linkTextLen(n)*2 > size
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
func removeMarker(n *html.Node) {
	text := norm(textOf(n, 256))
	for n.Parent != nil && n.Parent.Type == html.ElementNode && !isElem(n.Parent, "body", "article", "main") &&
		norm(textOf(n.Parent, 256)) == text {
		n = n.Parent
	}
	remove(n)
}

// removeTeaser removes a previous/next label and the small, link-heavy
// box around it.
func removeTeaser(n *html.Node) {
	for p := n.Parent; p != nil && p.Type == html.ElementNode && !isElem(p, "body", "article", "main"); p = p.Parent {
		size := utf8.RuneCountInString(textOf(p, 1024))
		if size > 300 || linkTextLen(p)*2 < size {
			break
		}
		n = p
	}
	remove(n)
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
	size := utf8.RuneCountInString(textOf(n, 1024))
	return named && size >= 30 && size <= 500
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
