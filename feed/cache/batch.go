package cache

import (
	"context"
	"fmt"
	"sync"

	"github.com/akhbar/akhbar/feed"
)

// Limits of one batch of SaveFetch calls saved in one transaction: few
// enough items that the write lock is never held long (another process
// marking an item read waits for it).
const (
	batchFeeds = 32
	batchItems = 4000
)

// batcher groups SaveFetch calls made at once (a refresh saves from many
// goroutines) into one write transaction: one commit and one search
// index flush for the group instead of one per feed. A call waits until
// the transaction holding its feed has committed, so what it returns is
// durable as before. The unit of crash safety is the batch: a kill
// leaves every feed of it saved, or none.
type batcher struct {
	mu    sync.Mutex
	busy  bool        // a caller is saving a batch
	queue []*saveCall // calls waiting, in arrival order
}

// saveCall is one SaveFetch waiting in a batch.
type saveCall struct {
	ctx    context.Context
	feedID int64
	r      feed.FetchResult
	added  []feed.Item
	err    error
	done   chan struct{} // closed when added and err are set
	lead   chan struct{} // closed when this call is to save the next batch
}

// save runs c in a batch: the first caller saves the calls queued so
// far, then hands the turn to the first call still waiting.
func (b *batcher) save(s *Store, c *saveCall) ([]feed.Item, error) {
	c.done, c.lead = make(chan struct{}), make(chan struct{})
	b.mu.Lock()
	b.queue = append(b.queue, c)
	if b.busy {
		b.mu.Unlock()
		select {
		case <-c.done:
			return c.added, c.err
		case <-c.lead:
		}
		b.mu.Lock()
	}
	b.busy = true
	calls := b.take()
	b.mu.Unlock()

	s.saveBatch(calls)

	b.mu.Lock()
	if len(b.queue) > 0 {
		close(b.queue[0].lead) // it takes over; busy stays set
	} else {
		b.busy = false
	}
	b.mu.Unlock()
	return c.added, c.err
}

// take removes the next batch from the front of the queue (at least one
// call). b.mu is held.
func (b *batcher) take() []*saveCall {
	n, items := 0, 0
	for n < len(b.queue) && n < batchFeeds && (n == 0 || items+len(b.queue[n].r.Items) <= batchItems) {
		items += len(b.queue[n].r.Items)
		n++
	}
	calls := b.queue[:n:n]
	b.queue = b.queue[n:]
	return calls
}

// saveBatch saves calls in one transaction, under the context of the
// first. When that fails, each call is saved again in its own, so that
// one feed's failure is its own.
func (s *Store) saveBatch(calls []*saveCall) {
	defer func() {
		for _, c := range calls {
			close(c.done)
		}
	}()
	if len(calls) > 1 {
		added := make([][]feed.Item, len(calls))
		err := withStmtTx(calls[0].ctx, s.w, func(tx *stmtTx) error {
			for i, c := range calls {
				var err error
				if added[i], err = saveFetchTx(calls[0].ctx, tx, c.feedID, c.r); err != nil {
					return err
				}
			}
			return nil
		})
		if err == nil {
			for i, c := range calls {
				c.added = added[i]
			}
			return
		}
	}
	for _, c := range calls {
		c.err = withStmtTx(c.ctx, s.w, func(tx *stmtTx) error {
			var err error
			c.added, err = saveFetchTx(c.ctx, tx, c.feedID, c.r)
			return err
		})
		if c.err != nil {
			c.added, c.err = nil, fmt.Errorf("save fetch of feed %d: %w", c.feedID, c.err)
		}
	}
}
