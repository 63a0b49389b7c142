package demo

import (
	"bytes"
	"fmt"
	"text/template"
	"time"
)

// feedData is what a feed template sees.
type feedData struct {
	Site    siteInfo
	URL     string // the feed itself
	SiteURL string // the site's front page
	Updated time.Time
	Items   []entry
}

// feed renders the feed of one site from site/feeds/FORMAT.tmpl. Items
// carry only the page's teaser: the full text is on the page.
func (r renderer) feed(s siteInfo) (document, error) {
	name := s.Format + ".tmpl"
	t, err := template.New(name).Funcs(funcMap()).ParseFS(files, "site/feeds/"+name)
	if err != nil {
		return document{}, fmt.Errorf("parse feed template %s: %w", name, err)
	}
	data := feedData{Site: s, URL: r.base + feedPath(s), SiteURL: r.base + homePath(s.Lang),
		Updated: r.now, Items: r.entries(s.Lang)}
	if len(data.Items) > 0 {
		data.Updated = data.Items[0].Modified
	}
	var b bytes.Buffer
	if err := t.Execute(&b, data); err != nil {
		return document{}, fmt.Errorf("render feed %s: %w", s.Lang, err)
	}
	return newDocument(feedType(s), b.Bytes()), nil
}
