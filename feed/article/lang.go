package article

import (
	"strings"
	"unicode"

	"github.com/akhbar/akhbar/feed"
	"golang.org/x/net/html"
)

// baseLang reduces a language tag ("ar-EG", "fa_IR", "EN") to its
// lower-case primary subtag.
func baseLang(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	if len(tag) < 2 || len(tag) > 3 || strings.IndexFunc(tag, func(r rune) bool { return r < 'a' || r > 'z' }) >= 0 {
		return ""
	}
	return tag
}

// dirOfLang gives the direction of a language, DirAuto when unknown.
func dirOfLang(lang string) feed.Dir {
	switch {
	case lang == "":
		return feed.DirAuto
	case feed.IsRTLLang(lang):
		return feed.DirRTL
	}
	return feed.DirLTR
}

// parseDir reads a dir attribute value.
func parseDir(s string) feed.Dir {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "rtl":
		return feed.DirRTL
	case "ltr":
		return feed.DirLTR
	}
	return feed.DirAuto
}

// articleContainer guesses the element that holds the article before
// readability runs: articleBody microdata, else the first <article>
// with some text, else <main>, else <body>.
func articleContainer(doc *html.Node) *html.Node {
	if n := findFirst(doc, func(n *html.Node) bool { return attr(n, "itemprop") == "articleBody" }); n != nil {
		return n
	}
	articles := findAll(doc, byTag("article"))
	for _, a := range articles {
		if len(textOf(a, 2000)) >= 1000 {
			return a
		}
	}
	if len(articles) > 0 {
		return articles[0]
	}
	for _, name := range []string{"main", "body"} {
		if n := findFirst(doc, byTag(name)); n != nil {
			return n
		}
	}
	return doc
}

// declared returns the nearest lang and dir attributes on n and its
// ancestors.
func declared(n *html.Node) (lang string, dir feed.Dir) {
	for ; n != nil; n = n.Parent {
		if n.Type != html.ElementNode {
			continue
		}
		if lang == "" {
			lang = baseLang(firstOf(attr(n, "lang"), attr(n, "xml:lang")))
		}
		if dir == feed.DirAuto {
			dir = parseDir(attr(n, "dir"))
		}
	}
	return lang, dir
}

// pageLang decides the article's language and direction: the container's
// lang (or an ancestor's), else JSON-LD inLanguage, else meta tags, else a
// guess from the letters and words of text. A declared language the text
// clearly contradicts (lang="en" on Arabic or German text) loses to the
// guess. The direction is the declared dir when it agrees with the
// language, else the language's direction.
func pageLang(container *html.Node, ld ldInfo, head headMap, text string) (string, feed.Dir) {
	chainLang, chainDir := declared(container)
	lang := firstOf(chainLang, baseLang(ld.lang), baseLang(head.get("content-language")),
		baseLang(head.get("language")), baseLang(head.get("og:locale")))
	counts := countScripts(text)
	guess, sure := guessLang(text)
	if lang == "" || guess != "" && dirOfLang(guess) != dirOfLang(lang) || contradicts(lang, guess, sure) {
		lang = firstOf(guess, lang)
	}
	dir := dirOfLang(lang)
	if dir == feed.DirAuto || chainDir == dir {
		dir = firstDir(chainDir, dir, counts.dir())
	}
	return lang, dir
}

// firstDir returns the first direction that is not DirAuto.
func firstDir(dirs ...feed.Dir) feed.Dir {
	for _, d := range dirs {
		if d != feed.DirAuto {
			return d
		}
	}
	return feed.DirAuto
}

// scriptCounts holds the number of letters of a text by script.
type scriptCounts struct {
	arabic, persian, urdu, hebrew, latin, other                                              int
	cyrillic, greek, han, kana, hangul, thai, devanagari, bengali, tamil, georgian, armenian int
}

// countScripts counts the letters of text by script.
func countScripts(text string) scriptCounts {
	var c scriptCounts
	for _, r := range text {
		switch {
		case r < 0x80:
			if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
				c.latin++
			}
		case strings.ContainsRune("پچژگکی", r):
			c.persian++
			c.arabic++
		case strings.ContainsRune("ٹڈڑںےھ", r):
			c.urdu++
			c.arabic++
		case !unicode.IsLetter(r):
		case unicode.Is(unicode.Latin, r):
			c.latin++
		case unicode.Is(unicode.Arabic, r):
			c.arabic++
		case unicode.Is(unicode.Hebrew, r):
			c.hebrew++
		default:
			c.countOther(r)
		}
	}
	return c
}

// countOther counts a letter of a script other than Latin, Arabic and
// Hebrew.
func (c *scriptCounts) countOther(r rune) {
	c.other++
	switch {
	case unicode.Is(unicode.Cyrillic, r):
		c.cyrillic++
	case unicode.Is(unicode.Han, r):
		c.han++
	case unicode.In(r, unicode.Hiragana, unicode.Katakana):
		c.kana++
	case unicode.Is(unicode.Hangul, r):
		c.hangul++
	case unicode.Is(unicode.Greek, r):
		c.greek++
	case unicode.Is(unicode.Thai, r):
		c.thai++
	case unicode.Is(unicode.Devanagari, r):
		c.devanagari++
	case unicode.Is(unicode.Bengali, r):
		c.bengali++
	case unicode.Is(unicode.Tamil, r):
		c.tamil++
	case unicode.Is(unicode.Georgian, r):
		c.georgian++
	case unicode.Is(unicode.Armenian, r):
		c.armenian++
	}
}

// total is the number of letters counted.
func (c scriptCounts) total() int { return c.arabic + c.hebrew + c.latin + c.other }

// lang names the language of the counted text when its letters make it
// clear: Arabic, Persian or Urdu for Arabic script, Hebrew for Hebrew
// script. It returns "" for Latin and other scripts, which it cannot
// tell apart.
func (c scriptCounts) lang() string {
	total := c.total()
	switch {
	case total < 20:
		return ""
	case c.arabic*2 > total:
		switch {
		case c.urdu*50 > c.arabic:
			return "ur"
		case c.persian*30 > c.arabic:
			return "fa"
		}
		return "ar"
	case c.hebrew*2 > total:
		return "he"
	}
	return ""
}

// dir gives the direction of the letters that make up most of the text.
func (c scriptCounts) dir() feed.Dir {
	switch {
	case c.arabic+c.hebrew == 0 && c.latin+c.other == 0:
		return feed.DirAuto
	case c.arabic+c.hebrew > c.latin+c.other:
		return feed.DirRTL
	}
	return feed.DirLTR
}
