package article

import (
	"strings"
	"unicode"

	"github.com/akhbar/akhbar/feed"
	"golang.org/x/net/html"
)

// blockWalker turns cleaned article HTML into feed.Blocks and the inline
// links they point to.
type blockWalker struct {
	lang   string   // the article's language; blocks only record others
	dir    feed.Dir // the article's direction
	blocks []feed.Block
	links  []feed.Link
	figs   []feed.Figure
	index  map[string]int // link URL → 1-based index in links

	cur   blockBuilder
	made  int            // blocks started so far
	ctx   feed.BlockKind // kind of the text outside inner blocks
	depth int            // list nesting
	attrs []langDir      // lang/dir declared by enclosing elements
	pre   bool
}

// langDir is a lang/dir pair declared by one element.
type langDir struct {
	lang string
	dir  feed.Dir
}

// toBlocks walks root (readability's output) into blocks, the figures
// that stand between them and the links they point to.
func toBlocks(root *html.Node, lang string, dir feed.Dir) ([]feed.Block, []feed.Figure, []feed.Link) {
	w := &blockWalker{lang: lang, dir: dir, index: map[string]int{}, ctx: feed.Paragraph}
	w.start(feed.Paragraph, 0)
	w.walk(root)
	w.flush()
	return w.blocks, w.figs, w.links
}

// blockTags end the current block before and after them. Read-only.
var blockTags = map[string]bool{
	"p": true, "div": true, "section": true, "article": true, "main": true, "header": true,
	"footer": true, "aside": true, "table": true, "thead": true, "tbody": true, "tr": true,
	"td": true, "th": true, "dl": true, "dt": true, "dd": true, "center": true,
	"address": true, "details": true, "summary": true, "hgroup": true, "figure": true,
	"hr": true, "caption": true,
}

// skipTags hold nothing readable. Read-only.
var skipTags = map[string]bool{
	"script": true, "style": true, "noscript": true,
	"video": true, "audio": true, "iframe": true, "svg": true, "button": true, "input": true,
	"select": true, "textarea": true, "form": true, "template": true, "object": true,
	"embed": true, "source": true, "head": true, "math": true, "canvas": true,
}

func (w *blockWalker) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.cur.write(n.Data, w.pre)
		return
	case html.DocumentNode:
		w.children(n)
		return
	case html.ElementNode:
	default:
		return
	}
	if skipTags[n.Data] {
		return
	}
	if n.Data == "img" {
		w.figure(n)
		return
	}
	w.pushLang(n)
	defer func() { w.attrs = w.attrs[:len(w.attrs)-1] }()
	switch {
	case strings.Contains(attr(n, "class"), captionClass) || n.Data == "figcaption":
		w.inner(n, feed.Caption, 0)
	case n.Data == "br":
		w.restart()
	case len(n.Data) == 2 && n.Data[0] == 'h' && n.Data[1] >= '1' && n.Data[1] <= '6':
		w.inner(n, feed.Heading, int(n.Data[1]-'0'))
	case n.Data == "blockquote":
		w.inner(n, feed.Quote, 0)
	case n.Data == "ul" || n.Data == "ol":
		w.depth++
		w.inner(n, w.ctx, w.cur.level)
		w.depth--
	case n.Data == "li":
		w.inner(n, feed.ListItem, max(w.depth-1, 0))
	case n.Data == "pre":
		w.pre = true
		w.inner(n, feed.Code, 0)
		w.pre = false
	case blockTags[n.Data]:
		w.inner(n, w.ctx, w.cur.level)
	default:
		w.inline(n)
	}
}

func (w *blockWalker) children(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
}

// inner walks n as a block of kind k, restoring the outer block after.
func (w *blockWalker) inner(n *html.Node, k feed.BlockKind, level int) {
	outer, outerLevel := w.ctx, w.cur.level
	w.flush()
	w.ctx = k
	w.start(k, level)
	w.children(n)
	w.flush()
	w.ctx = outer
	w.start(outer, outerLevel)
}

// inline walks an inline element, recording its style as a span.
func (w *blockWalker) inline(n *html.Node) {
	style, link := feed.Style(""), 0
	switch n.Data {
	case "b", "strong":
		style = feed.Bold
	case "i", "em", "cite", "dfn":
		style = feed.Italic
	case "code", "kbd", "samp", "tt":
		if !w.pre {
			style = feed.Mono
		}
	case "a":
		if link = w.link(n); link > 0 {
			style = feed.Anchor
		}
	}
	if n.Data == "a" {
		w.cur.inLink++
		defer func() { w.cur.inLink = max(w.cur.inLink-1, 0) }()
	}
	if style == "" {
		w.children(n)
		return
	}
	id, open := w.cur.id, w.cur.open(style, link)
	w.children(n)
	if w.cur.id == id {
		w.cur.close(open)
	}
}

// maxFigures is how many pictures of one page an article records.
const maxFigures = 40

