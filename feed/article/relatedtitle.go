package article

import (
	"net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
)

// maxRelated is the most related stories an article keeps: a reader
// wants a short list, not a site's whole index.
const maxRelated = 12

// dateWords matches the dates and ages that teasers print next to
// their headline ("Oct 17, 2014", "17.10.2014", "20 hours ago").
const dateWords = `(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}` +
	`|\d{1,2}\.? (?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,? \d{4}` +
	`|\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{2,4}` +
	`|\d+ (?:second|minute|min|hour|hr|day|week|month|year)s? ago|yesterday|today)` +
	`(?:,? \d{1,2}:\d{2}(?: ?[ap]m)?)?`

// titleDates strips one date at either end of a teaser's text, with the
// separator next to it. Read-only.
var titleDates = regexp.MustCompile(`(?i)^` + dateWords + `\s*[-–—|·•:]?\s+|\s+[-–—|·•,]?\s*` + dateWords + `$`)

// titleSeparators between a section name and a headline.
var sectionSeparators = []string{" | ", " · ", " • ", " // ", ": ", " - ", " – ", " — "}

// linkTitle returns the headline of a related link: the text of the
// heading inside the anchor when it has one (teasers put a kicker, a
// date and a blurb around it), else the anchor's title attribute when
// its text holds it with more around it, else the anchor's text; without
// a date or a section name at either end.
func linkTitle(a *html.Node, target *url.URL, section string) string {
	text := ""
	if h := findFirst(a, byTag("h1", "h2", "h3", "h4", "h5", "h6")); h != nil {
		text = textOf(h, 512)
	}
	if text == "" {
		text = textOf(a, 512)
		if t := strings.Join(strings.Fields(attr(a, "title")), " "); t != "" && t != text && strings.Contains(text, t) && isStoryTitle(t) {
			text = t
		}
	}
	return cleanTitle(text, target, section)
}

// cleanTitle removes bullets, a date at either end and a leading
// section name: one that a segment of the link's own path or the
// page's section names ("Politics | …" on /politics/…).
func cleanTitle(text string, target *url.URL, section string) string {
	text = strings.TrimFunc(text, isDecoration)
	if strings.ContainsAny(text, "0123456789") || containsFold(text, "today") || containsFold(text, "yesterday") {
		text = strings.TrimFunc(titleDates.ReplaceAllString(text, ""), isDecoration)
	}
	for _, sep := range sectionSeparators {
		prefix, rest, ok := strings.Cut(text, sep)
		if ok && rest != "" && namesSection(norm(prefix), target, section) {
			return strings.TrimFunc(rest, isDecoration)
		}
	}
	return text
}

// namesSection reports whether folded text names the page's section or
// a folder of the link's path ("world-news" → "world news").
func namesSection(text string, target *url.URL, section string) bool {
	if text == "" {
		return false
	}
	if section != "" && text == norm(section) {
		return true
	}
	if target == nil {
		return false
	}
	for _, seg := range strings.Split(target.Path, "/") {
		if seg != "" && norm(strings.NewReplacer("-", " ", "_", " ").Replace(seg)) == text {
			return true
		}
	}
	return false
}

// isStoryTitle reports whether a related link's title names a story: not
// an action ("Read more", "Play video") and not a lone word (a section
// or tag name) — except in scripts written without spaces, where a
// headline of eight letters or more is one "word".
func isStoryTitle(title string) bool {
	t := norm(title)
	if t == "" || equalsAny(t, phrases().genericTitles) || equalsAny(t, phrases().relatedLabels) {
		return false
	}
	if strings.ContainsRune(t, ' ') {
		return true
	}
	return utf8.RuneCountInString(t) >= 8 && strings.IndexFunc(t, unspaced) >= 0
}

// unspaced reports whether r belongs to a script written without spaces
// between words.
func unspaced(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Thai, unicode.Lao,
		unicode.Khmer, unicode.Myanmar, unicode.Tibetan)
}
