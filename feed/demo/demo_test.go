package demo

import (
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/mmcdole/gofeed"
)

// epoch is the clock the tests start the edition at.
var epoch = time.Date(2025, 3, 11, 12, 0, 0, 0, time.UTC)

// startTest starts the edition at epoch and closes it when t ends.
func startTest(t *testing.T) *Server {
	t.Helper()
	s, err := start(epoch)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	})
	return s
}

// get fetches url and returns the response with its body read.
func get(t *testing.T, url string, header map[string]string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("read %s: %v", url, err)
	}
	return resp, body
}

// parseFeeds fetches and parses every demo feed with gofeed.
func parseFeeds(t *testing.T, s *Server) map[string]*gofeed.Feed {
	t.Helper()
	out := map[string]*gofeed.Feed{}
	for _, f := range s.Feeds() {
		resp, body := get(t, f.URL, nil)
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("%s: status %d", f.URL, resp.StatusCode)
		}
		pf, err := gofeed.NewParser().ParseString(string(body))
		if err != nil {
			t.Fatalf("parse %s: %v", f.URL, err)
		}
		out[f.Lang] = pf
	}
	return out
}

func TestFeedsParseAsTheirFormat(t *testing.T) {
	s := startTest(t)
	tests := []struct {
		lang, format, contentType string
	}{
		{"ar", "rss", "application/rss+xml; charset=utf-8"},
		{"fa", "atom", "application/atom+xml; charset=utf-8"},
		{"he", "rss", "application/rss+xml; charset=utf-8"},
		{"en", "json", "application/feed+json; charset=utf-8"},
	}
	feeds := map[string]Feed{}
	for _, f := range s.Feeds() {
		feeds[f.Lang] = f
	}
	if len(feeds) != len(tests) {
		t.Fatalf("Feeds() = %v, want %d languages", s.Feeds(), len(tests))
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			f := feeds[tt.lang]
			resp, body := get(t, f.URL, nil)
			if got := resp.Header.Get("Content-Type"); got != tt.contentType {
				t.Errorf("Content-Type = %q, want %q", got, tt.contentType)
			}
			pf, err := gofeed.NewParser().ParseString(string(body))
			if err != nil {
				t.Fatalf("parse: %v", err)
			}
			if pf.FeedType != tt.format || pf.Title != f.Title || pf.Language != tt.lang {
				t.Errorf("parsed type %q title %q lang %q, want %q %q %q",
					pf.FeedType, pf.Title, pf.Language, tt.format, f.Title, tt.lang)
			}
			if len(pf.Items) < 3 {
				t.Fatalf("%d items, want at least 3", len(pf.Items))
			}
			for _, it := range pf.Items {
				checkItem(t, s, it)
			}
		})
	}
}

// checkItem checks one parsed item: a title, a teaser, a link on the
// server and a date a little before the edition's clock.
func checkItem(t *testing.T, s *Server, it *gofeed.Item) {
	t.Helper()
	if it.Title == "" || it.Description == "" {
		t.Errorf("item %s: empty title or teaser", it.Link)
	}
	if !strings.HasPrefix(it.Link, s.URL()+"/") {
		t.Errorf("item link %q is not on %s", it.Link, s.URL())
	}
	if it.PublishedParsed == nil {
		t.Fatalf("item %s: no date", it.Link)
	}
	if age := epoch.Sub(*it.PublishedParsed); age <= 0 || age > 48*time.Hour {
		t.Errorf("item %s: published %v, want within 48h before %v", it.Link, it.PublishedParsed, epoch)
	}
}

func TestItemLinksAreServed(t *testing.T) {
	s := startTest(t)
	n := 0
	for lang, pf := range parseFeeds(t, s) {
		for _, it := range pf.Items {
			resp, body := get(t, it.Link, nil)
			if resp.StatusCode != http.StatusOK {
				t.Errorf("%s: status %d", it.Link, resp.StatusCode)
			}
			if got := resp.Header.Get("Content-Type"); got != "text/html; charset=utf-8" {
				t.Errorf("%s: Content-Type %q", it.Link, got)
			}
			if !strings.Contains(string(body), `lang="`+lang+`"`) {
				t.Errorf("%s: page does not declare lang %s", it.Link, lang)
			}
			n++
		}
	}
	if n < 12 {
		t.Errorf("%d pages in the feeds, want at least 12", n)
	}
}