// figure records an <img> as a figure standing where it is: the text
// before it ends a block. Images without an http(s) source and tracking
// pixels (declared at most 2 pixels wide or high) are left out.
func (w *blockWalker) figure(img *html.Node) {
	u := absURL(nil, firstOf(attr(img, "src"), attr(img, "data-src")))
	if u == "" || len(w.figs) >= maxFigures || tiny(attr(img, "width")) || tiny(attr(img, "height")) {
		return
	}
	for _, f := range w.figs {
		if f.URL == u {
			return
		}
	}
	w.restart()
	alt := strings.Join(strings.Fields(attr(img, "alt")), " ")
	if len(alt) > 512 {
		alt = strings.ToValidUTF8(alt[:512], "")
	}
	w.figs = append(w.figs, feed.Figure{URL: u, Alt: alt, At: len(w.blocks)})
}

// tiny reports whether a width or height attribute declares at most 2
// pixels.
func tiny(v string) bool {
	v = strings.TrimSuffix(strings.TrimSpace(v), "px")
	return v == "0" || v == "1" || v == "2"
}

// link registers the target of an <a> and returns its 1-based index, or
// 0 when it is not an http/https URL.
func (w *blockWalker) link(a *html.Node) int {
	u := absURL(nil, attr(a, "href"))
	if u == "" {
		return 0
	}
	if i, ok := w.index[u]; ok {
		return i
	}
	w.links = append(w.links, feed.Link{Title: textOf(a, 512), URL: u})
	w.index[u] = len(w.links)
	return len(w.links)
}

// pushLang records the lang/dir n declares, inheriting from its parent.
func (w *blockWalker) pushLang(n *html.Node) {
	ld := langDir{}
	if len(w.attrs) > 0 {
		ld = w.attrs[len(w.attrs)-1]
	}
	if l := baseLang(firstOf(attr(n, "lang"), attr(n, "xml:lang"))); l != "" {
		ld = langDir{lang: l, dir: dirOfLang(l)}
	}
	if d := parseDir(attr(n, "dir")); d != feed.DirAuto {
		ld.dir = d
	}
	w.attrs = append(w.attrs, ld)
}

// start begins a new block of kind k with the current lang/dir.
func (w *blockWalker) start(k feed.BlockKind, level int) {
	w.made++
	w.cur = blockBuilder{kind: k, level: level, id: w.made}
	if len(w.attrs) == 0 {
		return
	}
	ld := w.attrs[len(w.attrs)-1]
	if ld.lang != w.lang {
		w.cur.lang = ld.lang
	}
	if ld.dir != w.dir {
		w.cur.dir = ld.dir
	}
}

// restart ends the current block at a <br> and begins another like it.
func (w *blockWalker) restart() {
	k, level := w.cur.kind, w.cur.level
	w.flush()
	w.start(k, level)
}

// flush appends the current block if it holds any letter or digit.
func (w *blockWalker) flush() {
	if b, ok := w.cur.block(); ok {
		w.blocks = append(w.blocks, b)
	}
	w.made++
	w.cur = blockBuilder{kind: w.cur.kind, level: w.cur.level, id: w.made}
}

// blockBuilder accumulates the text and spans of one block, collapsing
// white space outside <pre>.
type blockBuilder struct {
	kind       feed.BlockKind
	level      int
	lang       string
	dir        feed.Dir
	text       strings.Builder
	spans      []feed.Span
	id         int   // tells blocks apart so spans never close in another one
	space      bool  // a space is due before the next visible rune
	inLink     int   // depth of <a> elements around the text being written
	anyLink    bool  // some text sat inside a link
	ownLetters bool  // some letter or digit sat outside links
	unanchored []int // spans whose start waits for the first rune
}

// write appends text; outside pre, runs of white space become one space.
func (b *blockBuilder) write(s string, pre bool) {
	for _, r := range s {
		if !pre && (unicode.IsSpace(r) || r == '\u00a0') {
			b.space = b.text.Len() > 0
			continue
		}
		if b.space {
			b.text.WriteByte(' ')
			b.space = false
		}
		if b.inLink > 0 {
			b.anyLink = true
		} else if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.ownLetters = true
		}
		for _, i := range b.unanchored {
			b.spans[i].Start = b.text.Len()
		}
		b.unanchored = b.unanchored[:0]
		b.text.WriteRune(r)
	}
}

// open starts a span; its start is fixed at the next visible rune.
func (b *blockBuilder) open(style feed.Style, link int) int {
	b.spans = append(b.spans, feed.Span{Start: -1, Style: style, Link: link})
	i := len(b.spans) - 1
	b.unanchored = append(b.unanchored, i)
	return i
}

// close ends span i at the current end of text.
func (b *blockBuilder) close(i int) {
	b.spans[i].End = b.text.Len()
}

// block returns the finished block; ok is false when it has no letter
// or digit.
func (b *blockBuilder) block() (feed.Block, bool) {
	text := b.text.String()
	if b.kind == feed.Code {
		text = strings.Trim(text, "\n")
	}
	if !hasLetters(text) || b.linkOnly() {
		return feed.Block{}, false
	}
	var spans []feed.Span
	for _, s := range b.spans {
		if s.Start >= 0 && s.End > s.Start && s.End <= len(text) {
			spans = append(spans, s)
		}
	}
	return feed.Block{Kind: b.kind, Text: text, Level: b.level, Dir: b.dir, Lang: b.lang, Spans: spans}, true
}

// linkOnly reports whether the block is a paragraph or heading made of
// nothing but links: a menu, a category label or a share line.
func (b *blockBuilder) linkOnly() bool {
	return (b.kind == feed.Paragraph || b.kind == feed.Heading) && b.anyLink && !b.ownLetters
}
