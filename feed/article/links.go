package article

import (
	"net"
	"net/url"
	"slices"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/publicsuffix"
)

// baseURL returns the URL relative links of doc resolve against: the
// page's address (see pageAddress), moved by a <base href> if the page
// has one. It is nil when neither gives an absolute http(s) URL.
func baseURL(address string, doc *html.Node) *url.URL {
	u, err := url.Parse(address)
	if err != nil || !u.IsAbs() {
		u = nil
	}
	if b := findFirst(doc, byTag("base")); b != nil && strings.TrimSpace(attr(b, "href")) != "" {
		if ref, err := url.Parse(strings.TrimSpace(attr(b, "href"))); err == nil {
			if u != nil {
				ref = u.ResolveReference(ref)
			}
			if ref.IsAbs() {
				u = ref
			}
		}
	}
	if u == nil || u.Scheme != "http" && u.Scheme != "https" {
		return nil
	}
	return u
}

// pageAddress returns the web address of the page: pageURL when it is
// an http(s) URL, else (a saved file, standard input) the address the
// page names as its own (canonical link, og:url), else "".
func pageAddress(pageURL string, head headMap) string {
	if u := absURL(nil, pageURL); u != "" {
		return strings.TrimSpace(pageURL)
	}
	return firstOf(absURL(nil, head.get("canonical")), absURL(nil, head.get("og:url")))
}

// absURL resolves href against base and returns it without its fragment,
// or "" unless the result is an http or https URL.
func absURL(base *url.URL, href string) string {
	ref, err := url.Parse(strings.TrimSpace(href))
	if err != nil {
		return ""
	}
	if base != nil {
		ref = base.ResolveReference(ref)
	}
	if ref.Scheme != "http" && ref.Scheme != "https" || ref.Host == "" {
		return ""
	}
	ref.Fragment = ""
	ref.RawFragment = ""
	return ref.String()
}

// site returns the registrable domain of a URL's host ("arabic.euronews.com"
// → "euronews.com"); IP addresses and hosts without a public suffix are
// returned whole.
func site(u *url.URL) string {
	host := strings.ToLower(u.Hostname())
	if net.ParseIP(host) != nil {
		return host
	}
	d, err := publicsuffix.EffectiveTLDPlusOne(host)
	if err != nil {
		return host
	}
	return d
}

// listingSegments are path segments of index pages, not articles. Read-only.
var listingSegments = map[string]bool{
	"tag": true, "tags": true, "topic": true, "topics": true, "category": true,
	"categories": true, "section": true, "sections": true, "author": true, "authors": true,
	"profile": true, "profiles": true, "search": true, "login": true, "subscribe": true,
	"newsletter": true, "newsletters": true, "contact": true, "about": true, "privacy": true,
	"people": true, "person": true, "staff": true, "writer": true, "writers": true,
	"contributor": true, "contributors": true, "byline": true, "keyword": true, "keywords": true,
	"schlagwort": true, "thema": true, "themen": true, "tema": true, "temas": true, "sujet": true,
	"sujets": true, "rubrique": true, "ressort": true, "autor": true, "autoren": true, "auteur": true,
}

// listingParams are query keys of tag, search and author listings.
// Read-only.
var listingParams = []string{"tag", "tags", "topic", "category", "author", "s", "q", "query", "search"}

// adHosts are recommendation and ad networks whose links never count.
// Read-only.
var adHosts = []string{"outbrain", "taboola", "revcontent", "mgid", "zergnet", "plista",
	"ligatus", "doubleclick", "adnxs", "googlesyndication"}

// looksLikeArticle guesses from its URL whether a link leads to a story
// rather than a home, section, tag or author page: story URLs carry a
// number of three digits or more (a date or an id), a folder that is a
// number ("/p/42", "/story/7.html") or a long hyphenated slug, and no
// folder or query key of a listing. A digit inside a name ("9to5toys")
// is not a number.
func looksLikeArticle(u *url.URL) bool {
	host := strings.ToLower(u.Host)
	for _, ad := range adHosts {
		if strings.Contains(host, ad) {
			return false
		}
	}
	segs := strings.FieldsFunc(strings.ToLower(u.EscapedPath()), func(r rune) bool { return r == '/' })
	for _, s := range segs {
		if listingSegments[s] {
			return false
		}
	}
	query := u.Query()
	for _, k := range listingParams {
		if query.Has(k) {
			return false
		}
	}
	if len(segs) == 0 && u.RawQuery == "" {
		return false
	}
	if hasNumber(u.EscapedPath()+"?"+u.RawQuery, 3) || slices.ContainsFunc(segs, isNumber) {
		return true
	}
	last := ""
	if len(segs) > 0 {
		last = segs[len(segs)-1]
	}
	return strings.Count(last, "-") >= 2 || len(last) >= 30
}

// isNumber reports whether a path segment is a number, an extension
// ("42.html") aside.
func isNumber(seg string) bool {
	if i := strings.IndexByte(seg, '.'); i > 0 {
		seg = seg[:i]
	}
	return seg != "" && strings.Trim(seg, "0123456789") == ""
}

// hasNumber reports whether s holds a run of at least n ASCII digits.
func hasNumber(s string, n int) bool {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			run++
			if run >= n {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}