func TestConditionalGet(t *testing.T) {
	s := startTest(t)
	for _, f := range s.Feeds() {
		first, _ := get(t, f.URL, nil)
		etag, lastMod := first.Header.Get("ETag"), first.Header.Get("Last-Modified")
		if etag == "" || lastMod == "" {
			t.Fatalf("%s: ETag %q, Last-Modified %q", f.URL, etag, lastMod)
		}
		tests := []struct {
			name   string
			header map[string]string
			want   int
		}{
			{"etag", map[string]string{"If-None-Match": etag}, http.StatusNotModified},
			{"date", map[string]string{"If-Modified-Since": lastMod}, http.StatusNotModified},
			{"both", map[string]string{"If-None-Match": etag, "If-Modified-Since": lastMod}, http.StatusNotModified},
			{"other etag", map[string]string{"If-None-Match": `"stale"`}, http.StatusOK},
			{"older date", map[string]string{"If-Modified-Since": epoch.Add(-time.Hour).Format(http.TimeFormat)}, http.StatusOK},
		}
		for _, tt := range tests {
			resp, body := get(t, f.URL, tt.header)
			if resp.StatusCode != tt.want {
				t.Errorf("%s %s: status %d, want %d", f.URL, tt.name, resp.StatusCode, tt.want)
			}
			if tt.want == http.StatusNotModified && len(body) > 0 {
				t.Errorf("%s %s: 304 with a body", f.URL, tt.name)
			}
		}
	}
}

func TestUnknownPathsAndMethods(t *testing.T) {
	s := startTest(t)
	for _, path := range []string{"/nope", "/ar/news/nope.html", "/ar/rss.xml/", "/fa/rss.xml"} {
		if resp, _ := get(t, s.URL()+path, nil); resp.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 404", path, resp.StatusCode)
		}
	}
	for _, path := range []string{"/", "/ar/", "/img/photo.svg"} {
		if resp, _ := get(t, s.URL()+path, nil); resp.StatusCode != http.StatusOK {
			t.Errorf("GET %s: status %d, want 200", path, resp.StatusCode)
		}
	}
	resp, err := http.Post(s.URL()+"/ar/rss.xml", "text/plain", strings.NewReader("x"))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("POST: status %d, want 405", resp.StatusCode)
	}
}

func TestFrontPagesAnnounceFeeds(t *testing.T) {
	s := startTest(t)
	_, body := get(t, s.URL()+"/", nil)
	for _, f := range s.Feeds() {
		if !strings.Contains(string(body), `rel="alternate"`) || !strings.Contains(string(body), `href="`+f.URL+`"`) {
			t.Errorf("front page does not link feed %s", f.URL)
		}
	}
}

func TestBindsOnlyLoopback(t *testing.T) {
	s := startTest(t)
	u, err := url.Parse(s.URL())
	if err != nil {
		t.Fatal(err)
	}
	if u.Hostname() != "127.0.0.1" || u.Port() == "" {
		t.Fatalf("URL %s, want http://127.0.0.1:PORT", s.URL())
	}
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		t.Fatal(err)
	}
	tried := 0
	for _, a := range addrs {
		ip, ok := a.(*net.IPNet)
		if !ok || ip.IP.IsLoopback() || ip.IP.IsLinkLocalUnicast() {
			continue
		}
		tried++
		conn, err := net.DialTimeout("tcp", net.JoinHostPort(ip.IP.String(), u.Port()), 2*time.Second)
		if err == nil {
			conn.Close()
			t.Errorf("server answers on %s, want loopback only", ip.IP)
		}
	}
	if tried == 0 {
		t.Log("no non-loopback address on this machine; checked the URL only")
	}
}

func TestCloseStopsServing(t *testing.T) {
	s, err := start(epoch)
	if err != nil {
		t.Fatal(err)
	}
	addr := strings.TrimPrefix(s.URL(), "http://")
	if err := s.Close(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	if conn, err := net.DialTimeout("tcp", addr, 2*time.Second); err == nil {
		conn.Close()
		t.Errorf("%s still accepts connections after Close", addr)
	}
	if err := s.Close(); err != nil {
		t.Errorf("second Close: %v", err)
	}
}

func TestTwoServersAtOnce(t *testing.T) {
	a, b := startTest(t), startTest(t)
	if a.URL() == b.URL() {
		t.Fatalf("both servers on %s", a.URL())
	}
	_, bodyA := get(t, a.Feeds()[0].URL, nil)
	if strings.Contains(string(bodyA), b.URL()) || !strings.Contains(string(bodyA), a.URL()) {
		t.Error("a feed links to the wrong server")
	}
}
