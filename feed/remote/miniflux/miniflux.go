// Package miniflux syncs a Miniflux account through Miniflux's own API
// (its official client), with changed_after cursors.
package miniflux

import (
	"context"
	"fmt"
	"net/http"
	"strconv"
	"time"

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
	return &Engine{account: a.ID, client: c, local: local, clock: clock}, nil
}

// Sync brings the account and the cache in step: subscriptions, entries
// changed since the last sync, queued local changes, then the entries
// of feeds whose counts disagree with the cache's (reconcile). It stops at
// the first failure and returns it; what was saved before stays saved
// and queued changes stay queued, so the next sync picks up from there.
func (m *Engine) Sync(ctx context.Context) (feed.SyncStats, error) {
	var st feed.SyncStats
	cursor, err := m.cursor(ctx)
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
	since := m.clock.Now() // the server's time before reading entries
	remote, err := m.syncEntries(ctx, cursor)
	if err != nil {
		return st, err
	}
	st.Entries = len(remote)
	p := engine.PlanChanges(pending, remote)
	if err := m.local.Ack(ctx, m.account, p.DropIDs); err != nil {
		return st, fmt.Errorf("sync: drop superseded changes: %w", err)
	}
	st.Superseded = len(p.DropIDs)
	if err := m.saveCursor(ctx, cursor, since); err != nil {
		return st, err
	}
	if err := m.send(ctx, p.Batches); err != nil {
		return st, err
	}
	if err := m.local.Ack(ctx, m.account, p.SendIDs); err != nil {
		return st, fmt.Errorf("sync: ack sent changes: %w", err)
	}
	st.Sent = len(p.SendIDs)
	saved, removed, err := m.reconcile(ctx)
	st.Entries += saved
	st.Removed = removed
	return st, err
}

// cursor reads the position: entries changed after this Unix second.
func (m *Engine) cursor(ctx context.Context) (int64, error) {
	s, err := m.local.Cursor(ctx, m.account)
	if err != nil || s == "" {
		return 0, engine.WrapErr("sync: cursor", err)
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, fmt.Errorf("sync: cursor %q: %w", s, err)
	}
	return n, nil
}

// saveCursor moves the position to the server's time (its Date header,
// whole seconds) before the entry reads began: a change committed while
// the pages were read has a later changed_at, so it is fetched again
// next time rather than missed (paging by ID could skip it).
func (m *Engine) saveCursor(ctx context.Context, old int64, serverNow time.Time) error {
	if serverNow.IsZero() {
		return nil // no Date header: keep the old position, refetching is safe
	}
	next := serverNow.Unix()
	if next <= old {
		return nil
	}
	return engine.WrapErr("sync: save cursor", m.local.SaveCursor(ctx, m.account, strconv.FormatInt(next, 10)))
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

// syncEntries pages through the entries changed after cursor in ID
// order (keyset paging, so concurrent changes shift nothing) and saves
// each page. It returns what it learned of each entry.
func (m *Engine) syncEntries(ctx context.Context, cursor int64) (map[string]engine.RemoteState, error) {
	seen := make(map[string]engine.RemoteState)
	var after int64
	for {
		f := &client.Filter{Order: "id", Direction: "asc", Limit: pageSize, AfterEntryID: after, ChangedAfter: cursor}
		page, err := m.client.EntriesContext(ctx, f)
		if err != nil {
			return nil, fmt.Errorf("sync: entries changed after %d: %w", cursor, err)
		}
		entries := make([]feed.Entry, 0, len(page.Entries))
		for _, e := range page.Entries {
			entries = append(entries, fromMiniflux(e))
			seen[strconv.FormatInt(e.ID, 10)] = engine.RemoteState{ChangedAt: e.ChangedAt, Read: e.Status == client.EntryStatusRead, Starred: e.Starred}
			after = e.ID
		}
		if err := m.local.SaveEntries(ctx, m.account, entries); err != nil {
			return nil, fmt.Errorf("sync: save entries: %w", err)
		}
		if len(page.Entries) < pageSize || len(page.Entries) >= page.Total {
			return seen, nil
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
