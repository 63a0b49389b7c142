package greader

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// ErrNotSupported is returned (wrapped) by StreamContents when the
// server does not serve stream contents: it answers 404, 405 or 501, or
// something other than an object with an "items" list (Miniflux answers
// every unknown path with "[]"). Use ItemIDs and Items instead.
var ErrNotSupported = errors.New("not supported by the server")

// ContentsPage is one page of a stream's items with their contents;
// Continuation is "" on the last.
type ContentsPage struct {
	Items        []Item
	Continuation string
}

// StreamContents returns one page of the stream's items with their
// contents, newest first unless q.Oldest
// (GET /reader/api/0/stream/contents/<stream>).
func (c *Client) StreamContents(ctx context.Context, q StreamQuery) (ContentsPage, error) {
	path := "/reader/api/0/stream/contents/" + escapeStream(q.Stream)
	v := q.values()
	v.Set("output", "json")
	b, err := c.do(ctx, http.MethodGet, path, v, nil, true)
	var he *HTTPError
	if errors.As(err, &he) && (he.Code == http.StatusNotFound || he.Code == http.StatusMethodNotAllowed || he.Code == http.StatusNotImplemented) {
		return ContentsPage{}, fmt.Errorf("greader stream contents of %s: %w: %w", q.Stream, err, ErrNotSupported)
	}
	if err != nil {
		return ContentsPage{}, fmt.Errorf("greader stream contents of %s: %w", q.Stream, err)
	}
	if !bytes.HasPrefix(bytes.TrimSpace(b), []byte("{")) {
		return ContentsPage{}, fmt.Errorf("greader stream contents of %s: answer is not an object: %w", q.Stream, ErrNotSupported)
	}
	var r struct {
		Items        *[]Item `json:"items"`
		Continuation string  `json:"continuation"`
	}
	if err := json.Unmarshal(b, &r); err != nil {
		return ContentsPage{}, fmt.Errorf("greader stream contents of %s: decode: %w", q.Stream, err)
	}
	if r.Items == nil {
		return ContentsPage{}, fmt.Errorf("greader stream contents of %s: no items list: %w", q.Stream, ErrNotSupported)
	}
	return ContentsPage{Items: *r.Items, Continuation: r.Continuation}, nil
}

// escapeStream escapes a stream ID for a URL path, keeping its slashes
// as the API's paths show them.
func escapeStream(s string) string {
	parts := strings.Split(s, "/")
	for i, p := range parts {
		parts[i] = url.PathEscape(p)
	}
	return strings.Join(parts, "/")
}

// itemPrefix starts the long form of an item ID.
const itemPrefix = "tag:google.com,2005:reader/item/"

// ShortID returns the short (decimal) form of an item ID given in either
// form: the long form "tag:google.com,2005:reader/item/<hex>" that item
// contents carry, or the decimal form that item ID lists carry. A long
// form whose hex does not fit 64 bits is returned as its hex part.
func ShortID(id string) string {
	h, ok := strings.CutPrefix(id, itemPrefix)
	if !ok {
		return id
	}
	n, err := strconv.ParseUint(h, 16, 64)
	if err != nil {
		return h
	}
	return strconv.FormatInt(int64(n), 10)
}

// LongID returns the long form of a short item ID, as ShortID reads it:
// a decimal ID becomes 16 hex digits after the prefix, any other ID is
// put after the prefix as it is. A long form is returned unchanged.
func LongID(id string) string {
	if strings.HasPrefix(id, itemPrefix) {
		return id
	}
	n, err := strconv.ParseInt(id, 10, 64)
	if err != nil {
		return itemPrefix + id
	}
	return fmt.Sprintf("%s%016x", itemPrefix, uint64(n))
}
