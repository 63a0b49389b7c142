package service

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/akhbar/akhbar/feed/cache"
	"github.com/akhbar/akhbar/feed/feedtest"
	"github.com/akhbar/akhbar/feed/fetch"
)

// pictured is page with a lead image and a figure.
func pictured(title, lead, figure string) []byte {
	p := string(page(title, "https://example.org/x"))
	p = strings.Replace(p, "<title>", `<meta property="og:image" content="`+lead+`"><title>`, 1)
	p = strings.Replace(p, "</article>", `<figure><img src="`+figure+`" alt="الواجهة"><figcaption>واجهة المكتبة</figcaption></figure></article>`, 1)
	return []byte(p)
}

// A refresh with full text fetches each new article's images with it
// and caches them re-encoded; without Images it fetches none.
func TestRefreshCachesImagesWithFullText(t *testing.T) {
	for _, images := range []bool{true, false} {
		srv := feedtest.NewServer(t)
		srv.Handle("/news.xml", rssRoute(rss("أخبار", srv.URL("/a/1"))))
		srv.Handle("/a/1", html(pictured("مكتبة جديدة", "/img/lead.png", "/img/front.png")))
		srv.Handle("/img/lead.png", feedtest.Route{ContentType: "image/png", Body: feedtest.PNG(feedtest.Quadrants(120, 60))})
		srv.Handle("/img/front.png", feedtest.Route{ContentType: "image/png", Body: feedtest.BombPNG(100000, 100000)})

		st, err := cache.Open(filepath.Join(t.TempDir(), "cache.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		svc := New(st, fetch.New(fetch.Options{Timeout: 10 * time.Second}), Options{FullText: true, Images: images,
			Now: func() time.Time { return clock }})
		ctx := context.Background()
		if _, _, err := svc.Subscribe(ctx, srv.URL("/news.xml"), ""); err != nil {
			t.Fatal(err)
		}
		pics, err := svc.Pictures(ctx, srv.URL("/a/1"))
		if err != nil {
			t.Fatal(err)
		}
		if !images {
			if len(pics) != 0 || srv.Hits("/img/lead.png") != 0 {
				t.Errorf("images off: %d pictures cached, %d requests", len(pics), srv.Hits("/img/lead.png"))
			}
			continue
		}
		if len(pics) != 2 {
			t.Fatalf("%d pictures cached, want 2", len(pics))
		}
		if p := pics[0]; p.URL != srv.URL("/img/lead.png") || p.Width != 120 || p.Height != 60 || len(p.Data) == 0 {
			t.Errorf("lead picture: %s %d×%d, %d bytes, err %q", p.URL, p.Width, p.Height, len(p.Data), p.Err)
		}
		if p := pics[1]; p.Data != nil || p.Err == "" {
			t.Errorf("the bomb was kept: %+v", p)
		}
	}
}
