package render

import (
	"strconv"
	"strings"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/render/bidi"
)

// Page is a laid-out article with the positions the TUI needs to follow
// links and related stories.
type Page struct {
	Lines   []string  // every line at most Options.Width cells
	Links   []int     // Links[i]: index in Lines of the entry of a.Links[i] in the links list
	Related []int     // Related[i]: index in Lines of the entry of a.Related[i]
	Images  []ImageAt // where the images stand, in order
}

// Article lays out a whole article: title, byline · date · site, then
// blocks, then numbered inline links and a numbered "Related stories"
// list at the end. Every line is at most o.Width cells. It cannot fail.
func Article(a feed.Article, o Options) []string {
	return ArticlePage(a, o).Lines
}

// ArticlePage is Article that also reports where the links and related
// stories start, so the TUI can follow them by number or cursor.
func ArticlePage(a feed.Article, o Options) Page {
	s := newStyler(o, append(append([]feed.Link{}, a.Links...), a.Related...))
	adir := declared(a.Dir, a.Lang)
	var p Page
	add := func(lines []string) {
		if len(lines) == 0 {
			return
		}
		if len(p.Lines) > 0 {
			p.Lines = append(p.Lines, "")
		}
		p.Lines = append(p.Lines, lines...)
	}
	add(header(a, adir, s))
	addImage := func(url, alt string) {
		if o.Pictures == nil || url == "" {
			return
		}
		lines, at, ok := figure(url, alt, adir, s, o)
		if !ok {
			return
		}
		at.Line = len(p.Lines)
		if at.Line > 0 {
			at.Line++ // the blank line add puts first
		}
		add(lines)
		p.Images = append(p.Images, at)
	}
	addImage(a.Image, "")
	figs := a.Figures
	for i, b := range a.Blocks {
		for len(figs) > 0 && figs[0].At <= i {
			addImage(figs[0].URL, figs[0].Alt)
			figs = figs[1:]
		}
		if b.Kind == feed.Code {
			if lines, ok := s.highlight(b); ok {
				add(lines)
				continue
			}
		}
		add(layoutBlock(blockOf(b, a, s), s))
	}
	for _, f := range figs {
		addImage(f.URL, f.Alt)
	}
	addList := func(section string, links []feed.Link, offset int) []int {
		if len(links) == 0 {
			return nil
		}
		lines, at := linkList(sectionTitle(a.Lang, section), links, offset, adir, s)
		base := len(p.Lines)
		if base > 0 {
			base++ // the blank line add puts first
		}
		add(lines)
		for i := range at {
			at[i] += base
		}
		return at
	}
	p.Links = addList("links", a.Links, 0)
	p.Related = addList("related", a.Related, len(a.Links))
	return p
}

// Paragraph lays out one block of plain text in the given direction
// (DirAuto: by its first strong character, rules P2–P3, else LTR). RTL
// lines are right-aligned to o.Width. It cannot fail.
func Paragraph(text string, dir feed.Dir, o Options) []string {
	s := newStyler(o, nil)
	paras := s.prepare(text, nil, 0, false, false)
	spec := blockSpec{paras: paras, dir: resolveDir(dir, paras), base: baseText}
	return layoutBlock(spec, s)
}

// maxTitleBytes bounds the title header lays out, so that an article
// title of megabytes (older caches, local files) costs no more than a
// long one; longer titles end in "…".
const maxTitleBytes = 8192

// header lays out the title and the byline · date · site line.
func header(a feed.Article, dir feed.Dir, s *styler) []string {
	var out []string
	title, cut := cutBytes(a.Title, maxTitleBytes)
	if cut {
		title += "…"
	}
	if paras := s.prepare(title, nil, 0, false, true); !blank(paras) {
		out = layoutBlock(blockSpec{paras: paras, dir: resolveDir(dir, paras), base: baseTitle}, s)
	}
	var meta text
	for _, part := range []struct {
		text  string
		flags uint8
	}{{a.Byline, styleByline}, {date(a), 0}, {a.SiteName, 0}} {
		words := strings.Join(strings.Fields(SanitizeLine(part.text)), " ")
		if words == "" {
			continue
		}
		if len(meta.runes) > 0 {
			for _, r := range " · " {
				meta.append(r, attr{})
			}
		}
		// Isolate each part so its direction cannot reorder its neighbours.
		meta.append('\u2068', attr{})
		for _, r := range words {
			meta.append(r, attr{flags: part.flags})
		}
		meta.append('\u2069', attr{})
	}
	if len(meta.runes) > 0 {
		paras := []text{meta}
		out = append(out, layoutBlock(blockSpec{paras: paras, dir: resolveDir(dir, paras), base: baseMeta}, s)...)
	}
	return out
}

// date formats the article's publication date, or "" when unknown.
func date(a feed.Article) string {
	if a.Published.IsZero() {
		return ""
	}
	return a.Published.Format("2006-01-02 15:04")
}

