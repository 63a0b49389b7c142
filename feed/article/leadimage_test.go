package article

import (
	"os"
	"strings"
	"testing"

	"github.com/akhbar/akhbar/feed"
)

// TestLeadFigure checks that the picture a page shows under its headline
// becomes the first block, a caption with the picture's address, caption
// and credit together, and that its caption is not repeated lower down.
// Pictures inside the story keep their captions where they are; a linked
// picture of another story and a site logo are never the lead.
func TestLeadFigure(t *testing.T) {
	tests := []struct {
		file, image, caption, inside string
	}{
		{"en-lead-figure.html", "https://news.example.org/img/pier-1600.webp",
			"Workers fit the last railings on the rebuilt pier on Monday. Photo: Ines Farrow / Harbour Times",
			"recycled plastic planks"},
		{"ar-lead-figure-outside.html", "https://img.akhbar-example.net/2024/05/library.jpg",
			"أطفال يقرؤون في قاعة المكتبة الجديدة يوم الافتتاح تصوير: سليم حداد", ""},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			page, err := os.ReadFile("testdata/mechanisms/" + tt.file)
			if err != nil {
				t.Fatal(err)
			}
			a, err := Extract("https://news.example.org/2024/05/04/story", page, "text/html; charset=utf-8")
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			first := a.Blocks[0]
			if first.Kind != feed.Caption || first.Image != tt.image || first.Text != tt.caption {
				t.Fatalf("first block = %+v\nwant caption %q with image %q", first, tt.caption, tt.image)
			}
			for _, b := range a.Blocks[1:] {
				if b.Image != "" || strings.Contains(b.Text, "Ines Farrow") || strings.Contains(b.Text, "سليم حداد") {
					t.Errorf("lead caption or image repeated: %+v", b)
				}
			}
			if tt.inside != "" && !hasBlock(a.Blocks[2:], feed.Caption, tt.inside) {
				t.Errorf("inline picture caption %q lost or moved: %+v", tt.inside, a.Blocks)
			}
			if strings.Contains(a.Text(), "Lighthouse keeper") {
				t.Errorf("a teaser picture's caption is in the article: %s", a.Text())
			}
		})
	}
}

// TestLeadFigureNone checks that a page without a picture above its
// story gets no picture block, even when its only figure is a logo.
func TestLeadFigureNone(t *testing.T) {
	page := `<html><body><div class="top"><figure><img src="/logo.png"></figure></div><article><h1>Council votes on the budget</h1>
<p>` + strings.Repeat("The council voted on the budget for next year after a long debate. ", 4) + `</p>
<p>` + strings.Repeat("Most of the new money goes to schools and to the bus network. ", 4) + `</p></article></body></html>`
	a, err := Extract("https://news.example.org/2024/05/04/story", []byte(page), "text/html")
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range a.Blocks {
		if b.Image != "" {
			t.Fatalf("picture block on a page without a lead picture: %+v", b)
		}
	}
}

// hasBlock reports whether one of blocks has kind k and contains text.
func hasBlock(blocks []feed.Block, k feed.BlockKind, text string) bool {
	for _, b := range blocks {
		if b.Kind == k && strings.Contains(b.Text, text) {
			return true
		}
	}
	return false
}
