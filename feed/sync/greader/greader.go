// Package greader is a small client of the Google Reader API as FreshRSS,
// Inoreader, The Old Reader and Miniflux serve it: ClientLogin, the edit
// token, tags, subscriptions, item IDs of a stream with continuation,
// item contents, and edit-tag for read and starred.
//
// GET requests carry "Authorization: GoogleLogin auth=<token>"; POST
// requests carry the token as the form field T as well, as Miniflux
// requires. The token is never put in an error message.
package greader

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/akhbar/akhbar/feed/sync"
)

// Well-known stream and tag IDs ("-" is the logged-in user).
const (
	ReadingList = "user/-/state/com.google/reading-list"
	ReadTag     = "user/-/state/com.google/read"
	StarredTag  = "user/-/state/com.google/starred"
)

// ErrUnauthorized is returned (wrapped) when the server rejects the login
// or the token.
var ErrUnauthorized = errors.New("unauthorized")

// maxBody bounds any response read into memory.
const maxBody = 64 << 20

// Client talks to one Google Reader API server. It is safe for
// concurrent use after Login.
type Client struct {
	base  string // server root, without trailing slash
	hc    *http.Client
	token string
}

// New returns a client of the server at base (e.g.
// "https://rss.example.com" or FreshRSS's ".../api/greader.php"). hc nil
// means sync.NewHTTPClient(nil): redirects to another origin are refused.
func New(base string, hc *http.Client) *Client {
	if hc == nil {
		hc = sync.NewHTTPClient(nil)
	}
	return &Client{base: strings.TrimRight(base, "/"), hc: hc}
}

// Login exchanges a user name and password for an auth token
// (POST /accounts/ClientLogin). It fails with ErrUnauthorized on a
// rejected login.
func (c *Client) Login(ctx context.Context, user string, password sync.Secret) error {
	form := url.Values{"Email": {user}, "Passwd": {password.Reveal()}}
	body, err := c.do(ctx, http.MethodPost, "/accounts/ClientLogin", nil, form, false)
	if err != nil {
		return fmt.Errorf("greader login: %w", err)
	}
	for line := range strings.SplitSeq(string(body), "\n") {
		if tok, ok := strings.CutPrefix(strings.TrimSpace(line), "Auth="); ok && tok != "" {
			c.token = tok
			return nil
		}
	}
	return errors.New("greader login: no Auth= line in the answer")
}

// Token returns an edit token (GET /reader/api/0/token).
func (c *Client) Token(ctx context.Context) (sync.Secret, error) {
	body, err := c.do(ctx, http.MethodGet, "/reader/api/0/token", nil, nil, true)
	if err != nil {
		return sync.Secret{}, fmt.Errorf("greader token: %w", err)
	}
	tok := strings.TrimSpace(string(body))
	if tok == "" {
		return sync.Secret{}, errors.New("greader token: empty answer")
	}
	return sync.NewSecret(tok), nil
}

// do sends one request to path with query q and, for POST, form. With
// auth it adds the token. It returns the body of a 2xx answer.
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
			form.Set("T", c.token)
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
		req.Header.Set("Authorization", "GoogleLogin auth="+c.token)
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
	switch {
	case resp.StatusCode == http.StatusUnauthorized || resp.StatusCode == http.StatusForbidden:
		return nil, fmt.Errorf("%s %s: %s: %w", method, path, resp.Status, ErrUnauthorized)
	case resp.StatusCode/100 != 2:
		return nil, fmt.Errorf("%s %s: %s", method, path, resp.Status)
	}
	return b, nil
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
