// Package tui is akhbar's terminal user interface: a feeds pane, a
// headline list and an article reader, built on Bubble Tea v2.
//
// The TUI never talks to the network or the disk itself: it calls the
// Store and Service in Deps from commands (never from Update or View),
// and their results come back as messages carrying the id and width they
// were made for, so stale ones are dropped. Every command runs under the
// TUI's one root context (see lifetime.go).
package tui

import (
	"context"
	"time"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/refresh"
	"github.com/akhbar/akhbar/render"
	"github.com/akhbar/akhbar/tui/i18n"
)

// Store is the cache as the TUI uses it (feed/cache.Store): it reads
// headlines and articles, and saves what the reader changes.
type Store interface {
	Feeds(ctx context.Context) ([]feed.Feed, error)
	Follows(ctx context.Context) ([]feed.Follow, error)
	Items(ctx context.Context, q feed.ItemQuery) ([]feed.Item, error)
	CountItems(ctx context.Context, q feed.ItemQuery) (int, error)
	ItemByURL(ctx context.Context, url string) (feed.Item, error)
	Article(ctx context.Context, url string) (feed.Article, error)
	Search(ctx context.Context, query string, limit int) ([]feed.SearchHit, error)
	Related(ctx context.Context, id string, limit int) ([]feed.Item, error)
	FollowQuery(ctx context.Context, itemID string) (string, error)

	SetRead(ctx context.Context, ids []string, read bool) error
	SetStarred(ctx context.Context, id string, starred bool) error
	SetPosition(ctx context.Context, itemID string, pos float64) error
	AddFollow(ctx context.Context, query string) (feed.Follow, error)
	RemoveFollow(ctx context.Context, id int64) error
}

// Service is the network work the TUI asks for (feed/service.Service).
type Service interface {
	// Refresh syncs the accounts of feeds and refreshes the others,
	// calling progress once per account or feed, never concurrently. It
	// returns an error only when the refresh as a whole could not run.
	Refresh(ctx context.Context, feeds []feed.Feed, progress func(refresh.Progress)) error
	// Cleanup applies the retention limits after a refresh.
	Cleanup(ctx context.Context) error
	// Article returns the article of the page at url, reached from an
	// item of the feed with feedID: cached, else fetched and cached.
	Article(ctx context.Context, url string, feedID int64) (feed.Article, error)
	// Pictures returns the images cached with the article at url.
	Pictures(ctx context.Context, url string) ([]feed.Picture, error)
}

// Deps are the TUI's connections to the rest of akhbar.
type Deps struct {
	Store Store
	// Service refreshes feeds and fetches articles; nil: the TUI only
	// reads the cache.
	Service Service
	// Open opens an http(s) URL in the user's browser.
	Open func(url string) error
	// Now is the clock, for relative times.
	Now func() time.Time
}

// Options are the user's display choices.
type Options struct {
	Bidi render.BidiMode
	// Images shows the pictures of articles (as half blocks); `i`
	// toggles it.
	Images bool
	// ProbeBidi asks the terminal whether it does bidi itself (the user
	// left the mode on "auto"); see probe.go.
	ProbeBidi bool
	Shape     bool
	// Theme is "dark", "light" or "auto" (ask the terminal).
	Theme string
	// Demo labels the session as the demo edition.
	Demo bool
	// Lang is the language of the UI (default English); in Arabic, Persian
	// and Hebrew the layout mirrors. Digits are the digits it counts in.
	Lang   i18n.Lang
	Digits i18n.Digits
	// AutoRefresh refreshes every feed at this interval; 0 turns it off.
	AutoRefresh time.Duration
	// RefreshOnStart refreshes every feed as soon as the feeds are known;
	// SyncOnStart only the feeds of sync accounts (see feed/remote).
	RefreshOnStart bool
	SyncOnStart    bool
	// Keys replaces the default key map (see KeyMap.Rebind).
	Keys *KeyMap
	// Settings are the per-feed settings by feed URL: names, direction
	// overrides, refresh intervals.
	Settings map[string]feed.Settings
	// Accounts names the sync accounts by ID (their servers), for the
	// feeds pane, which groups their feeds under them.
	Accounts map[int64]string
}
