package greader

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/remote/internal/engine"
)

// grRun is what one sync reads from a Google Reader account.
type grRun struct {
	g        *Engine
	budget   *engine.Budget // bounds the paged requests, entries and IDs of this sync
	prev     grCursor
	feedURLs map[string]string // feed URL by stream ID
	since    int64             // server time before the item reads, Unix seconds; 0: unknown
	mode     string
	unread   idSet
	starred  idSet
	fetched  map[string]engine.RemoteState // items saved this sync, by short ID
	gone     map[string]bool               // items asked for by ID that the server no longer has
}

// fetch reads the unread and starred lists, then saves the items that
// are new since the last sync, those whose state changed, and those on
// which the lists and the cache disagree (held).
func (r *grRun) fetch(ctx context.Context, held []feed.HeldEntry) error {
	if now := r.g.clock.Now(); !now.IsZero() {
		r.since = now.Unix()
	}
	var err error
	if r.unread, err = r.ids(ctx, StreamQuery{Stream: ReadingList, Exclude: []string{ReadTag}}); err != nil {
		return err
	}
	if r.starred, err = r.ids(ctx, StreamQuery{Stream: StarredTag}); err != nil {
		return err
	}
	if err := r.window(ctx); err != nil {
		return err
	}
	changed := append(r.prev.Unread.diff(r.unread), r.prev.Starred.diff(r.starred)...)
	return r.byID(ctx, append(changed, r.disagreeing(held)...))
}

// grRepairBudget bounds how many items on which the lists and the cache
// disagree one sync asks for; the rest disagree still on the next sync.
const grRepairBudget = 20 * grItemsBatch

// disagreeing lists, up to grRepairBudget, the items the server lists as
// unread or starred that the cache lacks (an earlier akhbar may have
// dropped them), and the items the cache holds as unread or starred
// that the server does not list so (read, unstarred or deleted there: the
// answer to asking for them tells which).
func (r *grRun) disagreeing(held []feed.HeldEntry) []string {
	have := make(map[string]bool, len(held))
	var out []string
	for _, h := range held {
		have[h.RemoteID] = true
		if (!h.Read && !r.unread[h.RemoteID]) || (h.Starred && !r.starred[h.RemoteID]) {
			out = append(out, h.RemoteID)
		}
	}
	for _, set := range []idSet{r.unread, r.starred} {
		for id := range set {
			if !have[id] {
				have[id] = true
				out = append(out, id)
			}
		}
	}
	slices.Sort(out)
	return out[:min(len(out), grRepairBudget)]
}

// ids lists a stream's item IDs in short form.
func (r *grRun) ids(ctx context.Context, q StreamQuery) (idSet, error) {
	ids, err := r.allIDs(ctx, q)
	if err != nil {
		return nil, err
	}
	set := make(idSet, len(ids))
	for _, id := range ids {
		set[ShortID(id)] = true
	}
	return set, nil
}

// windowStart is the ot= of the new items: a second before the last
// sync's time (servers take ot as "after", and the last sync may have
// missed items of its own second), or on the first sync grFirstWindow
// before now (0, everything, when the server sends no Date).
func (r *grRun) windowStart() int64 {
	if r.prev.Time > 0 {
		return r.prev.Time - 1
	}
	if r.since > 0 {
		return r.since - int64(grFirstWindow/time.Second)
	}
	return 0
}

// window saves the reading list's items since windowStart, through
// stream/contents unless the server is known not to serve it or answers
// that it does not.
func (r *grRun) window(ctx context.Context) error {
	q := StreamQuery{Stream: ReadingList, Since: r.windowStart()}
	r.mode = r.prev.Mode
	if r.mode != modeIDs {
		err := r.contents(ctx, q)
		if !errors.Is(err, ErrNotSupported) {
			r.mode = modeContents
			return err
		}
		r.mode = modeIDs
	}
	ids, err := r.allIDs(ctx, q)
	if err != nil {
		return err
	}
	return r.byID(ctx, ids)
}

// allIDs lists a stream's item IDs, following continuations until the
// last page or the budget's bound.
func (r *grRun) allIDs(ctx context.Context, q StreamQuery) ([]string, error) {
	q.N = grIDsPage
	var all []string
	for {
		if err := r.budget.Request(); err != nil {
			return nil, fmt.Errorf("sync: item ids of %s: %w", q.Stream, err)
		}
		p, err := r.g.client.ItemIDs(ctx, q)
		if err != nil {
			return nil, fmt.Errorf("sync: %w", err)
		}
		if err := r.budget.IDs(len(p.IDs)); err != nil {
			return nil, fmt.Errorf("sync: item ids of %s: %w", q.Stream, err)
		}
		all = append(all, p.IDs...)
		if p.Continuation == "" || len(p.IDs) == 0 {
			return all, nil
		}
		q.Continuation = p.Continuation
	}
}

// contents saves every page of the stream's contents.
func (r *grRun) contents(ctx context.Context, q StreamQuery) error {
	q.N = grContentsPage
	for {
		if err := r.budget.Request(); err != nil {
			return fmt.Errorf("sync: stream contents of %s: %w", q.Stream, err)
		}
		page, err := r.g.client.StreamContents(ctx, q)
		if err != nil {
			return fmt.Errorf("sync: %w", err)
		}
		if err := r.save(ctx, page.Items); err != nil {
			return err
		}
		if page.Continuation == "" || len(page.Items) == 0 {
			return nil
		}
		q.Continuation = page.Continuation
	}
}

