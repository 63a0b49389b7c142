// Package tui is akhbar's terminal user interface: a feeds pane, a
// headline list and an article reader, built on Bubble Tea v2.
//
// The TUI never talks to the network or the disk itself: it calls the
// functions in Deps from commands (never from Update or View), and their
// results come back as messages carrying the id and width they were made
// for, so stale ones are dropped.
package tui

import (
	"context"
	"time"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/render"
	"github.com/akhbar/akhbar/tui/i18n"
)

// Progress reports one finished feed of a refresh.
type Progress struct {
	Done, Total int
	Feed        feed.Feed
	New         int
	Err         error
}

// Deps are the TUI's connections to the rest of akhbar.
type Deps struct {
	Store feed.Store
	// Refresh fetches feeds and stores what they hold, calling progress
	// after every feed. It returns an error only when the refresh as a
	// whole could not run; per-feed errors go through progress.
	Refresh func(ctx context.Context, feeds []feed.Feed, progress func(Progress)) error
	// Fetch fetches, extracts and caches the article page at url, reached
	// from an item of the feed with feedID (which decides whether private
	// addresses may be fetched).
	Fetch func(ctx context.Context, url string, feedID int64) (feed.Article, error)
	// Open opens an http(s) URL in the user's browser.
	Open func(url string) error
	// Now is the clock, for relative times.
	Now func() time.Time
}

// Options are the user's display choices.
type Options struct {
	Bidi render.BidiMode
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
