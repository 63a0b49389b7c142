// Package feedtest is a loopback HTTP server for tests: register routes
// with a body, content type, status, headers and delay, then read back
// how often each route was hit and the request headers it received.
package feedtest

import (
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"
)

// Route is the canned answer of one path.
type Route struct {
	Status      int // default 200
	ContentType string
	Body        []byte
	Header      http.Header   // extra response headers
	Delay       time.Duration // wait before answering (ends early if the client gives up)
	// ETag and LastModified, when set, are sent with the answer, and a
	// request whose If-None-Match / If-Modified-Since matches them gets
	// 304 Not Modified.
	ETag         string
	LastModified string
	// Handler, when set, answers instead of the fields above.
	Handler http.HandlerFunc
}

// Server is an httptest server on loopback with registered routes.
// Unregistered paths answer 404. It is safe for concurrent use.
type Server struct {
	srv    *httptest.Server
	mu     sync.Mutex
	routes map[string]Route
	seen   map[string][]http.Header
}

// NewServer starts a plain-HTTP server that t closes when the test ends.
func NewServer(t testing.TB) *Server {
	return start(t, httptest.NewServer)
}

// NewTLSServer starts an HTTPS server with a self-signed certificate;
// Client returns an http.Client that trusts it.
func NewTLSServer(t testing.TB) *Server {
	return start(t, httptest.NewTLSServer)
}

func start(t testing.TB, newServer func(http.Handler) *httptest.Server) *Server {
	s := &Server{routes: make(map[string]Route), seen: make(map[string][]http.Header)}
	s.srv = newServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.Close)
	return s
}

// Handle registers (or replaces) the answer for path, e.g. "/feed.xml".
func (s *Server) Handle(path string, r Route) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.routes[path] = r
}

// HandleFunc registers a handler for path.
func (s *Server) HandleFunc(path string, h http.HandlerFunc) {
	s.Handle(path, Route{Handler: h})
}

// URL returns the absolute URL of path on this server.
func (s *Server) URL(path string) string { return s.srv.URL + path }

// Client returns an http.Client configured for this server (it trusts
// the certificate of a TLS server).
func (s *Server) Client() *http.Client { return s.srv.Client() }

// Hits counts the requests path has received.
func (s *Server) Hits(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.seen[path])
}

// Requests returns the headers of each request path received, oldest
// first.
func (s *Server) Requests(path string) []http.Header {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]http.Header(nil), s.seen[path]...)
}

// Close shuts the server down; it is safe to call more than once.
func (s *Server) Close() { s.srv.Close() }

func (s *Server) serve(w http.ResponseWriter, req *http.Request) {
	s.mu.Lock()
	s.seen[req.URL.Path] = append(s.seen[req.URL.Path], req.Header.Clone())
	r, ok := s.routes[req.URL.Path]
	s.mu.Unlock()
	if !ok {
		http.NotFound(w, req)
		return
	}
	if r.Handler != nil {
		r.Handler(w, req)
		return
	}
	if r.Delay > 0 {
		select {
		case <-time.After(r.Delay):
		case <-req.Context().Done():
			return
		}
	}
	r.write(w, req)
}

func (r Route) write(w http.ResponseWriter, req *http.Request) {
	h := w.Header()
	for k, vs := range r.Header {
		h[k] = append([]string(nil), vs...)
	}
	if r.ContentType != "" {
		h.Set("Content-Type", r.ContentType)
	}
	if r.ETag != "" {
		h.Set("ETag", r.ETag)
	}
	if r.LastModified != "" {
		h.Set("Last-Modified", r.LastModified)
	}
	if r.notModified(req) {
		w.WriteHeader(http.StatusNotModified)
		return
	}
	status := r.Status
	if status == 0 {
		status = http.StatusOK
	}
	w.WriteHeader(status)
	if _, err := w.Write(r.Body); err != nil {
		return // the client went away; nothing left to do
	}
}

func (r Route) notModified(req *http.Request) bool {
	inm, ims := req.Header.Get("If-None-Match"), req.Header.Get("If-Modified-Since")
	return (r.ETag != "" && inm == r.ETag) || (r.LastModified != "" && inm == "" && ims == r.LastModified)
}
