// Package article turns a fetched news page into a feed.Article: the
// title, byline, dates, language and direction, every paragraph of the
// story with its captions, and the related stories the site lists around
// it — without the menus, ads, share widgets and other page furniture.
//
// Extract decodes the page itself (HTTP charset, byte order mark, <meta>,
// else UTF-8), harvests metadata and related links from the whole page,
// removes furniture, lets go-readability find the main text, and walks
// that text into blocks.
package article

import (
	"bytes"
	"errors"
	"fmt"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/akhbar/akhbar/feed"
	"golang.org/x/net/html"
)

// ErrNotArticle is returned (wrapped) for pages that hold no article:
// empty pages, images, PDFs, pages without body text.
var ErrNotArticle = errors.New("not an article")

// Extract turns one fetched HTML page into an Article. contentType is the
// HTTP Content-Type header (for the charset; it may be empty); pageURL
// resolves relative links and tells same-site related stories apart. It
// fails with a one-line error wrapping ErrNotArticle on pages that are
// not articles (no body text, an image or a PDF, …). Pages over 4 MB are
// cut; pages with more than 60 000 elements are refused.
func Extract(pageURL string, body []byte, contentType string) (feed.Article, error) {
	a, err := extract(pageURL, body, contentType)
	if err != nil {
		return feed.Article{}, fmt.Errorf("extract %s: %w", pageURL, err)
	}
	return a, nil
}

func extract(pageURL string, body []byte, contentType string) (feed.Article, error) {
	if len(bytes.TrimSpace(body)) == 0 {
		return feed.Article{}, fmt.Errorf("%w: empty page", ErrNotArticle)
	}
	if err := sniffPage(body, contentType); err != nil {
		return feed.Article{}, fmt.Errorf("%w: %w", ErrNotArticle, err)
	}
	if len(body) > maxInput {
		body = body[:maxInput]
	}
	page, err := boundPage(decode(body, contentType))
	if err != nil {
		return feed.Article{}, err
	}
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return feed.Article{}, fmt.Errorf("parse page: %w", err)
	}
	a, expect, err := fromDocument(pageURL, doc, false)
	if err == nil && bodyLetters(a.Blocks)*2 >= expect {
		return a, nil
	}
	// Our passes lost the story or most of it: see what readability
	// alone keeps, and take that when it is much more.
	plain, perr := html.Parse(strings.NewReader(page))
	if perr != nil {
		return feed.Article{}, fmt.Errorf("parse page: %w", perr)
	}
	alone, _, aerr := fromDocument(pageURL, plain, true)
	switch {
	case aerr != nil && err != nil:
		return feed.Article{}, err
	case aerr != nil:
		return a, nil
	case err != nil || bodyLetters(alone.Blocks) > 2*bodyLetters(a.Blocks):
		return alone, nil
	}
	return a, nil
}

// fromDocument runs the extraction passes over a parsed page; plain
// leaves out the passes that change the page before readability runs.
// It also returns how many letters the page's main prose holds, which
// the body should keep most of.
func fromDocument(pageURL string, doc *html.Node, plain bool) (feed.Article, int, error) {
	head := readHeadTags(doc)
	base := baseURL(pageAddress(pageURL, head), doc)
	ld := readJSONLD(doc)
	meta := readMeta(doc, ld, head)
	container := articleContainer(doc)
	lang, dir := pageLang(container, ld, head, textOf(container, 4096))
	sh := newShield(doc)
	expect := letters(sh.core, true)
	fig, hasFig := findLeadFigure(doc, sh.core, base, meta.image)
	var related []feed.Link
	var lead leadText
	if !plain {
		related = harvestRelated(doc, base, meta, sh)
		lead = cleanFurniture(doc, container, sh)
		unhide(doc, sh.core)
		gatherBody(doc, sh.core)
		defuseBylines(doc)
	}

	parser := readability.NewParser()
	parser.ClassesToPreserve = []string{"page", captionClass}
	ra, err := parser.ParseAndMutate(doc, base)
	if err != nil {
		return feed.Article{}, expect, fmt.Errorf("readability: %w", err)
	}
	if ra.Node == nil {
		return feed.Article{}, expect, fmt.Errorf("%w: no body text", ErrNotArticle)
	}
	title := firstOf(meta.title, ra.Title())
	byline := firstOf(meta.byline, stripBylineLabel(ra.Byline()))
	blocks, figs, links := toBlocks(ra.Node, lang, dir)
	blocks, kept := cleanBlocks(blocks, title, byline)
	n := len(blocks)
	blocks = addLead(blocks, lead)
	figs = moveFigures(figs, kept, len(blocks)-n)
	image := imageURL(base, firstOf(meta.image, fig.image, ra.ImageURL()))
	if !hasBody(blocks) {
		return feed.Article{}, expect, fmt.Errorf("%w: no body text", ErrNotArticle)
	}
	if hasFig {
		var moved []int
		blocks, moved = withLeadFigure(blocks, fig)
		figs = moveFigures(figs, moved, 0)
	}
	return feed.Article{
		URL:       firstOf(absURL(nil, pageURL), pageURL),
		Title:     title,
		Byline:    byline,
		Published: meta.published,
		Modified:  meta.modified,
		Section:   meta.section,
		SiteName:  firstOf(meta.siteName, ra.SiteName()),
		Image:     image,
		Lang:      lang,
		Dir:       dir,
		Blocks:    blocks,
		Figures:   withoutURL(figs, image),
		Links:     usedLinks(blocks, links),
		Related:   append([]feed.Link{}, related...),
	}, expect, nil
}

// withoutURL drops the figure showing the lead image, which the reader
// shows under the headline.
func withoutURL(figs []feed.Figure, url string) []feed.Figure {
	out := figs[:0]
	for _, f := range figs {
		if f.URL != url {
			out = append(out, f)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// bodyLetters counts the letters and digits of the blocks that are not
// captions.
func bodyLetters(blocks []feed.Block) int {
	n := 0
	for _, b := range blocks {
		if b.Kind != feed.Caption {
			for _, r := range b.Text {
				if unicode.IsLetter(r) || unicode.IsDigit(r) {
					n++
				}
			}
		}
	}
	return n
}

// hasBody reports whether blocks hold a paragraph of real text.
func hasBody(blocks []feed.Block) bool {
	for _, b := range blocks {
		if b.Kind != feed.Caption && utf8.RuneCountInString(b.Text) >= 20 {
			return true
		}
	}
	return false
}

// usedLinks keeps the links that blocks still point to, renumbering the
// spans; it never returns nil, so JSON shows an empty list.
func usedLinks(blocks []feed.Block, links []feed.Link) []feed.Link {
	kept := []feed.Link{}
	renumber := map[int]int{}
	for _, b := range blocks {
		for i, s := range b.Spans {
			if s.Link == 0 {
				continue
			}
			if renumber[s.Link] == 0 {
				kept = append(kept, links[s.Link-1])
				renumber[s.Link] = len(kept)
			}
			b.Spans[i].Link = renumber[s.Link]
		}
	}
	return kept
}

// imageURL resolves the lead image's address; "" stays "".
func imageURL(base *url.URL, src string) string {
	if src == "" {
		return ""
	}
	return absURL(base, src)
}
