package fetch

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/akhbar/akhbar/feed/feedtest"
)

// local makes a client for loopback test servers, with short limits.
func local(o Options) *Client {
	if o.Timeout == 0 {
		o.Timeout = 5 * time.Second
	}
	return New(o)
}

func get(c *Client, url string) (Response, error) {
	return c.Get(context.Background(), Request{URL: url, AllowPrivate: true})
}

func TestConditionalGet(t *testing.T) {
	s := feedtest.NewServer(t)
	const etag, lm = `"abc"`, "Sun, 29 Nov 2026 03:00:00 GMT"
	s.Handle("/feed", feedtest.Route{Body: []byte("<rss/>"), ContentType: "application/rss+xml", ETag: etag, LastModified: lm})
	c := local(Options{})

	first, err := get(c, s.URL("/feed"))
	if err != nil {
		t.Fatal(err)
	}
	if string(first.Body) != "<rss/>" || first.ETag != etag || first.LastModified != lm || first.NotModified {
		t.Fatalf("first fetch = %+v", first)
	}
	second, err := c.Get(context.Background(), Request{URL: s.URL("/feed"), ETag: first.ETag, LastModified: first.LastModified, AllowPrivate: true})
	if err != nil {
		t.Fatal(err)
	}
	if !second.NotModified || second.Body != nil || second.Status != http.StatusNotModified {
		t.Errorf("second fetch = %+v, want 304 with no body", second)
	}
	h := s.Requests("/feed")[1]
	if h.Get("If-None-Match") != etag || h.Get("If-Modified-Since") != lm {
		t.Errorf("conditional headers sent: %v", h)
	}
	if h.Get("User-Agent") == "" || !strings.Contains(h.Get("Accept"), "application/rss+xml") {
		t.Errorf("User-Agent / Accept missing: %v", h)
	}
}

func gzipBytes(t testing.TB, b []byte) []byte {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestGzip(t *testing.T) {
	s := feedtest.NewServer(t)
	plain := []byte(strings.Repeat("<item>خبر عاجل</item>", 1000))
	s.Handle("/z", feedtest.Route{Body: gzipBytes(t, plain), Header: http.Header{"Content-Encoding": {"gzip"}}})
	resp, err := get(local(Options{}), s.URL("/z"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(resp.Body, plain) {
		t.Errorf("body = %d bytes, want the %d decompressed bytes", len(resp.Body), len(plain))
	}
	if got := s.Requests("/z")[0].Get("Accept-Encoding"); got != "gzip" {
		t.Errorf("Accept-Encoding = %q", got)
	}
}

func TestGzipBomb(t *testing.T) {
	// One gzip member of 16 MiB of zeros, sent 64 times: a 1 GiB body.
	member := gzipBytes(t, make([]byte, 16<<20))
	s := feedtest.NewServer(t)
	s.HandleFunc("/bomb", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		for range 64 {
			if _, err := w.Write(member); err != nil {
				return
			}
		}
	})
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := get(local(Options{MaxBytes: 4 << 20}), s.URL("/bomb"))
	runtime.ReadMemStats(&after)
	if !errors.Is(err, ErrTooLarge) {
		t.Fatalf("err = %v, want ErrTooLarge", err)
	}
	if !strings.HasPrefix(err.Error(), "fetch "+s.URL("/bomb")+": body too large") {
		t.Errorf("error text = %q", err)
	}
	if delta := int64(after.HeapInuse) - int64(before.HeapInuse); delta > 100<<20 {
		t.Errorf("heap grew by %d MiB", delta>>20)
	}
}

func TestTooLargePlain(t *testing.T) {
	s := feedtest.NewServer(t)
	s.Handle("/big", feedtest.Route{Body: make([]byte, 2000)})
	_, err := get(local(Options{MaxBytes: 1000}), s.URL("/big"))
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("err = %v, want ErrTooLarge", err)
	}
}

// A request's own MaxBytes caps its body below the client's, never above.
func TestRequestMaxBytes(t *testing.T) {
	s := feedtest.NewServer(t)
	s.Handle("/big", feedtest.Route{Body: make([]byte, 2000)})
	c := local(Options{MaxBytes: 3000})
	_, err := c.Get(context.Background(), Request{URL: s.URL("/big"), AllowPrivate: true, MaxBytes: 1000})
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("request cap 1000: err = %v, want ErrTooLarge", err)
	}
	resp, err := c.Get(context.Background(), Request{URL: s.URL("/big"), AllowPrivate: true, MaxBytes: 5000})
	if err != nil || len(resp.Body) != 2000 {
		t.Errorf("request cap 5000: %d bytes, err %v", len(resp.Body), err)
	}
	_, err = local(Options{MaxBytes: 1000}).Get(context.Background(), Request{URL: s.URL("/big"), AllowPrivate: true, MaxBytes: 5000})
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("client cap 1000 under request cap 5000: err = %v, want ErrTooLarge", err)
	}
}

