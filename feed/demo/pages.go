package demo

import (
	"encoding/json"
	"fmt"
	htmltemplate "html/template"
	"time"
)

// pageData is what the page layout and a page body see.
type pageData struct {
	Base     string // the server's base URL, for links inside bodies
	Site     siteInfo
	Page     page
	Entry    entry
	Home     string
	Feed     link
	FeedType string
	Related  []link
	MostRead []link
	JSONLD   htmltemplate.JS
}

// pages renders every article page: site/layout.html around the page's
// own body template.
func (r renderer) pages(docs map[string]document) error {
	layout, err := htmltemplate.New("layout.html").Funcs(funcMap()).ParseFS(files, "site/layout.html")
	if err != nil {
		return fmt.Errorf("parse layout: %w", err)
	}
	for _, p := range r.ed.Pages {
		d, err := r.page(layout, p)
		if err != nil {
			return fmt.Errorf("render page %s: %w", p.ID, err)
		}
		docs[pagePath(p)] = d
	}
	return nil
}

// page renders one article page.
func (r renderer) page(layout *htmltemplate.Template, p page) (document, error) {
	t, err := layout.Clone()
	if err != nil {
		return document{}, err
	}
	body, err := files.ReadFile(bodyFile(p.ID))
	if err != nil {
		return document{}, err
	}
	t.Funcs(map[string]any{"url": r.pageURL})
	if _, err := t.New("body").Parse(string(body)); err != nil {
		return document{}, err
	}
	s, ok := r.ed.site(p.Lang)
	if !ok {
		return document{}, fmt.Errorf("no site for lang %q", p.Lang)
	}
	data := pageData{
		Base: r.base, Site: s, Page: p, Entry: r.entry(p),
		Home: r.base + homePath(p.Lang), Feed: link{s.FeedTitle, r.base + feedPath(s)},
		FeedType: feedType(s), Related: r.related(p), MostRead: r.mostRead(p),
	}
	if data.JSONLD, err = r.jsonLD(p, s, data.Entry, data.Related); err != nil {
		return document{}, err
	}
	return execute(t, data)
}

// pageURL is the absolute URL of the page with this id; bodies link
// to one another with {{url "id"}}. It fails on an unknown id.
func (r renderer) pageURL(id string) (string, error) {
	p, ok := r.ed.page(id)
	if !ok {
		return "", fmt.Errorf("no page %q", id)
	}
	return r.base + pagePath(p), nil
}

// related links a page's related stories.
func (r renderer) related(p page) []link {
	var out []link
	for _, id := range p.Related {
		if q, ok := r.ed.page(id); ok {
			out = append(out, link{q.Title, r.base + pagePath(q)})
		}
	}
	return out
}

// mostRead links the other stories of the page's site, for the sidebar.
func (r renderer) mostRead(p page) []link {
	var out []link
	for _, e := range r.entries(p.Lang) {
		if e.ID != p.ID {
			out = append(out, link{e.Title, e.URL})
		}
	}
	return out
}

// ldThing is a schema.org Person or Organization.
type ldThing struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}

// jsonLD describes the page as schema.org NewsArticle, inside a WebPage
// that lists the related stories as relatedLink when the page asks for it.
func (r renderer) jsonLD(p page, s siteInfo, e entry, related []link) (htmltemplate.JS, error) {
	article := map[string]any{
		"@type":            "NewsArticle",
		"headline":         p.Title,
		"description":      p.Teaser,
		"inLanguage":       p.Lang,
		"articleSection":   p.Section,
		"datePublished":    e.Published.Format(time.RFC3339),
		"dateModified":     e.Modified.Format(time.RFC3339),
		"author":           ldThing{"Person", p.Author},
		"publisher":        ldThing{"NewsMediaOrganization", s.Name},
		"image":            r.base + "/img/photo.svg",
		"mainEntityOfPage": e.URL,
	}
	webPage := map[string]any{"@type": "WebPage", "@id": e.URL, "url": e.URL}
	if p.LDRelated {
		urls := make([]string, len(related))
		for i, l := range related {
			urls[i] = l.URL
		}
		webPage["relatedLink"] = urls
	}
	doc := map[string]any{"@context": "https://schema.org", "@graph": []any{webPage, article}}
	data, err := json.Marshal(doc)
	if err != nil {
		return "", fmt.Errorf("encode json-ld: %w", err)
	}
	return htmltemplate.JS(data), nil
}
