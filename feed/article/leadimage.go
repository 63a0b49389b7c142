package article

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/akhbar/akhbar/feed"
	"golang.org/x/net/html"
)

// leadFigure is the picture a news page shows between its headline and
// its story, with the caption and credit printed under it.
type leadFigure struct {
	image   string // absolute http(s) address
	caption string // caption and credit, "" when the page gives none
}

// maxFigureLetters bounds the text of an element taken for a figure: a
// <figure> holding more is a story wrapped in one, not a picture.
const maxFigureLetters = 600

// findLeadFigure returns the page's lead picture: the last <figure>
// with an image that comes before the first paragraph of the main prose
// (core), sits in the same article as that prose (their nearest common
// ancestor is not <body>), is not a link to another page, and either
// has a caption or shows the page's own image (og:image). ok is false
// when there is none.
func findLeadFigure(doc, core *html.Node, base *url.URL, metaImage string) (leadFigure, bool) {
	if core == nil {
		return leadFigure{}, false
	}
	first := firstProse(core)
	var found leadFigure
	ok := false
	var walk func(n *html.Node) bool // false once the story starts
	walk = func(n *html.Node) bool {
		if n == first {
			return false
		}
		if isElem(n, "figure") {
			if f, good := figureOf(n, core, base, metaImage); good {
				found, ok = f, true
			}
			return true
		}
		if isElem(n, "head", "script", "style", "noscript", "template", "a", "nav", "aside", "footer") {
			return true
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if !walk(c) {
				return false
			}
		}
		return true
	}
	walk(doc)
	return found, ok
}

// firstProse returns the first paragraph of core's own text: the first
// <p> child with a sentence of text, else core itself.
func firstProse(core *html.Node) *html.Node {
	for c := core.FirstChild; c != nil; c = c.NextSibling {
		if isElem(c, "p") && letters(c, true) >= 40 {
			return c
		}
	}
	return core
}

// figureOf reads one <figure> as a lead picture candidate.
func figureOf(fig, core *html.Node, base *url.URL, metaImage string) (leadFigure, bool) {
	lca := commonAncestor(fig, core)
	if lca == nil || lca.Type != html.ElementNode || isElem(lca, "html", "body") || letters(fig, false) > maxFigureLetters {
		return leadFigure{}, false
	}
	img := findFirst(fig, byTag("img", "source"))
	if img == nil {
		return leadFigure{}, false
	}
	src := imageSource(img, base)
	if src == "" {
		return leadFigure{}, false
	}
	caption := figureCaption(fig)
	if caption == "" && !sameImage(src, absURL(base, metaImage)) {
		return leadFigure{}, false
	}
	return leadFigure{image: src, caption: caption}, true
}

// commonAncestor returns the nearest element holding both a and b.
func commonAncestor(a, b *html.Node) *html.Node {
	for n := a; n != nil; n = n.Parent {
		if n == b || contains(n, b) {
			return n
		}
	}
	return nil
}

// figureCaption returns the caption and credit of a figure: its
// <figcaption>, else its elements named caption or credit, parts apart.
func figureCaption(fig *html.Node) string {
	var parts []string
	for _, c := range findAll(fig, func(n *html.Node) bool { return n != fig && isCaption(n) }) {
		spaceParts(c)
		if t := textOf(c, 1024); t != "" && !strings.Contains(strings.Join(parts, " "), t) {
			parts = append(parts, t)
		}
	}
	return strings.Join(parts, " ")
}

// imageSource returns the address of the picture an <img> or <source>
// shows: the widest candidate of its srcset, else its src, else the
// address lazy loaders keep in a data- attribute; data: URIs and
// anything not http(s) give "".
func imageSource(img *html.Node, base *url.URL) string {
	for _, key := range []string{"srcset", "data-srcset"} {
		if u := widestSrc(attr(img, key)); u != "" {
			if abs := absURL(base, u); abs != "" {
				return abs
			}
		}
	}
	for _, key := range []string{"src", "data-src", "data-lazy-src", "data-original"} {
		if abs := absURL(base, attr(img, key)); abs != "" {
			return abs
		}
	}
	return ""
}

// widestSrc returns the URL of the widest candidate of a srcset ("a.jpg
// 480w, b.jpg 960w" → "b.jpg"); candidates without a width count as 0.
func widestSrc(srcset string) string {
	best, bestW := "", -1
	for _, cand := range strings.Split(srcset, ",") {
		f := strings.Fields(cand)
		if len(f) == 0 {
			continue
		}
		w := 0
		if len(f) > 1 && strings.HasSuffix(f[1], "w") {
			w, _ = strconv.Atoi(strings.TrimSuffix(f[1], "w"))
		}
		if w > bestW {
			best, bestW = f[0], w
		}
	}
	return best
}

// sameImage reports whether two image addresses name one file: the same
// last path segment (sites serve one picture at several sizes and hosts).
func sameImage(a, b string) bool {
	ua, err1 := url.Parse(a)
	ub, err2 := url.Parse(b)
	if a == "" || b == "" || err1 != nil || err2 != nil {
		return false
	}
	last := func(u *url.URL) string { return u.Path[strings.LastIndex(u.Path, "/")+1:] }
	return last(ua) != "" && last(ua) == last(ub)
}

// withLeadFigure puts the lead picture's block at the top of blocks and
// drops the copies of its caption and credit readability kept lower down.
// It also returns where each old block went (see moveFigures).
func withLeadFigure(blocks []feed.Block, f leadFigure) ([]feed.Block, []int) {
	caption := norm(f.caption)
	out := []feed.Block{{Kind: feed.Caption, Text: f.caption, Image: f.image}}
	kept := make([]int, len(blocks)+1) // old block index → index in out of it or of the next block kept
	for i, b := range blocks {
		kept[i] = len(out)
		if t := norm(b.Text); caption != "" && t != "" && len(b.Text) < 600 && strings.Contains(caption, t) {
			continue
		}
		out = append(out, b)
	}
	kept[len(blocks)] = len(out)
	return out, kept
}
