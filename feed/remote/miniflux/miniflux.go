// Package miniflux syncs a Miniflux account through Miniflux's own API
// (its official client), with changed_after cursors.
package miniflux

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"

	"miniflux.app/v2/client"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/remote/internal/engine"
)

// pageSize is entries per request: Miniflux's maximum.
const pageSize = 1000

// Engine syncs one Miniflux account through miniflux.app/v2/client.
// A sync costs one request for the subscriptions, one per 1000 changed
// entries (at least one), one per batch of queued changes (at most
// four: read, unread, starred, unstarred) and one for the per-feed
// counts; only when those disagree with the cache's (entries deleted on
// the server, or lost by the cache), one per 1000 entries of each such
// feed, up to relistBudget entries per sync.
type Engine struct {
	account int64
	client  *client.Client
	local   feed.SyncLocal
	clock   *engine.ServerClock
	limits  engine.Limits
}

// New gets the account's secret and returns its syncer. rt is
// the transport (nil: http.DefaultTransport); requests go through
// NewHTTPClient's redirect policy. It fails when the secret cannot be
// had.
func New(ctx context.Context, a feed.Account, local feed.SyncLocal, rt http.RoundTripper) (*Engine, error) {
	secret, err := a.Credential.Secret(ctx)
	if err != nil {
		return nil, fmt.Errorf("miniflux account %d: %w", a.ID, err)
	}
	if rt == nil {
		rt = http.DefaultTransport
	}
	clock := &engine.ServerClock{Next: rt}
	auth := client.WithAPIKey(secret.Reveal())
	if a.Credential.Kind == feed.SecretPassword {
		auth = client.WithCredentials(a.Username, secret.Reveal())
	}
	c := client.NewClientWithOptions(a.URL, auth, client.WithHTTPClient(engine.NewHTTPClient(clock)))
	return &Engine{account: a.ID, client: c, local: local, clock: clock, limits: engine.DefaultLimits()}, nil
}

// Sync brings the account and the cache in step: subscriptions, entries
// changed since the last sync, queued local changes, then the entries
// of feeds whose counts disagree with the cache's (reconcile). It stops at
// the first failure and returns it; what was saved before stays saved
// and queued changes stay queued, so the next sync picks up from there.
// A sync that reaches its engine.Limits fails with engine.ErrBound; when
// that happens while listing changed entries, the cursor keeps the last
// entry saved and the next sync continues after it.
func (m *Engine) Sync(ctx context.Context) (feed.SyncStats, error) {
	var st feed.SyncStats
	pos, err := m.cursor(ctx)
	if err != nil {
		return st, err
	}
	pending, err := m.local.Pending(ctx, m.account)
	if err != nil {
		return st, fmt.Errorf("sync: pending changes: %w", err)
	}
	if st.Feeds, err = m.syncFeeds(ctx); err != nil {
		return st, err
	}
	budget := engine.NewBudget(m.limits)
	since := m.clock.Now() // the server's time before reading entries
	remote, last, err := m.syncEntries(ctx, pos, budget)
	st.Entries = len(remote)
	if errors.Is(err, engine.ErrBound) {
		return st, errors.Join(err, m.saveCursor(ctx, pos, pos.stoppedAt(last, since)))
	}
	if err != nil {
		return st, err
	}
	p := engine.PlanChanges(pending, remote)
	if err := m.local.Ack(ctx, m.account, p.DropIDs); err != nil {
		return st, fmt.Errorf("sync: drop superseded changes: %w", err)
	}
	st.Superseded = len(p.DropIDs)
	if err := m.saveCursor(ctx, pos, pos.done(since)); err != nil {
		return st, err
	}
	if err := m.send(ctx, p.Batches); err != nil {
		return st, err
	}
	if err := m.local.Ack(ctx, m.account, p.SendIDs); err != nil {
		return st, fmt.Errorf("sync: ack sent changes: %w", err)
	}
	st.Sent = len(p.SendIDs)
	saved, removed, err := m.reconcile(ctx, budget)
	st.Entries += saved
	st.Removed = removed
	return st, err
}

// cursor reads the position.
func (m *Engine) cursor(ctx context.Context) (position, error) {
	s, err := m.local.Cursor(ctx, m.account)
	if err != nil {
		return position{}, engine.WrapErr("sync: cursor", err)
	}
	return parsePosition(s)
}

// saveCursor stores next unless it is old.
func (m *Engine) saveCursor(ctx context.Context, old, next position) error {
	if next == old {
		return nil
	}
	return engine.WrapErr("sync: save cursor", m.local.SaveCursor(ctx, m.account, next.String()))
}

