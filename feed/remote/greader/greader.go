// Package greader is a small client of the Google Reader API as FreshRSS,
// Inoreader, The Old Reader and Miniflux serve it: ClientLogin, the edit
// token, tags, subscriptions, item IDs of a stream with continuation,
// stream contents, item contents by ID, and edit-tag for read and
// starred.
//
// GET requests carry "Authorization: GoogleLogin auth=<token>"; POST
// requests carry it too, and the form field T: the edit token once
// Token has fetched it, else the auth token (Miniflux authenticates a
// POST by T alone and hands out its auth token as the edit token).
// Neither token is ever put in an error message.
package greader

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// Well-known stream and tag IDs ("-" is the logged-in user).
const (
	ReadingList = "user/-/state/com.google/reading-list"
	ReadTag     = "user/-/state/com.google/read"
	StarredTag  = "user/-/state/com.google/starred"
)

// ErrUnauthorized is returned (wrapped) when the server rejects the login
// or a token.
var ErrUnauthorized = errors.New("unauthorized")

// maxBody bounds any response read into memory.
const maxBody = 64 << 20

// Client talks to one Google Reader API server. It is not safe for
// concurrent use while Login, UseToken or Token run.
type Client struct {
	base string // server root, without trailing slash
	hc   *http.Client
	auth string // auth token, from Login or UseToken
	edit string // edit token, from Token
}

// New returns a client of the server at base (e.g.
// "https://rss.example.com" or FreshRSS's ".../api/greader.php"). hc
// nil means a client that follows no redirect at all; pass one with a
// redirect policy of your own (akhbar's sync.NewHTTPClient) otherwise.
func New(base string, hc *http.Client) *Client {
	if hc == nil {
		hc = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	}
	return &Client{base: strings.TrimRight(base, "/"), hc: hc}
}

// Login exchanges a user name and password for an auth token
// (POST /accounts/ClientLogin). It fails with ErrUnauthorized on a
// rejected login.
func (c *Client) Login(ctx context.Context, user, password string) error {
	form := url.Values{"Email": {user}, "Passwd": {password}}
	body, err := c.do(ctx, http.MethodPost, "/accounts/ClientLogin", nil, form, false)
	if err != nil {
		return fmt.Errorf("greader login: %w", err)
	}
	for line := range strings.SplitSeq(string(body), "\n") {
		if tok, ok := strings.CutPrefix(strings.TrimSpace(line), "Auth="); ok && tok != "" {
			c.auth, c.edit = tok, ""
			return nil
		}
	}
	return errors.New("greader login: no Auth= line in the answer")
}

// UseToken sets the auth token directly, for a server that hands one out
// in its settings instead of through ClientLogin.
func (c *Client) UseToken(auth string) { c.auth, c.edit = auth, "" }

// LoggedIn reports whether the client has an auth token.
func (c *Client) LoggedIn() bool { return c.auth != "" }

// Token fetches the edit token that writes such as EditTag carry
// (GET /reader/api/0/token).
func (c *Client) Token(ctx context.Context) error {
	body, err := c.do(ctx, http.MethodGet, "/reader/api/0/token", nil, nil, true)
	if err != nil {
		return fmt.Errorf("greader token: %w", err)
	}
	tok := strings.TrimSpace(string(body))
	if tok == "" {
		return errors.New("greader token: empty answer")
	}
	c.edit = tok
	return nil
}

// do sends one request to path with query q and, for POST, form. With
// auth it adds the tokens. It returns the body of a 2xx answer, or an
// *HTTPError.
func (c *Client) do(ctx context.Context, method, path string, q, form url.Values, auth bool) ([]byte, error) {
	u := c.base + path
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	var body io.Reader
	if method == http.MethodPost {
		if form == nil {
			form = url.Values{}
		}
		if auth {
			form.Set("T", cmp.Or(c.edit, c.auth))
		}
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequestWithContext(ctx, method, u, body)
	if err != nil {
		return nil, err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if auth {
		req.Header.Set("Authorization", "GoogleLogin auth="+c.auth)
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	if err != nil {
		return nil, fmt.Errorf("%s %s: read: %w", method, path, err)
	}
	if resp.StatusCode/100 != 2 {
		return nil, fmt.Errorf("%s %s: %w", method, path, &HTTPError{Status: resp.Status, Code: resp.StatusCode})
	}
	return b, nil
}

// HTTPError is a non-2xx answer. It matches ErrUnauthorized (errors.Is)
// for 401 and 403.
type HTTPError struct {
	Status string
	Code   int
}

// Error returns the status line.
func (e *HTTPError) Error() string { return e.Status }

// Is makes a 401 or 403 answer match ErrUnauthorized.
func (e *HTTPError) Is(target error) bool {
	return target == ErrUnauthorized && (e.Code == http.StatusUnauthorized || e.Code == http.StatusForbidden)
}

// getJSON GETs path with output=json and decodes the answer into v.
func (c *Client) getJSON(ctx context.Context, path string, q url.Values, v any) error {
	if q == nil {
		q = url.Values{}
	}
	q.Set("output", "json")
	b, err := c.do(ctx, http.MethodGet, path, q, nil, true)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("GET %s: decode: %w", path, err)
	}
	return nil
}