// byID fetches and saves the items with these IDs not saved yet. An item
// the server does not return has been deleted there: it is removed from
// the cache (a starred one stays as akhbar's own item). This is the only
// way the API tells of deleted items.
func (r *grRun) byID(ctx context.Context, ids []string) error {
	var want []string
	seen := make(map[string]bool, len(ids))
	for _, id := range ids {
		id = ShortID(id)
		if _, ok := r.fetched[id]; !ok && !seen[id] {
			seen[id] = true
			want = append(want, id)
		}
	}
	for chunk := range slices.Chunk(want, grItemsBatch) {
		if err := r.budget.Request(); err != nil {
			return fmt.Errorf("sync: items by id: %w", err)
		}
		long := make([]string, len(chunk))
		for i, id := range chunk {
			long[i] = LongID(id)
		}
		items, err := r.g.client.Items(ctx, long)
		if err != nil {
			return fmt.Errorf("sync: %w", err)
		}
		if err := r.save(ctx, items); err != nil {
			return err
		}
		if err := r.removeMissing(ctx, chunk); err != nil {
			return err
		}
	}
	return nil
}

// removeMissing removes from the cache the items of ids that the server
// did not return when asked for them.
func (r *grRun) removeMissing(ctx context.Context, ids []string) error {
	var gone []feed.Entry
	for _, id := range ids {
		if _, ok := r.fetched[id]; !ok {
			r.gone[id] = true
			gone = append(gone, feed.Entry{RemoteID: id, Removed: true})
		}
	}
	return engine.WrapErr("sync: remove entries", r.g.local.SaveEntries(ctx, r.g.account, gone))
}

// save converts and saves items and notes their server state. It fails
// with engine.ErrBound, after saving them, once the sync has received
// more items than its bound.
func (r *grRun) save(ctx context.Context, items []Item) error {
	entries := make([]feed.Entry, 0, len(items))
	for _, it := range items {
		e := fromGReader(it, r.feedURLs, r.changedAt(it))
		entries = append(entries, e)
		r.fetched[e.RemoteID] = engine.RemoteState{ChangedAt: e.ChangedAt, Read: e.Item.Read, Starred: e.Item.Starred}
	}
	if err := r.g.local.SaveEntries(ctx, r.g.account, entries); err != nil {
		return fmt.Errorf("sync: save entries: %w", err)
	}
	return engine.WrapErr("sync: items", r.budget.Entries(len(entries)))
}

// changedAt dates the item's last change on the server: its "updated"
// when later than the last sync, else the last sync's time, never later
// than the server's clock.
func (r *grRun) changedAt(it Item) time.Time {
	t := max(r.prev.Time, it.Updated)
	if now := r.g.clock.Now(); !now.IsZero() {
		t = min(t, now.Unix())
	}
	if t <= 0 {
		return time.Time{}
	}
	return time.Unix(t, 0)
}

// remote is the server's state of every item a queued change names:
// fetched items as fetched, the others from the unread and starred
// lists, unchanged since the last sync (zero time: a queued change is
// later).
func (r *grRun) remote(pending []feed.Change) map[string]engine.RemoteState {
	m := make(map[string]engine.RemoteState, len(r.fetched))
	for id, s := range r.fetched {
		m[id] = s
	}
	for id := range r.gone {
		m[id] = engine.RemoteState{Gone: true}
	}
	for _, c := range pending {
		if _, ok := m[c.RemoteID]; !ok {
			m[c.RemoteID] = engine.RemoteState{Read: !r.unread[c.RemoteID], Starred: r.starred[c.RemoteID]}
		}
	}
	return m
}

// next is the cursor to store after this sync.
func (r *grRun) next() grCursor {
	return grCursor{Time: cmp.Or(r.since, r.prev.Time), Mode: r.mode, Unread: r.unread, Starred: r.starred}
}

// fromGReader converts a Google Reader item.
func fromGReader(gi Item, feedURLs map[string]string, changedAt time.Time) feed.Entry {
	content := cmp.Or(gi.Content.Content, gi.Summary.Content)
	it := feed.Item{
		URL:        firstHref(gi.Canonical, gi.Alternate),
		Title:      gi.Title,
		Author:     gi.Author,
		Summary:    feed.HTMLText(content),
		FeedTitle:  gi.Origin.Title,
		Categories: labels(gi.Categories),
		Read:       gi.HasTag(ReadTag),
		Starred:    gi.HasTag(StarredTag),
	}
	if gi.Published > 0 {
		it.Published = time.Unix(gi.Published, 0).UTC()
	}
	feedURL, ok := feedURLs[gi.Origin.StreamID]
	if !ok {
		feedURL = strings.TrimPrefix(gi.Origin.StreamID, "feed/")
	}
	it.ID = feed.ItemID(feedURL, it)
	return feed.Entry{
		RemoteID:     ShortID(gi.ID),
		RemoteFeedID: gi.Origin.StreamID,
		Item:         it,
		Content:      content,
		ChangedAt:    changedAt,
	}
}

func firstHref(lists ...[]Link) string {
	for _, l := range lists {
		for _, k := range l {
			if k.Href != "" {
				return k.Href
			}
		}
	}
	return ""
}

// labels returns the names of the user labels among an item's
// categories ("user/<id>/label/<name>").
func labels(cats []string) []string {
	var out []string
	for _, c := range cats {
		rest, ok := strings.CutPrefix(c, "user/")
		if !ok {
			continue
		}
		if _, name, ok := strings.Cut(rest, "/label/"); ok && name != "" {
			out = append(out, name)
		}
	}
	return out
}
