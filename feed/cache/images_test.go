package cache

import (
	"bytes"
	"context"
	"testing"

	"github.com/akhbar/akhbar/feed"
)

// An article's figures and images are kept with it in the file, survive
// reopening, stay when the article is saved again without images and
// are replaced when it is saved with new ones.
func TestPicturesKeptWithArticle(t *testing.T) {
	ctx := context.Background()
	s, path := newStore(t)
	a := feed.Article{URL: "https://news.example/station", Title: "محطة", Image: "https://news.example/lead.jpg",
		Blocks:  []feed.Block{{Kind: feed.Paragraph, Text: "نص"}, {Kind: feed.Caption, Text: "صورة"}},
		Figures: []feed.Figure{{URL: "https://cdn.example/mast.png", Alt: "صاري", At: 1}},
		Pictures: []feed.Picture{
			{URL: "https://news.example/lead.jpg", Width: 40, Height: 20, Format: "jpeg", Data: []byte{0xff, 0xd8, 1, 2}},
			{URL: "https://cdn.example/mast.png", Err: "image too large: 100000×100000 pixels"},
		}}
	if err := s.SaveArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	s2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s2.Close() })
	got, err := s2.Article(ctx, a.URL)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Figures) != 1 || got.Figures[0] != a.Figures[0] {
		t.Errorf("figures = %+v", got.Figures)
	}
	pics := pictures(t, s2, a.URL)
	if len(pics) != 2 || !bytes.Equal(pics[0].Data, a.Pictures[0].Data) || pics[0].Width != 40 ||
		pics[0].Format != "jpeg" || pics[1].Err != a.Pictures[1].Err || pics[1].Data != nil {
		t.Fatalf("pictures = %+v", pics)
	}

	a.Pictures = nil // saved again (say, by a repair): the images stay
	if err := s2.SaveArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	if n := len(pictures(t, s2, a.URL)); n != 2 {
		t.Errorf("%d pictures after a save without images, want 2", n)
	}
	a.Pictures = []feed.Picture{{URL: "https://news.example/lead.jpg", Err: "404"}}
	if err := s2.SaveArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	if pics := pictures(t, s2, a.URL); len(pics) != 1 || pics[0].Err != "404" {
		t.Errorf("pictures after a new fetch = %+v", pics)
	}
}

// Unsubscribing removes the images of the articles that go.
func TestRemoveFeedRemovesImages(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	f := addFeed(t, s, "https://news.example/rss", "")
	saveFetch(t, s, f.ID, feed.Item{GUID: "1", URL: "https://news.example/1", Title: "one"})
	pic := []feed.Picture{{URL: "https://news.example/1.png", Format: "png", Data: []byte("x")}}
	if err := s.SaveArticle(ctx, feed.Article{URL: "https://news.example/1", Pictures: pic}); err != nil {
		t.Fatal(err)
	}
	if err := s.RemoveFeed(ctx, f.URL); err != nil {
		t.Fatal(err)
	}
	var n int
	if err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM images`).Scan(&n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("%d images left after unsubscribing", n)
	}
}

func pictures(t *testing.T, s *Store, url string) []feed.Picture {
	t.Helper()
	pics, err := s.Pictures(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	return pics
}