func (m *Engine) syncFeeds(ctx context.Context) (int, error) {
	feeds, err := m.client.FeedsContext(ctx)
	if err != nil {
		return 0, fmt.Errorf("sync: list feeds: %w", err)
	}
	out := make([]feed.RemoteFeed, 0, len(feeds))
	for _, f := range feeds {
		rf := feed.RemoteFeed{RemoteID: strconv.FormatInt(f.ID, 10), URL: f.FeedURL, SiteURL: f.SiteURL, Title: f.Title}
		if f.Category != nil {
			rf.Folder = f.Category.Title
		}
		out = append(out, rf)
	}
	if err := m.local.SaveFeeds(ctx, m.account, out); err != nil {
		return 0, fmt.Errorf("sync: save feeds: %w", err)
	}
	return len(out), nil
}

// syncEntries pages through the entries changed after the position in
// ID order (keyset paging, so concurrent changes shift nothing) and saves
// each page. It returns what it learned of each entry and the ID of the
// last entry saved, also when it stops at the budget's bound.
func (m *Engine) syncEntries(ctx context.Context, pos position, budget *engine.Budget) (map[string]engine.RemoteState, int64, error) {
	seen := make(map[string]engine.RemoteState)
	after := pos.afterID
	for {
		if err := budget.Request(); err != nil {
			return seen, after, fmt.Errorf("sync: entries changed after %d: %w", pos.changedAfter, err)
		}
		f := &client.Filter{Order: "id", Direction: "asc", Limit: pageSize, AfterEntryID: after, ChangedAfter: pos.changedAfter}
		page, err := m.client.EntriesContext(ctx, f)
		if err != nil {
			return seen, after, fmt.Errorf("sync: entries changed after %d: %w", pos.changedAfter, err)
		}
		entries := make([]feed.Entry, 0, len(page.Entries))
		last := after
		for _, e := range page.Entries {
			entries = append(entries, fromMiniflux(e))
			seen[strconv.FormatInt(e.ID, 10)] = engine.RemoteState{ChangedAt: e.ChangedAt, Read: e.Status == client.EntryStatusRead, Starred: e.Starred}
			last = max(last, e.ID)
		}
		if err := m.local.SaveEntries(ctx, m.account, entries); err != nil {
			return seen, after, fmt.Errorf("sync: save entries: %w", err)
		}
		after = last
		if err := budget.Entries(len(entries)); err != nil {
			return seen, after, fmt.Errorf("sync: entries changed after %d: %w", pos.changedAfter, err)
		}
		if len(page.Entries) < pageSize || len(page.Entries) >= page.Total {
			return seen, after, nil
		}
	}
}

// send applies each batch of queued changes with one request.
func (m *Engine) send(ctx context.Context, batches map[engine.BatchKey][]string) error {
	for b, remoteIDs := range batches {
		ids, err := parseIDs(remoteIDs)
		if err != nil {
			return err
		}
		switch b.Field {
		case feed.FieldRead:
			status := client.EntryStatusUnread
			if b.Value {
				status = client.EntryStatusRead
			}
			err = m.client.UpdateEntriesContext(ctx, ids, status)
		case feed.FieldStarred:
			err = m.client.UpdateEntriesStarredContext(ctx, ids, b.Value)
		default:
			err = fmt.Errorf("unknown field %q", b.Field)
		}
		if err != nil {
			return fmt.Errorf("sync: set %s=%v on %d entries: %w", b.Field, b.Value, len(ids), err)
		}
	}
	return nil
}

func parseIDs(remoteIDs []string) ([]int64, error) {
	ids := make([]int64, len(remoteIDs))
	for i, s := range remoteIDs {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return nil, fmt.Errorf("sync: miniflux entry id %q: %w", s, err)
		}
		ids[i] = n
	}
	return ids, nil
}

// fromMiniflux converts a Miniflux entry.
func fromMiniflux(e *client.Entry) feed.Entry {
	it := feed.Item{
		URL:        e.URL,
		Title:      e.Title,
		Author:     e.Author,
		Summary:    feed.HTMLText(e.Content),
		Published:  e.Date,
		Categories: e.Tags,
		Lang:       e.Language,
		Read:       e.Status == client.EntryStatusRead,
		Starred:    e.Starred,
	}
	feedURL := ""
	if e.Feed != nil {
		feedURL = e.Feed.FeedURL
		it.FeedTitle = e.Feed.Title
	}
	it.ID = feed.ItemID(feedURL, it)
	return feed.Entry{
		RemoteID:     strconv.FormatInt(e.ID, 10),
		RemoteFeedID: strconv.FormatInt(e.FeedID, 10),
		Item:         it,
		Content:      e.Content,
		ChangedAt:    e.ChangedAt,
		Removed:      e.Status == "removed",
	}
}
