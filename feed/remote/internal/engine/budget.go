package engine

import (
	"errors"
	"fmt"
)

// ErrBound is returned (wrapped) when a sync stops because it reached one
// of its Limits: the server kept paging (a total of 10^9, a continuation
// on every page, full pages for ever) or the account changed more than
// one sync takes. What was saved stays saved; the cursor is not moved
// past what was read, so the next sync starts from there.
var ErrBound = errors.New("the server kept paging: sync stopped at its bound")

// Limits bound one sync, so that a server that never stops paging cannot
// keep akhbar busy (or growing) for ever.
type Limits struct {
	Requests int // paged requests: entry pages, item ID pages, item batches
	Entries  int // entries received with their contents
	IDs      int // item IDs received in ID lists (Google Reader)
}

// The default limits are far above what one sync of a real account needs, and
// low enough that a server paging for ever is stopped within minutes.
// A first sync of a large Miniflux account (its entries of the last
// months, read ones included) is tens of thousands of entries: tens of
// pages of 1000. A Google Reader account lists its unread and starred
// IDs on every sync, 10000 a page, and fetches items 250 a request; a
// hoard of 100000 unread items is 10 ID pages and 400 item requests.
const (
	maxRequests = 2000    // 2000 pages of 1000 entries, or 250-item batches for 500000
	maxEntries  = 200000  // entries with content, saved page by page
	maxIDs      = 1000000 // item IDs across the lists: tens of MB in memory
)

// DefaultLimits returns the limits of a sync (see the constants).
func DefaultLimits() Limits {
	return Limits{Requests: maxRequests, Entries: maxEntries, IDs: maxIDs}
}

// Budget counts what one sync has asked for and received against its
// Limits. Make one per sync.
type Budget struct {
	limits                 Limits
	requests, entries, ids int
}

// NewBudget returns an empty budget of these limits.
func NewBudget(l Limits) *Budget { return &Budget{limits: l} }

// Request notes one more paged request before it is sent. It fails with
// ErrBound when the sync has made as many as its limit allows.
func (b *Budget) Request() error {
	if b.requests >= b.limits.Requests {
		return fmt.Errorf("%w of %d paged requests", ErrBound, b.limits.Requests)
	}
	b.requests++
	return nil
}

// Entries notes n entries received. It fails with ErrBound once the
// sync has received more than its limit; the caller saves the page it
// has and stops.
func (b *Budget) Entries(n int) error {
	b.entries += n
	if b.entries > b.limits.Entries {
		return fmt.Errorf("%w of %d entries", ErrBound, b.limits.Entries)
	}
	return nil
}

// IDs notes n item IDs received in a list. It fails with ErrBound once
// the sync has received more than its limit.
func (b *Budget) IDs(n int) error {
	b.ids += n
	if b.ids > b.limits.IDs {
		return fmt.Errorf("%w of %d item IDs", ErrBound, b.limits.IDs)
	}
	return nil
}
