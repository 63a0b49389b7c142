// Sync accounts: what akhbar knows of a feed server account (Miniflux,
// or a Google Reader API server) and of its subscriptions and entries.
// The engines that talk to the servers live in feed/remote; the cache
// implements SyncLocal, their view of akhbar's side.
//
// Read and starred changes made in akhbar go through SyncLocal.Mark,
// which updates the item and queues the change in one transaction; a
// sync sends queued changes after fetching the server's own changes, so
// that when both sides changed an entry the later change wins. Queued
// changes leave the queue only after the server accepted them (or a
// later server change superseded them), so a change made offline, or
// while the server fails, or just before akhbar is killed, is applied on
// the next successful sync. Sending a change twice is harmless: every
// change sets a state, none toggles one.

package feed

import (
	"context"
	"errors"
	"fmt"
	"net/netip"
	"net/url"
	"strings"
	"time"
)

// AccountKind names a server protocol.
type AccountKind string

// Server protocols.
const (
	KindMiniflux AccountKind = "miniflux"
	KindGReader  AccountKind = "greader"
)

// ListsEveryEntry reports whether a sync of this kind learns of every
// entry the server deletes, read ones included: Miniflux's API lists a
// feed's entries whatever their state, so akhbar keeps exactly what the
// server keeps. The Google Reader API lists only unread and starred
// items, so a read item the server deleted cannot be told from one it
// keeps: akhbar's own age limits decide about read items of such
// accounts.
func (k AccountKind) ListsEveryEntry() bool { return k == KindMiniflux }

// Account is one server account. It holds where to get the secret, never
// the secret itself.
type Account struct {
	ID         int64       `json:"id"`
	Kind       AccountKind `json:"kind"`
	URL        string      `json:"url"`
	Username   string      `json:"username,omitempty"`
	Credential Credential  `json:"credential"`
}

// RemoteFeed is a subscription as the server has it.
type RemoteFeed struct {
	RemoteID string
	URL      string
	SiteURL  string
	Title    string
	Folder   string // the server's category or label; "" for none
}

// Entry is an entry as the server has it. Item.Read and Item.Starred are
// the server's state; Item.ID is ItemID of the entry, so the same
// story has the same ID on every machine.
type Entry struct {
	RemoteID     string
	RemoteFeedID string
	Item         Item
	Content      string    // the entry's content as HTML, as the server sent it
	ChangedAt    time.Time // when the server last changed the entry
	Removed      bool      // the server dropped the entry
}

// Field is a piece of item state that syncs.
type Field string

// Synced fields.
const (
	FieldRead    Field = "read"
	FieldStarred Field = "starred"
)

// Change is one queued local change of an item of an account.
type Change struct {
	ID       int64 // queue position, set by SyncLocal
	Account  int64
	ItemID   string
	RemoteID string
	Field    Field
	Value    bool
	At       time.Time
}

// SyncLocal is akhbar's side of a sync, implemented by the cache (one SQLite
// file shared by processes). Every method is one transaction and fails
// with an error naming its operation; lookups of nothing wrap
// ErrNotFound.
type SyncLocal interface {
	// SaveAccount adds an account (ID 0) or updates one.
	SaveAccount(ctx context.Context, a Account) (Account, error)
	// Accounts lists every account.
	Accounts(ctx context.Context) ([]Account, error)
	// RemoveAccount drops the account, its feeds, entries (but starred
	// items), queue and cursor.
	RemoveAccount(ctx context.Context, id int64) error

	// Cursor is the account's opaque sync position; "" before the first
	// sync.
	Cursor(ctx context.Context, account int64) (string, error)
	// SaveCursor stores the account's sync position.
	SaveCursor(ctx context.Context, account int64, cursor string) error

	// SaveFeeds makes the account's subscriptions exactly feeds, mapped
	// by RemoteID; feeds no longer listed go, like Store.RemoveFeed.
	SaveFeeds(ctx context.Context, account int64, feeds []RemoteFeed) error
	// Held lists the account's entries the cache holds, each with its
	// item's state: what a sync compares with the server's lists to
	// find entries lost or deleted on one side.
	Held(ctx context.Context, account int64) ([]HeldEntry, error)
	// SaveEntries upserts entries by RemoteID into the feeds of their
	// RemoteFeedID. Read and starred come from the entry, except a field
	// that has a queued change later than the entry's ChangedAt: the
	// later change wins. Removed entries go, with their queued changes;
	// one starred locally stays as an item of no entry, akhbar's own.
	SaveEntries(ctx context.Context, account int64, entries []Entry) error

	// Mark sets an item's field and, when the item belongs to an
	// account, queues the change, in one transaction. It is what the
	// interface calls when the reader marks an item.
	Mark(ctx context.Context, itemID string, field Field, value bool, at time.Time) error
	// Pending lists the account's queued changes, oldest first.
	Pending(ctx context.Context, account int64) ([]Change, error)
	// Ack removes the changes with these IDs from the queue.
	Ack(ctx context.Context, account int64, ids []int64) error
}

// HeldEntry is an entry of an account as the cache holds it.
type HeldEntry struct {
	RemoteID     string
	RemoteFeedID string // "" when its item belongs to no feed of the account
	Read         bool
	Starred      bool
}

// SyncStats tells what one sync did.
type SyncStats struct {
	Feeds      int // subscriptions on the server
	Entries    int // entries received
	Removed    int // entries the server no longer has, removed from the cache
	Sent       int // queued changes the server accepted
	Superseded int // queued changes dropped for a later server change
}

// ErrClearText is returned (wrapped) by CheckClearText.
var ErrClearText = errors.New("the password or token would travel in clear")

// CheckClearText refuses the account when its secret would cross the
// network unencrypted: its server URL is http:// and its host is not
// this machine (localhost or a loopback address, decided without DNS),
// and the user has not allowed that (Credential.InsecureHTTP, set by
// `account add --insecure-http` or insecure_http in config.toml). It is
// checked when an account is added and again whenever it syncs, so an
// account stored or configured otherwise cannot send its secret in clear.
func (a Account) CheckClearText() error {
	u, err := url.Parse(a.URL)
	if err != nil {
		return fmt.Errorf("account %s: %w", a.URL, err)
	}
	if u.Scheme != "http" || a.Credential.InsecureHTTP {
		return nil
	}
	host := strings.ToLower(u.Hostname())
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return nil
	}
	if ip, err := netip.ParseAddr(host); err == nil && ip.Unmap().IsLoopback() {
		return nil
	}
	return fmt.Errorf("http:// to %s: %w: use https, or accept that with --insecure-http (account add) or insecure_http = true (config.toml)", u.Host, ErrClearText)
}
