// Package fetch is akhbar's one HTTP client. It fetches feeds and pages
// with conditional GET, size, time and redirect limits, gzip decoding,
// Retry-After handling, a per-host concurrency limit and an address policy
// that keeps a public feed from making akhbar fetch loopback or private
// addresses.
package fetch

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptrace"
	"net/netip"
	"net/url"
	"time"
)

// Options tunes a Client. Zero fields take the defaults noted.
type Options struct {
	Timeout        time.Duration // whole request, body included; default 30s
	ConnectTimeout time.Duration // TCP connect and TLS handshake; default 10s
	MaxBytes       int64         // decompressed body cap; default 16 MiB
	MaxRedirects   int           // default 10
	PerHost        int           // concurrent requests per host; default 4
	UserAgent      string        // default "akhbar/0 (terminal news reader)"
	MaxRetryAfter  time.Duration // longest Retry-After waited in-line; default 10s
	// TLSConfig, when set, is used for https (tests use it to trust a
	// test server's certificate). Nil means the system roots.
	TLSConfig *tls.Config
}

func (o Options) withDefaults() Options {
	if o.Timeout <= 0 {
		o.Timeout = 30 * time.Second
	}
	if o.ConnectTimeout <= 0 {
		o.ConnectTimeout = 10 * time.Second
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = 16 << 20
	}
	if o.MaxRedirects <= 0 {
		o.MaxRedirects = 10
	}
	if o.PerHost <= 0 {
		o.PerHost = 4
	}
	if o.UserAgent == "" {
		o.UserAgent = "akhbar/0 (terminal news reader)"
	}
	if o.MaxRetryAfter <= 0 {
		o.MaxRetryAfter = 10 * time.Second
	}
	return o
}

// Client fetches URLs under Options. It is safe for concurrent use; make
// one per process and share it.
type Client struct {
	opts Options
	// public refuses non-public addresses at dial time; private allows
	// them for the request's own host only (see dialer). Two transports
	// so that a pooled connection never crosses policies; private keeps
	// no connections, so every request's policy meets a fresh dial.
	public  *http.Client
	private *http.Client
	hosts   *hostLimiter
}

// New returns a Client with o's limits (defaults for zero fields).
func New(o Options) *Client {
	o = o.withDefaults()
	return &Client{
		opts:    o,
		public:  o.httpClient(false),
		private: o.httpClient(true),
		hosts:   newHostLimiter(o.PerHost),
	}
}

// httpClient builds an http.Client whose dialer checks the address of
// every connection before connecting: public addresses only, or (private)
// the policy of dialer.
func (o Options) httpClient(private bool) *http.Client {
	d := dialer{timeout: o.ConnectTimeout}
	dial := d.net(checkPublic).DialContext
	if private {
		dial = d.DialContext
	}
	t := &http.Transport{
		Proxy:               nil, // a proxy would hide the real address from the policy
		DialContext:         dial,
		DisableKeepAlives:   private,
		TLSClientConfig:     o.TLSConfig,
		TLSHandshakeTimeout: o.ConnectTimeout,
		MaxIdleConnsPerHost: o.PerHost,
		IdleConnTimeout:     90 * time.Second,
		ForceAttemptHTTP2:   true,
	}
	max := o.MaxRedirects
	return &http.Client{
		Transport: t,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > max {
				return fmt.Errorf("%w (%d)", ErrTooManyRedirects, max)
			}
			return nil
		},
	}
}

// Request is one GET.
type Request struct {
	URL          string
	ETag         string // sent as If-None-Match
	LastModified string // sent as If-Modified-Since
	// AllowPrivate lets this request reach loopback and private
	// addresses on the host of URL only, and only when that name has no
	// public address; a redirect to another host is held to the public
	// policy. Set it only for a URL the user typed or imported, or for a
	// page on the same host as a feed whose own fetch was private
	// (Response.Private).
	AllowPrivate bool
	Accept       string // default: feeds, HTML and anything else
	// MaxBytes, when positive and below the client's MaxBytes, caps
	// this response's decompressed body (images have their own cap).
	MaxBytes int64
}

// Response is a fetched document.
type Response struct {
	URL          string // final URL after redirects
	Status       int
	ContentType  string
	Body         []byte // raw (not charset-decoded) bytes; nil on 304
	ETag         string
	LastModified string
	NotModified  bool
	// Addr is the address of the server that sent the final response,
	// as actually connected to.
	Addr netip.Addr
}

