package engine

import (
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"
)

// ErrRedirect is returned (wrapped) when a server redirects to another
// scheme, host or port: the request, and the credentials on it, are not
// sent there.
var ErrRedirect = errors.New("redirect to another origin refused")

// maxRedirects bounds redirects within one origin.
const maxRedirects = 5

// requestTimeout bounds one request, body included.
const requestTimeout = 60 * time.Second

// NewHTTPClient returns the HTTP client for talking to a sync server: it
// follows redirects only within the first request's origin (so no
// Authorization, X-Auth-Token or form password reaches another host) and
// gives up on a request after a minute. rt is the transport; nil means
// http.DefaultTransport.
func NewHTTPClient(rt http.RoundTripper) *http.Client {
	if rt == nil {
		rt = http.DefaultTransport
	}
	return &http.Client{Transport: rt, Timeout: requestTimeout, CheckRedirect: sameOrigin}
}

func sameOrigin(req *http.Request, via []*http.Request) error {
	first := via[0].URL
	if req.URL.Scheme != first.Scheme || req.URL.Host != first.Host {
		return fmt.Errorf("%s://%s to %s://%s: %w", first.Scheme, first.Host, req.URL.Scheme, req.URL.Host, ErrRedirect)
	}
	if len(via) >= maxRedirects {
		return fmt.Errorf("stopped after %d redirects", len(via))
	}
	return nil
}

// ServerClock is a transport that remembers the Date header of the last
// response, the server's own clock, to place sync cursors without
// trusting the local clock.
type ServerClock struct {
	Next http.RoundTripper
	mu   sync.Mutex
	last time.Time
}

// RoundTrip sends req through the wrapped transport and notes the Date.
func (c *ServerClock) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := c.Next.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	if d, err := http.ParseTime(resp.Header.Get("Date")); err == nil {
		c.mu.Lock()
		c.last = d
		c.mu.Unlock()
	}
	return resp, nil
}

// now returns the last Date seen, zero before any.
func (c *ServerClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.last
}
