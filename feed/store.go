package feed

import (
	"errors"
	"time"
)

// ErrNotFound is returned (wrapped) by lookups in the cache that match
// nothing.
var ErrNotFound = errors.New("not found")

// ErrCacheDamaged is wrapped by every write to a cache whose file was
// found damaged: nothing more is written to it until it is repaired
// (`akhbar cache repair`), so the damage does not spread.
var ErrCacheDamaged = errors.New("the cache file is damaged; nothing more is written to it: run `akhbar cache repair` to salvage it into a fresh cache")

// Order is the sort order of a headline list.
type Order int

// Headline orders.
const (
	NewestFirst Order = iota
	OldestFirst
	UnreadFirst
)

// LocalOnly as ItemQuery.Account selects the feeds the user subscribed
// to directly, not those of sync accounts.
const LocalOnly = -1

// ItemQuery selects a page of headlines. The zero value means every item
// of every feed, newest first, from the start.
type ItemQuery struct {
	FeedID  int64  // 0: all feeds
	Folder  string // "": any folder
	Unread  bool   // only unread items
	Starred bool   // only starred items
	Follow  int64  // only items matching this followed story (see Follow)
	Account int64  // only feeds of this sync account; LocalOnly: only local feeds; 0: any
	Order   Order
	Offset  int
	Limit   int // 0: a default page size chosen by the store
}

// FetchResult is what one successful fetch of a feed produced.
type FetchResult struct {
	Title        string // the feed's own title (kept unless the user renamed it)
	SiteURL      string
	ETag         string
	LastModified string
	NotModified  bool // the server answered 304: only the fetch time changes
	Items        []Item
	// Dropped counts the items of the document left out by the cap on
	// items per fetch (Parsed.Dropped); the store notes it on the feed.
	Dropped int
	At      time.Time
	// Charset is how the feed's bytes were decoded; zero when unknown
	// (a sync account's entries). A later fetch that decodes better
	// re-decodes the feed's stored items (see cache.SaveFetch).
	Charset Charset
}

// Charset says how a fetched document's bytes were decoded to text (see
// fetch.Decode, whose Charset has the same fields).
type Charset struct {
	Name     string // the WHATWG name of the encoding, e.g. "windows-1256"
	Declared bool   // named by the header, a byte order mark or the document
	Lossy    bool   // some bytes did not decode and became U+FFFD
}

// SearchHit is one full-text search result.
type SearchHit struct {
	Item    Item   `json:"item"`
	Snippet string `json:"snippet"` // plain text around the match
	// Match holds byte ranges of Snippet that matched the query, for
	// highlighting.
	Match [][2]int `json:"match,omitempty"`
}

// Follow is a followed developing story: a saved search whose matching
// items, from every refresh, show as a virtual feed "Following: Title".
type Follow struct {
	ID      int64     `json:"id"`
	Query   string    `json:"query"` // in the search query language
	Title   string    `json:"title"`
	Unread  int       `json:"unread"`
	Total   int       `json:"total"`
	Created time.Time `json:"created"`
}
