package article

import (
	"encoding/json"
	"strings"

	"golang.org/x/net/html"
)

// ldInfo is what akhbar reads from a page's JSON-LD (schema.org) blocks.
type ldInfo struct {
	headline, author, published, modified string
	lang, section, siteName, image        string
	related                               []string
}

// readJSONLD merges every <script type="application/ld+json"> of doc.
// Blocks that are not valid JSON are skipped: many sites ship broken ones.
func readJSONLD(doc *html.Node) ldInfo {
	var info ldInfo
	scripts := findAll(doc, func(n *html.Node) bool {
		return n.Data == "script" && strings.Contains(strings.ToLower(attr(n, "type")), "ld+json")
	})
	for _, s := range scripts {
		var v any
		if err := json.Unmarshal([]byte(scriptText(s)), &v); err != nil {
			continue
		}
		info.visit(v)
	}
	return info
}

// visit walks one JSON value, filling info from article objects and
// collecting relatedLink anywhere.
func (info *ldInfo) visit(v any) {
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			info.visit(e)
		}
	case map[string]any:
		info.related = append(info.related, ldStrings(v["relatedLink"])...)
		if isArticleType(v["@type"]) {
			info.fromArticle(v)
		}
		for _, key := range []string{"@graph", "mainEntity", "isPartOf", "hasPart"} {
			if child, ok := v[key]; ok {
				info.visit(child)
			}
		}
	}
}

// fromArticle copies the fields of an Article-like object that are
// still empty in info.
func (info *ldInfo) fromArticle(v map[string]any) {
	fill := func(dst *string, val string) {
		if *dst == "" {
			*dst = strings.TrimSpace(val)
		}
	}
	fill(&info.headline, first(ldStrings(v["headline"])))
	fill(&info.author, strings.Join(ldValues(v["author"], "name"), "، "))
	fill(&info.published, first(ldStrings(v["datePublished"])))
	fill(&info.modified, first(ldStrings(v["dateModified"])))
	fill(&info.lang, first(ldStrings(v["inLanguage"])))
	fill(&info.section, first(ldStrings(v["articleSection"])))
	fill(&info.siteName, first(ldValues(v["publisher"], "name")))
	fill(&info.image, first(ldValues(v["image"], "url")))
}

// isArticleType reports whether a JSON-LD @type names an article.
func isArticleType(t any) bool {
	for _, s := range ldStrings(t) {
		if strings.HasSuffix(s, "Article") || s == "Report" || s == "BlogPosting" ||
			s == "LiveBlogPosting" || s == "SocialMediaPosting" {
			return true
		}
	}
	return false
}

// ldStrings reads a string or an array of strings.
func ldStrings(v any) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case []any:
		var out []string
		for _, e := range v {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// ldValues reads the strings of a JSON-LD value given as a string, an
// object with the string (or strings) in its field key (a Person's
// "name", an ImageObject's "url"), or an array of either.
func ldValues(v any, key string) []string {
	switch v := v.(type) {
	case string:
		return []string{v}
	case map[string]any:
		return ldStrings(v[key])
	case []any:
		var out []string
		for _, e := range v {
			out = append(out, ldValues(e, key)...)
		}
		return out
	}
	return nil
}

// first returns the first string, or "".
func first(s []string) string {
	if len(s) == 0 {
		return ""
	}
	return s[0]
}

// scriptText returns the raw text inside a <script> element.
func scriptText(s *html.Node) string {
	var b strings.Builder
	for c := s.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}