// Private reports whether the final response came from a loopback,
// private or link-local address: the decision on the address actually
// connected to, not on a separate DNS lookup.
func (r Response) Private() bool {
	return r.Addr.IsValid() && nonPublic(r.Addr) != ""
}

// Get fetches r.URL. It fails, with an error naming the URL, on a refused
// address, a TLS failure, a timeout, too many redirects, a body over
// MaxBytes, or any status other than 2xx and 304 (a *StatusError). On 429
// and 503 with a Retry-After of at most MaxRetryAfter it waits and retries
// a few times before giving up.
func (c *Client) Get(ctx context.Context, r Request) (Response, error) {
	u, err := url.Parse(r.URL)
	if err != nil {
		return Response{}, &Error{URL: r.URL, Err: err}
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return Response{}, &Error{URL: r.URL, Err: fmt.Errorf("%w %q", ErrScheme, u.Scheme)}
	}
	release, err := c.hosts.acquire(ctx, u.Host)
	if err != nil {
		return Response{}, &Error{URL: r.URL, Err: err}
	}
	defer release()

	for attempt := 0; ; attempt++ {
		resp, err := c.once(ctx, r)
		var se *StatusError
		if !errors.As(err, &se) || !se.RetryLater() || attempt >= maxRetries {
			return resp, c.wrap(ctx, r.URL, err)
		}
		wait := max(se.wait(time.Now()), backoff(attempt))
		if wait > c.opts.MaxRetryAfter {
			return resp, c.wrap(ctx, r.URL, err)
		}
		if err := sleep(ctx, wait); err != nil {
			return Response{}, c.wrap(ctx, r.URL, err)
		}
	}
}

// once makes one request, with its own deadline covering the body.
func (c *Client) once(ctx context.Context, r Request) (Response, error) {
	ctx, cancel := context.WithTimeout(ctx, c.opts.Timeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, r.URL, nil)
	if err != nil {
		return Response{}, err
	}
	c.setHeaders(req, r)
	hc := c.public
	if r.AllowPrivate {
		hc = c.private
		req = req.WithContext(withPrivateHost(req.Context(), req.URL.Hostname()))
	}
	var addr netip.Addr
	req = req.WithContext(httptrace.WithClientTrace(req.Context(), &httptrace.ClientTrace{
		GotConn: func(info httptrace.GotConnInfo) { addr = remoteAddr(info.Conn) },
	}))
	resp, err := hc.Do(req)
	if err != nil {
		return Response{}, err
	}
	defer resp.Body.Close()
	out, err := c.read(resp, r.limit(c.opts.MaxBytes))
	out.Addr = addr
	return out, err
}

// remoteAddr is the IP address conn is connected to.
func remoteAddr(conn net.Conn) netip.Addr {
	ap, err := netip.ParseAddrPort(conn.RemoteAddr().String())
	if err != nil {
		return netip.Addr{}
	}
	return ap.Addr().Unmap()
}

func (c *Client) setHeaders(req *http.Request, r Request) {
	accept := r.Accept
	if accept == "" {
		accept = "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5"
	}
	req.Header.Set("Accept", accept)
	req.Header.Set("User-Agent", c.opts.UserAgent)
	// Set by hand so that the transport leaves the body compressed and
	// the size cap applies after decompression (see readBody).
	req.Header.Set("Accept-Encoding", "gzip")
	if r.ETag != "" {
		req.Header.Set("If-None-Match", r.ETag)
	}
	if r.LastModified != "" {
		req.Header.Set("If-Modified-Since", r.LastModified)
	}
}

// limit is the body cap of r under a client cap of max.
func (r Request) limit(max int64) int64 {
	if r.MaxBytes > 0 && r.MaxBytes < max {
		return r.MaxBytes
	}
	return max
}

// read turns an HTTP response into a Response or a *StatusError; the
// body may hold at most limit bytes.
func (c *Client) read(resp *http.Response, limit int64) (Response, error) {
	out := Response{
		URL:          resp.Request.URL.String(),
		Status:       resp.StatusCode,
		ContentType:  resp.Header.Get("Content-Type"),
		ETag:         resp.Header.Get("ETag"),
		LastModified: resp.Header.Get("Last-Modified"),
	}
	switch {
	case resp.StatusCode == http.StatusNotModified:
		out.NotModified = true
		return out, nil
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return out, newStatusError(resp)
	}
	body, err := readBody(resp, limit)
	if err != nil {
		return out, err
	}
	out.Body = body
	return out, nil
}

// sleep waits d or until ctx is done.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
