package render

import (
	"fmt"
	"testing"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/feedtest"
	"github.com/akhbar/akhbar/theme"
)

// BenchmarkArticleFiveImages lays out an article with five 1600×900
// images (the cache's largest width) in a 100-column reader.
func BenchmarkArticleFiveImages(b *testing.B) {
	a := feed.Article{Title: "Five pictures", Dir: feed.DirLTR}
	pics := map[string]Picture{}
	for i := range 5 {
		url := fmt.Sprintf("https://x.example/%d.png", i)
		a.Blocks = append(a.Blocks, feed.Block{Kind: feed.Paragraph, Text: "A paragraph of the story between the pictures, long enough to wrap once or twice in the column."})
		a.Figures = append(a.Figures, feed.Figure{URL: url, At: i})
		pics[url] = Picture{Image: feedtest.Quadrants(1600, 900)}
	}
	o := Options{Width: 100, Color: true, Theme: theme.Dark(), Pictures: pics, ImageRows: 16}
	for b.Loop() {
		ArticlePage(a, o)
	}
}
