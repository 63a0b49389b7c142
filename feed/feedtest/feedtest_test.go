package feedtest

import (
	"io"
	"net/http"
	"testing"
)

func get(t *testing.T, c *http.Client, url string, h http.Header) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodGet, url, nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header = h
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, string(body)
}

func TestServer(t *testing.T) {
	s := NewServer(t)
	s.Handle("/feed", Route{Body: []byte("<rss/>"), ContentType: "application/rss+xml", ETag: `"v1"`})
	s.Handle("/gone", Route{Status: http.StatusGone})
	tests := []struct {
		path, inm  string
		wantStatus int
		wantBody   string
	}{
		{"/feed", "", 200, "<rss/>"},
		{"/feed", `"v1"`, 304, ""},
		{"/feed", `"v0"`, 200, "<rss/>"},
		{"/gone", "", 410, ""},
		{"/missing", "", 404, "404 page not found\n"},
	}
	for _, tt := range tests {
		h := http.Header{}
		if tt.inm != "" {
			h.Set("If-None-Match", tt.inm)
		}
		resp, body := get(t, s.Client(), s.URL(tt.path), h)
		if resp.StatusCode != tt.wantStatus || body != tt.wantBody {
			t.Errorf("GET %s (If-None-Match %q) = %d %q, want %d %q", tt.path, tt.inm, resp.StatusCode, body, tt.wantStatus, tt.wantBody)
		}
	}
	if got := s.Hits("/feed"); got != 3 {
		t.Errorf("Hits(/feed) = %d, want 3", got)
	}
	if got := s.Requests("/feed")[1].Get("If-None-Match"); got != `"v1"` {
		t.Errorf("second request If-None-Match = %q", got)
	}
}

func TestTLSServer(t *testing.T) {
	s := NewTLSServer(t)
	s.HandleFunc("/x", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "ok") })
	resp, body := get(t, s.Client(), s.URL("/x"), http.Header{})
	if resp.StatusCode != 200 || body != "ok" || resp.TLS == nil {
		t.Errorf("GET over TLS = %d %q (TLS %v)", resp.StatusCode, body, resp.TLS != nil)
	}
}
