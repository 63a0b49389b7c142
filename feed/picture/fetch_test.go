package picture

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/feedtest"
	"github.com/akhbar/akhbar/feed/fetch"
)

// Fetch on a loopback server: good images re-encoded, hostile ones kept
// as placeholders with their reasons, another host held to the public
// address policy, and no more than MaxCount requests.
func TestFetch(t *testing.T) {
	s := feedtest.NewServer(t)
	s.Handle("/lead.png", feedtest.Route{ContentType: "image/png", Body: feedtest.PNG(feedtest.Quadrants(64, 32))})
	s.Handle("/big.png", feedtest.Route{ContentType: "image/png", Body: make([]byte, MaxBytes+1)})
	s.Handle("/bomb.png", feedtest.Route{ContentType: "image/png", Body: feedtest.BombPNG(100000, 100000)})
	s.Handle("/page.png", feedtest.Route{ContentType: "image/png", Body: []byte("<html>not an image</html>")})
	s.Handle("/slow.png", feedtest.Route{ContentType: "image/png", Delay: 3 * time.Second, Body: feedtest.PNG(feedtest.Quadrants(4, 4))})
	other := strings.Replace(s.URL("/lead.png"), "127.0.0.1", "localhost", 1) // same server, another host name
	a := feed.Article{URL: s.URL("/story"), Image: s.URL("/lead.png"), Figures: []feed.Figure{
		{URL: s.URL("/big.png")}, {URL: s.URL("/bomb.png")}, {URL: s.URL("/page.png")},
		{URL: s.URL("/missing.png")}, {URL: other}, {URL: s.URL("/slow.png")},
	}}
	c := fetch.New(fetch.Options{Timeout: time.Second})
	pics := Fetch(context.Background(), c, a, true)
	if len(pics) != 7 {
		t.Fatalf("%d pictures, want 7", len(pics))
	}
	if p := pics[0]; p.Err != "" || p.Width != 64 || p.Height != 32 || p.Format != "jpeg" {
		t.Errorf("lead: %+v", p)
	}
	for i, want := range []string{"too large", "image too large", "not a JPEG", "404", "not allowed", "timed out"} {
		p := pics[i+1]
		if p.Data != nil || !strings.Contains(p.Err, want) {
			t.Errorf("%s: err %q, want it to say %q", p.URL, p.Err, want)
		}
	}
	if s.Hits("/lead.png") != 1 {
		t.Errorf("the other host's copy reached the server: %d hits", s.Hits("/lead.png"))
	}

	// A page on a private address that is not allowed one: no image at all.
	for _, p := range Fetch(context.Background(), c, feed.Article{URL: s.URL("/story"), Image: s.URL("/lead.png")}, false) {
		if p.Err == "" {
			t.Errorf("%s fetched from a private address without leave", p.URL)
		}
	}
}

func TestFetchAtMostMaxCount(t *testing.T) {
	s := feedtest.NewServer(t)
	body := feedtest.PNG(feedtest.Quadrants(4, 4))
	a := feed.Article{URL: s.URL("/story")}
	for i := range MaxCount + 5 {
		path := fmt.Sprintf("/%d.png", i)
		s.Handle(path, feedtest.Route{ContentType: "image/png", Body: body})
		a.Figures = append(a.Figures, feed.Figure{URL: s.URL(path)})
	}
	pics := Fetch(context.Background(), fetch.New(fetch.Options{}), a, true)
	if len(pics) != MaxCount {
		t.Errorf("%d pictures, want %d", len(pics), MaxCount)
	}
	if s.Hits(fmt.Sprintf("/%d.png", MaxCount)) != 0 {
		t.Error("an image past the limit was requested")
	}
}
