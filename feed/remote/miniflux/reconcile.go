package miniflux

import (
	"context"
	"fmt"
	"slices"
	"strconv"

	"miniflux.app/v2/client"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/remote/internal/engine"
)

// relistBudget bounds how many entries one sync lists again: feeds whose
// counts disagree are listed in turn until their entries pass it (at
// least one feed per sync); the others wait for the next sync, where
// their counts still disagree.
const relistBudget = 10 * pageSize

// reconcile makes the cache hold exactly the entries the server has.
// The changed_after listing cannot tell of entries the server deleted
// (Miniflux deletes read entries when it archives them or flushes the
// history, and every entry of a removed feed), nor bring back entries an
// earlier akhbar dropped. So the server's per-feed counts of read and
// unread entries are compared with the cache's, and each feed where
// they differ is listed in full: entries the cache lacks are saved, and
// entries it holds that the listing lacks are removed (a starred one
// stays as akhbar's own item). It returns how many entries it saved and
// removed.
func (m *Engine) reconcile(ctx context.Context, b *engine.Budget) (saved, removed int, err error) {
	counters, err := m.client.FetchCountersContext(ctx)
	if err != nil {
		return 0, 0, fmt.Errorf("sync: feed counters: %w", err)
	}
	held, err := m.local.Held(ctx, m.account)
	if err != nil {
		return 0, 0, fmt.Errorf("sync: %w", err)
	}
	byFeed := make(map[int64][]feed.HeldEntry)
	for _, h := range held {
		if id, err := strconv.ParseInt(h.RemoteFeedID, 10, 64); err == nil {
			byFeed[id] = append(byFeed[id], h)
		}
	}
	budget := relistBudget
	for _, id := range disagreeing(counters, byFeed) {
		if budget <= 0 {
			break
		}
		n, gone, err := m.relist(ctx, id, byFeed[id], b)
		saved, removed, budget = saved+n, removed+gone, budget-max(n, 1)
		if err != nil {
			return saved, removed, err
		}
	}
	return saved, removed, nil
}

// disagreeing lists, in ID order, the feeds whose read or unread count
// on the server differs from the cache's.
func disagreeing(c *client.FeedCounters, held map[int64][]feed.HeldEntry) []int64 {
	var out []int64
	check := func(id int64) {
		if slices.Contains(out, id) {
			return
		}
		read, unread := 0, 0
		for _, h := range held[id] {
			if h.Read {
				read++
			} else {
				unread++
			}
		}
		if read != c.ReadCounters[id] || unread != c.UnreadCounters[id] {
			out = append(out, id)
		}
	}
	for id := range c.ReadCounters {
		check(id)
	}
	for id := range c.UnreadCounters {
		check(id)
	}
	for id := range held {
		check(id)
	}
	slices.Sort(out)
	return out
}

// relist saves every entry of the server's feed, paging by ID, then
// removes the held entries of the feed that the listing lacks. Paging
// by ID is safe against concurrent changes: an entry the server has
// keeps its ID, so only an entry deleted while the pages are read can be
// missed, and that one is gone anyway. Stopped at the budget's bound, it
// removes nothing: the listing is incomplete.
func (m *Engine) relist(ctx context.Context, feedID int64, held []feed.HeldEntry, b *engine.Budget) (saved, removed int, err error) {
	listed := make(map[string]bool)
	var after int64
	for {
		if err := b.Request(); err != nil {
			return saved, 0, fmt.Errorf("sync: entries of feed %d: %w", feedID, err)
		}
		f := &client.Filter{Order: "id", Direction: "asc", Limit: pageSize, AfterEntryID: after}
		page, err := m.client.FeedEntriesContext(ctx, feedID, f)
		if err != nil {
			return saved, 0, fmt.Errorf("sync: entries of feed %d: %w", feedID, err)
		}
		entries := make([]feed.Entry, 0, len(page.Entries))
		for _, e := range page.Entries {
			entries = append(entries, fromMiniflux(e))
			listed[strconv.FormatInt(e.ID, 10)] = true
			after = e.ID
		}
		if err := m.local.SaveEntries(ctx, m.account, entries); err != nil {
			return saved, 0, fmt.Errorf("sync: save entries of feed %d: %w", feedID, err)
		}
		saved += len(entries)
		if err := b.Entries(len(entries)); err != nil {
			return saved, 0, fmt.Errorf("sync: entries of feed %d: %w", feedID, err)
		}
		if len(page.Entries) < pageSize {
			break
		}
	}
	var gone []feed.Entry
	for _, h := range held {
		if !listed[h.RemoteID] {
			gone = append(gone, feed.Entry{RemoteID: h.RemoteID, RemoteFeedID: h.RemoteFeedID, Removed: true})
		}
	}
	if err := m.local.SaveEntries(ctx, m.account, gone); err != nil {
		return saved, 0, fmt.Errorf("sync: remove entries of feed %d: %w", feedID, err)
	}
	return saved, len(gone), nil
}
