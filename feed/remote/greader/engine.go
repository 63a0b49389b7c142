package greader

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"time"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/remote/internal/engine"
)

// Engine syncs one account of a Google Reader API server: FreshRSS,
// Inoreader, The Old Reader, or Miniflux's Google Reader endpoint.
//
// The API has no "changed since", so a sync lists the IDs of the unread
// and of the starred items (one request each per 10000) and compares
// them with the lists the last sync stored in the cursor: items that
// joined or left either list changed on the server and are fetched
// again. New items come from the reading list since the last sync
// (ot=), through stream/contents where the server serves it, else as
// item IDs then item contents (Miniflux). An unchanged account costs
// four requests (subscriptions, unread, starred, new items) plus the
// login of a new Engine.
//
// The API gives no time for a change of state either: an item that
// changed is dated by its "updated" field when that is later than the
// last sync (Miniflux puts the entry's change time there), else by the
// last sync's time, the earliest the change can have happened. A queued
// local change later than that wins.
//
// The lists are also compared with what the cache holds: an unread or
// starred item the cache lacks is fetched (an earlier akhbar may have
// dropped it), and an item the cache holds as unread or starred that the
// server no longer lists so is asked for by ID, which tells whether it
// was read, unstarred or deleted: an item the server does not return is
// removed from the cache (a starred one stays as akhbar's own). At most
// grRepairBudget such items per sync.
//
// Known limits: the API does not report deleted items otherwise, so a
// read item the server deletes stays in the cache until akhbar's own
// age limits remove it (feed.AccountKind.ListsEveryEntry), and a read
// item akhbar removed is not fetched again; a new item that is already read and (on Miniflux, whose ot=
// is the publication date) published before the last sync is not
// fetched; Miniflux pages item IDs by offset over dates alone, so lists
// longer than one page (10000 IDs) may page unevenly: an ID missed
// looks like a change (a needless refetch), and an unread ID missed twice
// in a row looks read, so a queued "read" of it is taken as done.
//
// Run one Sync of an Engine at a time.
type Engine struct {
	account int64
	user    string
	token   bool // the secret is an auth token, not a password
	secret  feed.Secret
	client  *Client
	local   feed.SyncLocal
	clock   *engine.ServerClock
	limits  engine.Limits
}

// Page sizes: IDs per list request, items per stream/contents page,
// items per item-contents request.
const (
	grIDsPage      = 10000
	grContentsPage = 1000
	grItemsBatch   = 250
)

// grFirstWindow is how far back the first sync reads the reading list;
// unread and starred items are fetched whatever their age.
const grFirstWindow = 14 * 24 * time.Hour

// NewEngine gets the account's secret and returns its syncer; it logs
// in on the first Sync. A password credential goes through ClientLogin
// with Account.Username; a token credential is used as the auth token.
// rt is the transport (nil: http.DefaultTransport); requests go through
// NewHTTPClient's redirect policy. It fails when the secret cannot be
// had.
func NewEngine(ctx context.Context, a feed.Account, local feed.SyncLocal, rt http.RoundTripper) (*Engine, error) {
	secret, err := a.Credential.Secret(ctx)
	if err != nil {
		return nil, fmt.Errorf("greader account %d: %w", a.ID, err)
	}
	if rt == nil {
		rt = http.DefaultTransport
	}
	clock := &engine.ServerClock{Next: rt}
	return &Engine{
		account: a.ID,
		user:    a.Username,
		token:   a.Credential.Kind == feed.SecretToken,
		secret:  secret,
		client:  New(a.URL, engine.NewHTTPClient(clock)),
		local:   local,
		clock:   clock,
		limits:  engine.DefaultLimits(),
	}, nil
}

// Sync brings the account and the cache in step: subscriptions, items
// new or changed since the last sync, then queued local changes. It
// stops at the first failure and returns it; what was saved before stays
// saved and queued changes stay queued. After a rejected login or token
// the next Sync logs in again. A sync that reaches its engine.Limits
// (a server paging for ever) fails with engine.ErrBound before it moves
// the cursor, so the next sync reads from the same position.
func (g *Engine) Sync(ctx context.Context) (feed.SyncStats, error) {
	st, err := g.sync(ctx)
	if errors.Is(err, ErrUnauthorized) {
		g.client.UseToken("")
	}
	return st, err
}

