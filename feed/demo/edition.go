package demo

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"time"
)

// files holds the edition: edition.json (sites and pages), the feed and
// page templates, and one body template per page in pages/.
//
//go:embed site
var files embed.FS

// edition is the parsed edition.json.
type edition struct {
	Sites []siteInfo `json:"sites"`
	Pages []page     `json:"pages"`
}

// siteInfo is one language's news site: its feed and the words of its
// page furniture.
type siteInfo struct {
	Lang           string     `json:"lang"`
	Dir            string     `json:"dir"`
	Name           string     `json:"name"`
	Format         string     `json:"format"` // rss, atom or json
	format         feedFormat // Format, checked by loadEdition
	FeedTitle      string     `json:"feed_title"`
	Description    string     `json:"description"`
	Home           string     `json:"home"`
	Menu           []string   `json:"menu"`
	Search         string     `json:"search"`
	ReadMore       string     `json:"read_more"`
	Ad             string     `json:"ad"`
	Share          string     `json:"share"`
	MostRead       string     `json:"most_read"`
	Newsletter     string     `json:"newsletter"`
	NewsletterText string     `json:"newsletter_text"`
	Subscribe      string     `json:"subscribe"`
	Footer         string     `json:"footer"`
	Cookies        string     `json:"cookies"`
	Accept         string     `json:"accept"`
}

// page is one article of the edition. Its body is pages/ID.html.
type page struct {
	ID      string   `json:"id"`
	Lang    string   `json:"lang"`
	Slug    string   `json:"slug"`
	Title   string   `json:"title"`
	Teaser  string   `json:"teaser"`
	Author  string   `json:"author"`
	Section string   `json:"section"`
	Ago     string   `json:"ago"` // published this long before the server started
	Related []string `json:"related"`
	// LDRelated also lists the related stories as JSON-LD relatedLink.
	LDRelated bool `json:"ld_related"`

	age time.Duration
}

// feedFormat is how a feed format is served.
type feedFormat struct{ file, contentType string }

// formatOf returns the file name and content type of a feed format: rss
// (RSS 2.0), atom or json (JSON Feed 1.1). ok is false for any other.
func formatOf(name string) (f feedFormat, ok bool) {
	switch name {
	case "rss":
		return feedFormat{"rss.xml", "application/rss+xml; charset=utf-8"}, true
	case "atom":
		return feedFormat{"atom.xml", "application/atom+xml; charset=utf-8"}, true
	case "json":
		return feedFormat{"feed.json", "application/feed+json; charset=utf-8"}, true
	}
	return feedFormat{}, false
}

// loadEdition reads and checks edition.json: every page has a site, a
// body and a valid age, and every related id names a page.
func loadEdition() (edition, error) {
	var ed edition
	data, err := files.ReadFile("site/edition.json")
	if err != nil {
		return ed, fmt.Errorf("read edition: %w", err)
	}
	if err := json.Unmarshal(data, &ed); err != nil {
		return ed, fmt.Errorf("parse edition.json: %w", err)
	}
	ids := map[string]bool{}
	for i := range ed.Pages {
		p := &ed.Pages[i]
		if ids[p.ID] {
			return ed, fmt.Errorf("edition: page %s twice", p.ID)
		}
		ids[p.ID] = true
		if _, ok := ed.site(p.Lang); !ok {
			return ed, fmt.Errorf("edition: page %s: no site for lang %q", p.ID, p.Lang)
		}
		if p.age, err = time.ParseDuration(p.Ago); err != nil {
			return ed, fmt.Errorf("edition: page %s: %w", p.ID, err)
		}
		if _, err := fs.Stat(files, bodyFile(p.ID)); err != nil {
			return ed, fmt.Errorf("edition: page %s: %w", p.ID, err)
		}
	}
	for i, s := range ed.Sites {
		f, ok := formatOf(s.Format)
		if !ok {
			return ed, fmt.Errorf("edition: site %s: unknown format %q", s.Lang, s.Format)
		}
		ed.Sites[i].format = f
	}
	for _, p := range ed.Pages {
		for _, r := range p.Related {
			if !ids[r] {
				return ed, fmt.Errorf("edition: page %s: related %q is no page", p.ID, r)
			}
		}
	}
	return ed, nil
}

// site returns the site of a language.
func (ed edition) site(lang string) (siteInfo, bool) {
	for _, s := range ed.Sites {
		if s.Lang == lang {
			return s, true
		}
	}
	return siteInfo{}, false
}

// page returns the page with this id.
func (ed edition) page(id string) (page, bool) {
	for _, p := range ed.Pages {
		if p.ID == id {
			return p, true
		}
	}
	return page{}, false
}

// feeds lists the demo feeds on the server at base, in site order.
func (ed edition) feeds(base string) []Feed {
	out := make([]Feed, 0, len(ed.Sites))
	for _, s := range ed.Sites {
		out = append(out, Feed{URL: base + feedPath(s), Title: s.FeedTitle, Lang: s.Lang})
	}
	return out
}

// feedPath is the URL path of a site's feed.
func feedPath(s siteInfo) string { return "/" + s.Lang + "/" + s.format.file }

// feedType is the content type of a site's feed.
func feedType(s siteInfo) string { return s.format.contentType }

// homePath is the URL path of a site's front page.
func homePath(lang string) string { return "/" + lang + "/" }

// pagePath is the URL path of an article page.
func pagePath(p page) string { return "/" + p.Lang + "/news/" + p.Slug + ".html" }

// bodyFile is the embedded body template of a page.
func bodyFile(id string) string { return "site/pages/" + id + ".html" }
