package tui

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/feedtest"
	"github.com/akhbar/akhbar/feed/picture"
	"github.com/akhbar/akhbar/render"
)

// The reader shows the lead image of a cached article as half blocks
// under the headline, within 40 % of its height; scrolling crops it by
// whole rows; `i` hides it and shows it again.
func TestReaderShowsImages(t *testing.T) {
	st := newTestStore(t, 3)
	ctx := context.Background()
	url := "http://127.0.0.1/a/0.html"
	lead := picture.Encode("http://127.0.0.1/lead.png", feedtest.PNG(feedtest.Quadrants(200, 100)))
	var blocks []feed.Block
	for range 30 {
		blocks = append(blocks, feed.Block{Kind: feed.Paragraph, Text: "A line of the story that follows the picture."})
	}
	art := feed.Article{URL: url, Title: "Headline number 0", Lang: "en", Dir: feed.DirLTR, Image: lead.URL,
		Blocks: blocks, Pictures: []feed.Picture{lead}}
	if err := st.SaveArticle(ctx, art); err != nil {
		t.Fatal(err)
	}
	svc := funcService{pictures: st.Pictures}
	m := New(Deps{Store: st, Service: svc, Now: func() time.Time { return testNow }},
		Options{Theme: "dark", Bidi: render.Visual, Images: true})
	var tm = send(t, settle(t, m, m.Init()), tea.WindowSizeMsg{Width: 100, Height: 30})
	tm = send(t, tm, press("enter"))
	raw := tm.(Model).View().Content
	rows := imageRows(raw)
	if rows == 0 {
		t.Fatalf("no image on the reader's screen:\n%s", screen(tm))
	}
	if limit := int(float64(tm.(Model).reader.height) * imageShare); rows > limit {
		t.Errorf("image takes %d rows, more than %d", rows, limit)
	}
	placed := tm.(Model).reader.page.Images
	if len(placed) != 1 || placed[0].Rows != rows {
		t.Fatalf("images placed: %+v", placed)
	}
	for range placed[0].Line + 2 { // the image's top two rows scroll off
		tm = send(t, tm, press("j"))
	}
	if got := imageRows(tm.(Model).View().Content); got != rows-2 {
		t.Errorf("after scrolling into the image %d image rows show, want %d", got, rows-2)
	}
	tm = send(t, tm, press("i"))
	if got := imageRows(tm.(Model).View().Content); got != 0 {
		t.Errorf("images off: %d image rows", got)
	}
	tm = send(t, tm, press("g"), press("i"))
	if got := imageRows(tm.(Model).View().Content); got != rows {
		t.Errorf("images on again: %d image rows, want %d", got, rows)
	}
}

// imageRows counts the screen's rows that hold half blocks.
func imageRows(view string) int {
	n := 0
	for _, l := range strings.Split(view, "\n") {
		if strings.Contains(l, "▀") {
			n++
		}
	}
	return n
}
