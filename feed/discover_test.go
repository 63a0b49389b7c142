package feed

import (
	"reflect"
	"testing"
)

func TestDiscover(t *testing.T) {
	tests := []struct {
		name, page, pageURL string
		want                []string
	}{
		{
			name: "fixture with base href", page: string(readFixture(t, "page_links.html")), pageURL: "https://site.example.org/ar/index.html",
			want: []string{
				"https://site.example.org/ar/rss.xml",
				"https://site.example.org/atom.xml",
				"https://site.example.org/feed.json",
			},
		},
		{
			name: "relative to the page", pageURL: "https://news.example.com/section/world",
			page: `<html><head><link type="application/atom+xml" rel="alternate" href="../feeds/world.atom"></head></html>`,
			want: []string{"https://news.example.com/feeds/world.atom"},
		},
		{
			name: "rel with several tokens", pageURL: "https://b.example.com/",
			page: `<link rel="feed alternate" type="application/rss+xml" href="/rss">`,
			want: []string{"https://b.example.com/rss"},
		},
		{name: "no feeds", pageURL: "https://x.example.com/", page: `<html><head><link rel="icon" href="/f.ico"></head></html>`},
		{name: "not html", pageURL: "https://x.example.com/", page: "\x00\x01binary"},
		{name: "wrong rel", pageURL: "https://x.example.com/", page: `<link rel="stylesheet" type="application/rss+xml" href="/rss">`},
	}
	for _, tt := range tests {
		if got := Discover([]byte(tt.page), tt.pageURL); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: Discover = %q, want %q", tt.name, got, tt.want)
		}
	}
}