func TestRedirects(t *testing.T) {
	s := feedtest.NewServer(t)
	s.Handle("/a", feedtest.Route{Status: http.StatusFound, Header: http.Header{"Location": {"/b"}}})
	s.Handle("/b", feedtest.Route{Status: http.StatusMovedPermanently, Header: http.Header{"Location": {"/a"}}})
	s.Handle("/start", feedtest.Route{Status: http.StatusFound, Header: http.Header{"Location": {"/end"}}})
	s.Handle("/end", feedtest.Route{Body: []byte("here")})
	c := local(Options{MaxRedirects: 5})

	resp, err := get(c, s.URL("/start"))
	if err != nil || resp.URL != s.URL("/end") || string(resp.Body) != "here" {
		t.Errorf("one redirect: %+v, %v", resp, err)
	}
	_, err = get(c, s.URL("/a"))
	if !errors.Is(err, ErrTooManyRedirects) {
		t.Fatalf("loop: err = %v, want ErrTooManyRedirects", err)
	}
	if hits := s.Hits("/a") + s.Hits("/b"); hits != 6 {
		t.Errorf("loop made %d requests, want 6 (1 + 5 redirects)", hits)
	}
}

func TestStatusErrors(t *testing.T) {
	s := feedtest.NewServer(t)
	s.Handle("/500", feedtest.Route{Status: 500})
	s.Handle("/410", feedtest.Route{Status: 410})
	tests := []struct {
		path     string
		wantCode int
		wantText string
	}{
		{"/missing", 404, "404 Not Found"},
		{"/500", 500, "500 Internal Server Error"},
		{"/410", 410, "410 Gone"},
	}
	c := local(Options{})
	for _, tt := range tests {
		_, err := get(c, s.URL(tt.path))
		var se *StatusError
		if !errors.As(err, &se) || se.Code != tt.wantCode {
			t.Errorf("%s: err = %v, want status %d", tt.path, err, tt.wantCode)
			continue
		}
		if want := "fetch " + s.URL(tt.path) + ": " + tt.wantText; err.Error() != want {
			t.Errorf("%s: error text %q, want %q", tt.path, err, want)
		}
	}
}

func TestRetryAfter(t *testing.T) {
	s := feedtest.NewServer(t)
	var calls atomic.Int32
	s.HandleFunc("/busy", func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) <= 2 {
			w.Header().Set("Retry-After", "0")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		w.Write([]byte("finally"))
	})
	s.Handle("/later", feedtest.Route{Status: 503, Header: http.Header{"Retry-After": {"3600"}}})
	s.Handle("/date", feedtest.Route{Status: 429, Header: http.Header{"Retry-After": {"Fri, 31 Dec 2100 23:59:59 GMT"}}})
	s.Handle("/plain503", feedtest.Route{Status: 503})
	c := local(Options{MaxRetryAfter: 2 * time.Second})

	resp, err := get(c, s.URL("/busy"))
	if err != nil || string(resp.Body) != "finally" || s.Hits("/busy") != 3 {
		t.Errorf("429 twice then 200: %q, %v after %d requests", resp.Body, err, s.Hits("/busy"))
	}
	tests := []struct{ path, wantInError string }{
		{"/later", "503 Service Unavailable (retry after "},
		{"/date", "429 Too Many Requests (retry after 2100-12-31T23:59:59Z)"},
		{"/plain503", "503 Service Unavailable"},
	}
	for _, tt := range tests {
		_, err := get(c, s.URL(tt.path))
		if err == nil || !strings.Contains(err.Error(), tt.wantInError) {
			t.Errorf("%s: err = %v, want it to contain %q", tt.path, err, tt.wantInError)
		}
		if n := s.Hits(tt.path); n != 1 {
			t.Errorf("%s: %d requests, want 1 (no in-line wait)", tt.path, n)
		}
	}
}

