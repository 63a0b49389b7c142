package demo

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	htmltemplate "html/template"
	"slices"
	"strings"
	"time"
)

const htmlType = "text/html; charset=utf-8"

// renderer renders the edition for a server at base whose clock read now
// when it started.
type renderer struct {
	ed   edition
	base string
	now  time.Time
}

// link is a titled absolute URL, as pages and indexes show them.
type link struct {
	Title, URL string
}

// entry is one page as feeds and indexes list it.
type entry struct {
	ID, Title, URL, Teaser, Author, Section string
	Published, Modified                     time.Time
}

// render turns the edition into servable documents. It fails only on a
// broken embedded template.
func (ed edition) render(base string, now time.Time) (site, error) {
	r := renderer{ed: ed, base: base, now: now.UTC().Truncate(time.Second)}
	docs := map[string]document{}
	for _, s := range ed.Sites {
		d, err := r.feed(s)
		if err != nil {
			return site{}, err
		}
		docs[feedPath(s)] = d
	}
	if err := r.pages(docs); err != nil {
		return site{}, err
	}
	if err := r.indexes(docs); err != nil {
		return site{}, err
	}
	photo, err := files.ReadFile("site/photo.svg")
	if err != nil {
		return site{}, fmt.Errorf("read photo: %w", err)
	}
	docs["/img/photo.svg"] = newDocument("image/svg+xml", photo)
	return site{docs: docs, modified: r.now}, nil
}

// entry dates a page: published its age before the start, last edited
// a quarter of that age later (at most an hour).
func (r renderer) entry(p page) entry {
	pub := r.now.Add(-p.age)
	return entry{
		ID: p.ID, Title: p.Title, URL: r.base + pagePath(p), Teaser: p.Teaser,
		Author: p.Author, Section: p.Section,
		Published: pub, Modified: pub.Add(min(p.age/4, time.Hour)),
	}
}

// entries lists the pages of one language (every page for ""), newest
// first.
func (r renderer) entries(lang string) []entry {
	var out []entry
	for _, p := range r.ed.Pages {
		if lang == "" || p.Lang == lang {
			out = append(out, r.entry(p))
		}
	}
	slices.SortStableFunc(out, func(a, b entry) int { return b.Published.Compare(a.Published) })
	return out
}

// funcMap holds the helpers that feed and page templates share.
func funcMap() map[string]any {
	return map[string]any{
		"rfc822":  func(t time.Time) string { return t.Format(time.RFC1123Z) },
		"rfc3339": func(t time.Time) string { return t.Format(time.RFC3339) },
		"shown":   func(t time.Time) string { return t.Format("2006-01-02 15:04 UTC") },
		"xml":     xmlEscape,
		"json":    jsonValue,
	}
}

// xmlEscape escapes s for XML text and attribute values.
func xmlEscape(s string) (string, error) {
	var b strings.Builder
	if err := xml.EscapeText(&b, []byte(s)); err != nil {
		return "", fmt.Errorf("escape xml: %w", err)
	}
	return b.String(), nil
}

// jsonValue encodes v as a JSON value.
func jsonValue(v any) (string, error) {
	data, err := json.Marshal(v)
	if err != nil {
		return "", fmt.Errorf("encode json: %w", err)
	}
	return string(data), nil
}

// indexes renders the front page of every site and the edition's
// front page at "/", each announcing the feeds with <link rel=alternate>.
func (r renderer) indexes(docs map[string]document) error {
	t, err := htmltemplate.New("index.html").Funcs(funcMap()).ParseFS(files, "site/index.html")
	if err != nil {
		return fmt.Errorf("parse index template: %w", err)
	}
	type section struct {
		Site  siteInfo
		Home  string
		Feed  link
		Type  string
		Items []entry
	}
	var all []section
	for _, s := range r.ed.Sites {
		sec := section{Site: s, Home: r.base + homePath(s.Lang),
			Feed: link{s.FeedTitle, r.base + feedPath(s)}, Type: feedType(s),
			Items: r.entries(s.Lang)}
		all = append(all, sec)
		d, err := execute(t, map[string]any{"Lang": s.Lang, "Dir": s.Dir, "Title": s.Name, "Sections": []section{sec}})
		if err != nil {
			return fmt.Errorf("render index %s: %w", s.Lang, err)
		}
		docs[homePath(s.Lang)] = d
	}
	d, err := execute(t, map[string]any{"Lang": "en", "Dir": "ltr", "Title": "akhbar demo edition", "Sections": all})
	if err != nil {
		return fmt.Errorf("render index: %w", err)
	}
	docs["/"] = d
	return nil
}

// execute runs an HTML template into a document.
func execute(t *htmltemplate.Template, data any) (document, error) {
	var b strings.Builder
	if err := t.Execute(&b, data); err != nil {
		return document{}, err
	}
	return newDocument(htmlType, []byte(b.String())), nil
}
