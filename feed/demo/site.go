package demo

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"time"
)

// document is one rendered, servable file of the edition.
type document struct {
	contentType string
	body        []byte
	etag        string
}

// newDocument wraps a rendered body with its content type and a strong
// ETag derived from its bytes.
func newDocument(contentType string, body []byte) document {
	sum := sha256.Sum256(body)
	return document{
		contentType: contentType,
		body:        body,
		etag:        `"` + hex.EncodeToString(sum[:12]) + `"`,
	}
}

// site is the rendered edition: documents by URL path, all last modified
// at the same instant.
type site struct {
	docs     map[string]document
	modified time.Time
}

// ServeHTTP answers GET and HEAD for the edition's paths, with
// conditional requests (ETag, Last-Modified) answered 304 by
// http.ServeContent. Unknown paths get 404, other methods 405.
func (s site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	d, ok := s.docs[r.URL.Path]
	if !ok {
		http.NotFound(w, r)
		return
	}
	h := w.Header()
	h.Set("Content-Type", d.contentType)
	h.Set("ETag", d.etag)
	h.Set("Cache-Control", "no-cache")
	http.ServeContent(w, r, r.URL.Path, s.modified, bytes.NewReader(d.body))
}
