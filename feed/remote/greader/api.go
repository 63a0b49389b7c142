package greader

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
)

// Tag is a label (folder) or state of the user.
type Tag struct {
	ID    string `json:"id"`
	Label string `json:"label,omitempty"`
	Type  string `json:"type,omitempty"` // "folder", "tag" or ""
}

// Subscription is one feed of the user.
type Subscription struct {
	ID         string `json:"id"` // "feed/..."
	Title      string `json:"title"`
	URL        string `json:"url"`
	HTMLURL    string `json:"htmlUrl"`
	Categories []Tag  `json:"categories"`
}

// Link is an alternate or canonical link of an item.
type Link struct {
	Href string `json:"href"`
	Type string `json:"type,omitempty"`
}

// Text is an item's summary or content (HTML).
type Text struct {
	Direction string `json:"direction,omitempty"`
	Content   string `json:"content"`
}

// Item is one entry with its content. Categories holds its state and
// label tags (ReadTag, StarredTag, user/…/label/…), with the user's
// numeric ID or "-" in place of the user: use HasTag.
type Item struct {
	ID            string   `json:"id"` // long form: tag:google.com,2005:reader/item/<16 hex>
	Title         string   `json:"title"`
	Published     int64    `json:"published"` // Unix seconds
	Updated       int64    `json:"updated"`
	TimestampUsec string   `json:"timestampUsec"`
	Author        string   `json:"author"`
	Alternate     []Link   `json:"alternate"`
	Canonical     []Link   `json:"canonical"`
	Summary       Text     `json:"summary"`
	Content       Text     `json:"content"`
	Categories    []string `json:"categories"`
	Origin        struct {
		StreamID string `json:"streamId"`
		Title    string `json:"title"`
		HTMLURL  string `json:"htmlUrl"`
	} `json:"origin"`
}

// Tags lists the user's labels and states (GET /reader/api/0/tag/list).
func (c *Client) Tags(ctx context.Context) ([]Tag, error) {
	var r struct {
		Tags []Tag `json:"tags"`
	}
	if err := c.getJSON(ctx, "/reader/api/0/tag/list", nil, &r); err != nil {
		return nil, fmt.Errorf("greader tags: %w", err)
	}
	return r.Tags, nil
}

// Subscriptions lists the user's feeds with their folders
// (GET /reader/api/0/subscription/list).
func (c *Client) Subscriptions(ctx context.Context) ([]Subscription, error) {
	var r struct {
		Subscriptions []Subscription `json:"subscriptions"`
	}
	if err := c.getJSON(ctx, "/reader/api/0/subscription/list", nil, &r); err != nil {
		return nil, fmt.Errorf("greader subscriptions: %w", err)
	}
	return r.Subscriptions, nil
}

// StreamQuery selects items of a stream, for ItemIDs and
// StreamContents.
type StreamQuery struct {
	Stream       string   // e.g. ReadingList, StarredTag, "feed/42"
	Exclude      []string // xt: e.g. ReadTag for unread only
	N            int      // page size; 0: the server's default
	Continuation string   // from the previous page
	Since        int64    // ot: newer than this Unix second; 0: all
	Oldest       bool     // r=o: oldest first
}

// values is the query string of q.
func (q StreamQuery) values() url.Values {
	v := url.Values{}
	for _, x := range q.Exclude {
		v.Add("xt", x)
	}
	if q.N > 0 {
		v.Set("n", strconv.Itoa(q.N))
	}
	if q.Continuation != "" {
		v.Set("c", q.Continuation)
	}
	if q.Since > 0 {
		v.Set("ot", strconv.FormatInt(q.Since, 10))
	}
	if q.Oldest {
		v.Set("r", "o")
	}
	return v
}

// IDsPage is one page of item IDs; Continuation is "" on the last.
type IDsPage struct {
	IDs          []string
	Continuation string
}

// ItemIDs returns one page of IDs (GET /reader/api/0/stream/items/ids).
func (c *Client) ItemIDs(ctx context.Context, q StreamQuery) (IDsPage, error) {
	v := q.values()
	v.Set("s", q.Stream)
	var r struct {
		ItemRefs []struct {
			ID string `json:"id"`
		} `json:"itemRefs"`
		Continuation string `json:"continuation"`
	}
	if err := c.getJSON(ctx, "/reader/api/0/stream/items/ids", v, &r); err != nil {
		return IDsPage{}, fmt.Errorf("greader item ids of %s: %w", q.Stream, err)
	}
	p := IDsPage{IDs: make([]string, 0, len(r.ItemRefs)), Continuation: r.Continuation}
	for _, ref := range r.ItemRefs {
		p.IDs = append(p.IDs, ref.ID)
	}
	return p, nil
}

// Items returns the contents of items by ID, any ID form
// (POST /reader/api/0/stream/items/contents).
func (c *Client) Items(ctx context.Context, ids []string) ([]Item, error) {
	form := url.Values{"i": ids, "output": {"json"}}
	b, err := c.do(ctx, http.MethodPost, "/reader/api/0/stream/items/contents", nil, form, true)
	if err != nil {
		return nil, fmt.Errorf("greader items: %w", err)
	}
	var r struct {
		Items []Item `json:"items"`
	}
	if err := decode(b, &r); err != nil {
		return nil, fmt.Errorf("greader items: %w", err)
	}
	return r.Items, nil
}

// EditTag adds and removes tags on items (POST /reader/api/0/edit-tag):
// add ReadTag to mark read, remove it to mark unread; StarredTag the same
// way. It fetches the edit token first when the client has none.
func (c *Client) EditTag(ctx context.Context, ids, add, remove []string) error {
	if c.edit == "" {
		if err := c.Token(ctx); err != nil {
			return fmt.Errorf("greader edit-tag: %w", err)
		}
	}
	form := url.Values{"i": ids}
	for _, a := range add {
		form.Add("a", a)
	}
	for _, r := range remove {
		form.Add("r", r)
	}
	if _, err := c.do(ctx, http.MethodPost, "/reader/api/0/edit-tag", nil, form, true); err != nil {
		return fmt.Errorf("greader edit-tag on %d items: %w", len(ids), err)
	}
	return nil
}