func (g *Engine) sync(ctx context.Context) (feed.SyncStats, error) {
	var st feed.SyncStats
	saved, err := g.local.Cursor(ctx, g.account)
	if err != nil {
		return st, fmt.Errorf("sync: cursor: %w", err)
	}
	cur, err := parseGRCursor(saved)
	if err != nil {
		return st, err
	}
	pending, err := g.local.Pending(ctx, g.account)
	if err != nil {
		return st, fmt.Errorf("sync: pending changes: %w", err)
	}
	if err := g.login(ctx); err != nil {
		return st, err
	}
	feedURLs, err := g.syncFeeds(ctx)
	if err != nil {
		return st, err
	}
	st.Feeds = len(feedURLs)
	held, err := g.local.Held(ctx, g.account)
	if err != nil {
		return st, fmt.Errorf("sync: %w", err)
	}
	r := &grRun{g: g, budget: engine.NewBudget(g.limits), prev: cur, feedURLs: feedURLs, fetched: map[string]engine.RemoteState{}, gone: map[string]bool{}}
	if err := r.fetch(ctx, held); err != nil {
		return st, err
	}
	st.Entries, st.Removed = len(r.fetched), len(r.gone)

	p := engine.PlanChanges(pending, r.remote(pending))
	if err := g.local.Ack(ctx, g.account, p.DropIDs); err != nil {
		return st, fmt.Errorf("sync: drop superseded changes: %w", err)
	}
	st.Superseded = len(p.DropIDs)
	next := r.next()
	if err := g.saveCursor(ctx, next); err != nil {
		return st, err
	}
	if len(p.Batches) == 0 {
		return st, nil
	}
	if err := g.send(ctx, p.Batches); err != nil {
		return st, err
	}
	applySent(next, p.Batches)
	if err := g.saveCursor(ctx, next); err != nil {
		return st, err
	}
	if err := g.local.Ack(ctx, g.account, p.SendIDs); err != nil {
		return st, fmt.Errorf("sync: ack sent changes: %w", err)
	}
	st.Sent = len(p.SendIDs)
	return st, nil
}

// login gets an auth token unless the client has one.
func (g *Engine) login(ctx context.Context) error {
	if g.client.LoggedIn() {
		return nil
	}
	if g.token {
		g.client.UseToken(g.secret.Reveal())
		return nil
	}
	if err := g.client.Login(ctx, g.user, g.secret.Reveal()); err != nil {
		return fmt.Errorf("sync: %w", err)
	}
	return nil
}

// syncFeeds saves the subscriptions, the first category of each as its
// folder, and returns their feed URLs by stream ID.
func (g *Engine) syncFeeds(ctx context.Context) (map[string]string, error) {
	subs, err := g.client.Subscriptions(ctx)
	if err != nil {
		return nil, fmt.Errorf("sync: %w", err)
	}
	out := make([]feed.RemoteFeed, 0, len(subs))
	urls := make(map[string]string, len(subs))
	for _, s := range subs {
		rf := feed.RemoteFeed{RemoteID: s.ID, URL: s.URL, SiteURL: s.HTMLURL, Title: s.Title}
		if len(s.Categories) > 0 {
			rf.Folder = s.Categories[0].Label
		}
		out = append(out, rf)
		urls[s.ID] = s.URL
	}
	if err := g.local.SaveFeeds(ctx, g.account, out); err != nil {
		return nil, fmt.Errorf("sync: save feeds: %w", err)
	}
	return urls, nil
}

func (g *Engine) saveCursor(ctx context.Context, c grCursor) error {
	s, err := c.encode()
	if err != nil {
		return err
	}
	return engine.WrapErr("sync: save cursor", g.local.SaveCursor(ctx, g.account, s))
}

// send applies each batch of queued changes with edit-tag requests.
func (g *Engine) send(ctx context.Context, batches map[engine.BatchKey][]string) error {
	for b, ids := range batches {
		tag := ReadTag
		if b.Field == feed.FieldStarred {
			tag = StarredTag
		}
		var add, remove []string
		if b.Value {
			add = []string{tag}
		} else {
			remove = []string{tag}
		}
		for chunk := range slices.Chunk(ids, grItemsBatch) {
			long := make([]string, len(chunk))
			for i, id := range chunk {
				long[i] = LongID(id)
			}
			if err := g.client.EditTag(ctx, long, add, remove); err != nil {
				return fmt.Errorf("sync: set %s=%v: %w", b.Field, b.Value, err)
			}
		}
	}
	return nil
}

// applySent updates the cursor's lists with changes the server accepted,
// so the next sync does not take them for changes of the server's.
func applySent(c grCursor, batches map[engine.BatchKey][]string) {
	for b, ids := range batches {
		set, in := c.Unread, !b.Value
		if b.Field == feed.FieldStarred {
			set, in = c.Starred, b.Value
		}
		for _, id := range ids {
			if in {
				set[id] = true
			} else {
				delete(set, id)
			}
		}
	}
}
