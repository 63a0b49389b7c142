package article

import (
	"net/url"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// TestBaseURL checks the address relative links resolve against: the
// page's web address, else its canonical link (a saved file), moved by
// a <base href>, and nothing when no absolute http(s) address is known.
func TestBaseURL(t *testing.T) {
	tests := []struct {
		pageURL, head, want string
	}{
		{"https://news.example.org/a/b", "", "https://news.example.org/a/b"},
		{"https://news.example.org/a/b", `<base href="/archive/">`, "https://news.example.org/archive/"},
		{"https://news.example.org/a/b", `<base href="https://cdn.example.net/x/">`, "https://cdn.example.net/x/"},
		{"file:///home/u/page.html", `<link rel="canonical" href="https://news.example.org/2024/story">`, "https://news.example.org/2024/story"},
		{"file:///home/u/page.html", `<meta property="og:url" content="https://news.example.org/og">`, "https://news.example.org/og"},
		{"", `<link rel="canonical" href="/relative">`, ""},
		{"", `<base href="https://news.example.org/base/">`, "https://news.example.org/base/"},
		{"file:///home/u/page.html", `<base href="javascript:alert(1)">`, ""},
		{"", "", ""},
	}
	for _, tt := range tests {
		doc, err := html.Parse(strings.NewReader("<html><head>" + tt.head + "</head><body></body></html>"))
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if u := baseURL(pageAddress(tt.pageURL, readHeadTags(doc)), doc); u != nil {
			got = u.String()
		}
		if got != tt.want {
			t.Errorf("page %q head %s: base %q, want %q", tt.pageURL, tt.head, got, tt.want)
		}
	}
}

// TestLooksLikeArticleShapes checks numbers, listing folders and query keys in story and listing URLs.
func TestLooksLikeArticleShapes(t *testing.T) {
	for raw, want := range map[string]bool{
		"https://n.example.org/2024/05/04/bridge":               true,
		"https://n.example.org/a/2":                             true,
		"https://n.example.org/story/17.html":                   true,
		"https://n.example.org/news,142489.html":                true,
		"https://n.example.org/city/bridge-opens-on-monday":     true,
		"https://n.example.org/guides/9to5toys/":                false,
		"https://n.example.org/tag/bridges-2024":                false,
		"https://n.example.org/news?tag=bridges&page=2":         false,
		"https://n.example.org/people/ada-pell-reporter-page":   false,
		"https://n.example.org/":                                false,
		"https://n.example.org/sport":                           false,
		"https://ads.outbrain.com/2024/05/04/click-here-to-win": false,
	} {
		u, err := url.Parse(raw)
		if err != nil {
			t.Fatal(err)
		}
		if got := looksLikeArticle(u); got != want {
			t.Errorf("looksLikeArticle(%s) = %v, want %v", raw, got, want)
		}
	}
}