func TestSlowLoris(t *testing.T) {
	s := feedtest.NewServer(t)
	s.HandleFunc("/slow", feedtest.Drip(20*time.Millisecond))
	_, err := get(local(Options{Timeout: 300 * time.Millisecond}), s.URL("/slow"))
	if !errors.Is(err, ErrTimeout) {
		t.Errorf("err = %v, want ErrTimeout", err)
	}
}

func TestCallerCancel(t *testing.T) {
	s := feedtest.NewServer(t)
	s.Handle("/wait", feedtest.Route{Delay: time.Minute})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := local(Options{}).Get(ctx, Request{URL: s.URL("/wait"), AllowPrivate: true})
	if !errors.Is(err, context.Canceled) || errors.Is(err, ErrTimeout) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestSelfSignedTLS(t *testing.T) {
	s := feedtest.NewTLSServer(t)
	s.Handle("/feed", feedtest.Route{Body: []byte("secret")})
	_, err := get(local(Options{}), s.URL("/feed"))
	if !errors.Is(err, ErrTLS) {
		t.Fatalf("untrusted certificate: err = %v, want ErrTLS", err)
	}
	if !strings.Contains(err.Error(), "TLS error") || !strings.Contains(err.Error(), "certificate") {
		t.Errorf("error text = %q", err)
	}
	trusted := local(Options{TLSConfig: s.Client().Transport.(*http.Transport).TLSClientConfig})
	resp, err := get(trusted, s.URL("/feed"))
	if err != nil || string(resp.Body) != "secret" {
		t.Errorf("trusted certificate: %q, %v", resp.Body, err)
	}
}

func TestSchemes(t *testing.T) {
	for _, u := range []string{"file:///etc/passwd", "ftp://example.org/x", "javascript:alert(1)"} {
		_, err := get(local(Options{}), u)
		if !errors.Is(err, ErrScheme) {
			t.Errorf("%s: err = %v, want ErrScheme", u, err)
		}
	}
}

func TestPerHostLimit(t *testing.T) {
	s := feedtest.NewServer(t)
	var now, peak atomic.Int32
	s.HandleFunc("/x", func(w http.ResponseWriter, r *http.Request) {
		n := now.Add(1)
		defer now.Add(-1)
		for p := peak.Load(); n > p && !peak.CompareAndSwap(p, n); p = peak.Load() {
		}
		time.Sleep(20 * time.Millisecond)
	})
	c := local(Options{PerHost: 2})
	errs := make(chan error)
	for range 8 {
		go func() {
			_, err := get(c, s.URL("/x"))
			errs <- err
		}()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
	if p := peak.Load(); p > 2 {
		t.Errorf("%d requests at once on one host, limit 2", p)
	}
}

// TestLongStatusLine checks that a server's reason phrase is kept as sent
// but cut to a bounded length.
func TestLongStatusLine(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	reason := strings.Repeat("خطأ\x1b[31m", 100)
	go func() {
		conn, err := ln.Accept()
		if err != nil {
			return
		}
		defer conn.Close()
		if _, err := bufio.NewReader(conn).ReadString('\n'); err != nil {
			return
		}
		fmt.Fprintf(conn, "HTTP/1.1 418 %s\r\nContent-Length: 0\r\nConnection: close\r\n\r\n", reason)
	}()
	_, err = get(local(Options{}), "http://"+ln.Addr().String()+"/")
	var se *StatusError
	if !errors.As(err, &se) || se.Code != 418 {
		t.Fatalf("err = %v, want a 418 StatusError", err)
	}
	if !strings.HasPrefix(se.Status, "418 خطأ\x1b[31m") || len(se.Status) > maxStatusText+len("…") || !utf8.ValidString(se.Status) {
		t.Errorf("status %q: want the server's text, cut to %d bytes on a character boundary", se.Status, maxStatusText)
	}
}
