package feed

import (
	"context"
	"errors"
	"time"
)

// ErrNotFound is returned (wrapped) by Store lookups that match nothing.
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
	At           time.Time
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

// Store is akhbar's persistent state: subscriptions, items, article
// bodies, read and starred state. Every method is safe for concurrent use
// and for use by several processes on the same cache.
type Store interface {
	// AddFeed subscribes to f.URL; adding a URL again returns the
	// existing feed, with Folder updated when f.Folder is set.
	AddFeed(ctx context.Context, f Feed) (Feed, error)
	// RemoveFeed unsubscribes; its items go too, except starred ones.
	RemoveFeed(ctx context.Context, url string) error
	// Feeds lists every subscription with its unread and total counts.
	Feeds(ctx context.Context) ([]Feed, error)
	// FeedByURL finds one subscription by its URL.
	FeedByURL(ctx context.Context, url string) (Feed, error)

	// SaveFetch records one successful fetch of a feed in one
	// transaction: its metadata, and its items upserted by identity (see
	// ItemID). It returns the items that were new.
	SaveFetch(ctx context.Context, feedID int64, r FetchResult) ([]Item, error)
	// SaveFeedError records a failed fetch on the feed, keeping its items.
	SaveFeedError(ctx context.Context, feedID int64, msg string, at time.Time) error
	// DeferFeed records that the feed's server asked not to be fetched
	// before until (Retry-After); the next successful fetch clears it.
	DeferFeed(ctx context.Context, feedID int64, until time.Time) error

	// Items returns one page of headlines.
	Items(ctx context.Context, q ItemQuery) ([]Item, error)
	// CountItems counts what Items would page through.
	CountItems(ctx context.Context, q ItemQuery) (int, error)
	// Item finds one item by its ID.
	Item(ctx context.Context, id string) (Item, error)
	// ItemByURL finds the newest item whose link is url.
	ItemByURL(ctx context.Context, url string) (Item, error)
	// SetRead marks items read or unread.
	SetRead(ctx context.Context, ids []string, read bool) error
	// SetStarred stars or unstars one item.
	SetStarred(ctx context.Context, id string, starred bool) error

	// SaveArticle stores (or replaces) the full text of the page at a.URL.
	SaveArticle(ctx context.Context, a Article) error
	// Article returns the cached full text of the page at url.
	Article(ctx context.Context, url string) (Article, error)

	// Search runs a full-text query over titles and bodies.
	Search(ctx context.Context, query string, limit int) ([]SearchHit, error)
	// Related lists cached items most like the item with this ID.
	Related(ctx context.Context, id string, limit int) ([]Item, error)

	// SetPosition remembers how far into an item's article the reader
	// got, as a fraction from 0 to 1, so reopening resumes there.
	SetPosition(ctx context.Context, itemID string, pos float64) error

	// AddFollow saves a followed story: a query whose matching items show
	// as a virtual feed (ItemQuery.Follow).
	AddFollow(ctx context.Context, query string) (Follow, error)
	// RemoveFollow stops following a story.
	RemoveFollow(ctx context.Context, id int64) error
	// Follows lists the followed stories with their unread and total counts.
	Follows(ctx context.Context) ([]Follow, error)
	// FollowQuery suggests a query for following the story of an item,
	// from its key terms.
	FollowQuery(ctx context.Context, itemID string) (string, error)

	// Close releases the store.
	Close() error
}