// blockOf prepares one article block for layout.
func blockOf(b feed.Block, a feed.Article, s *styler) blockSpec {
	code := b.Kind == feed.Code
	paras := s.prepare(b.Text, b.Spans, len(a.Links), code, false)
	if !code && blank(paras) {
		return blockSpec{}
	}
	spec := blockSpec{paras: paras, dir: resolveDir(blockDir(b, a), paras), base: baseText}
	rtl := spec.dir == bidi.RTL
	switch b.Kind {
	case feed.Heading:
		spec.base = baseHeading
	case feed.Quote:
		spec.base = baseQuote
		spec.decor = sideMarker("│", "│", rtl, baseBar)
	case feed.ListItem:
		spec.decor = sideMarker("•", " ", rtl, baseBullet)
		spec.decor.indent = 2 * min(max(b.Level, 0), 8)
	case feed.Caption:
		spec.base = baseCaption
		if b.Image != "" {
			// The caption of a picture the terminal cannot show: a
			// marker says a picture stands here.
			spec.decor = sideMarker("▣", " ", rtl, baseBullet)
		}
	case feed.Code:
		spec.base, spec.dir, spec.hard = baseCode, bidi.LTR, true
	}
	return spec
}

// sideMarker builds a decoration whose markers are followed (LTR) or
// preceded (RTL) by a space.
func sideMarker(first, rest string, rtl bool, style baseStyle) decor {
	if rtl {
		return decor{first: " " + first, rest: " " + rest, style: style}
	}
	return decor{first: first + " ", rest: rest + " ", style: style}
}

// blank reports whether paragraphs hold nothing but spaces and controls.
func blank(paras []text) bool {
	for _, t := range paras {
		for _, r := range t.runes {
			if r != ' ' && !bidi.IsFormatting(r) {
				return false
			}
		}
	}
	return true
}

// linkList lays out a titled, numbered list of links; entry i is
// numbered offset+i+1 and linked to s.links[offset+i]: links and related
// stories share one numbering, the one that "3 enter" and "3o" use. It also returns the index in its lines of each
// entry's first line.
func linkList(title string, links []feed.Link, offset int, dir feed.Dir, s *styler) ([]string, []int) {
	tparas := s.prepare(title, nil, 0, false, false)
	ldir := resolveDir(dir, tparas)
	out := layoutBlock(blockSpec{paras: tparas, dir: ldir, base: baseHeading}, s)
	at := make([]int, 0, len(links))
	for i, l := range links {
		at = append(at, len(out))
		out = append(out, linkEntry(offset+i+1, l, ldir, s)...)
	}
	return out, at
}

// linkEntry lays out entry n of a list in direction dir: "[n] title"
// with "[n]" on the start side of the list (the right in an RTL list),
// then the URL (left to right) when it differs. The title is isolated, so
// it reads in its own direction whatever the list's.
func linkEntry(n int, l feed.Link, dir bidi.Direction, s *styler) []string {
	title := strings.TrimSpace(SanitizeLine(l.Title))
	url := strings.TrimSpace(SanitizeLine(l.URL))
	if title == "" {
		title, url = url, ""
	}
	paras := s.prepare("\u2068"+title+"\u2069", nil, 0, false, false) // FSI … PDI
	linked(paras, n)
	spec := blockSpec{paras: paras, dir: dir, base: baseText}
	label := "[" + strconv.Itoa(n) + "]"
	spec.decor = sideMarker(label, strings.Repeat(" ", len(label)), spec.dir == bidi.RTL, baseLink)
	out := layoutBlock(spec, s)
	if url != "" && url != title {
		uparas := s.prepare(url, nil, 0, false, false)
		linked(uparas, n)
		indent := decor{indent: len(label) + 1}
		uspec := blockSpec{paras: uparas, dir: bidi.LTR, base: baseMeta, decor: indent, hard: true}
		uspec.right = spec.dir == bidi.RTL // under an RTL title, flush right
		out = append(out, layoutBlock(uspec, s)...)
	}
	return out
}

// linked makes all of paras a link to target.
func linked(paras []text, target int) {
	for _, t := range paras {
		for i := range t.attrs {
			t.attrs[i] = attr{flags: styleLink, link: target}
		}
	}
}

// sectionTitle names a section at the end of an article in the
// article's language (English when it is not one akhbar knows).
func sectionTitle(lang, section string) string {
	primary, _, _ := strings.Cut(strings.ToLower(lang), "-")
	titles := map[string][2]string{
		"ar": {"روابط", "أخبار ذات صلة"},
		"fa": {"پیوندها", "خبرهای مرتبط"},
		"ur": {"روابط", "متعلقہ خبریں"},
		"he": {"קישורים", "כתבות קשורות"},
	}
	t, ok := titles[primary]
	if !ok {
		t = [2]string{"Links", "Related stories"}
	}
	if section == "links" {
		return t[0]
	}
	return t[1]
}
