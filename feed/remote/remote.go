// Package remote keeps akhbar's cache in step with a feed server account:
// Miniflux through its own API (package miniflux), and FreshRSS,
// Inoreader, The Old Reader or Miniflux through the Google Reader API
// (package greader). Open picks the engine by Account.Kind; callers need
// only Open and Engine.Sync. The domain types (feed.Account, feed.Entry,
// feed.Change, feed.SyncLocal) live in package feed, so the cache, which
// implements feed.SyncLocal, does not depend on the engines.
package remote

import (
	"context"
	"fmt"
	"net/http"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/remote/greader"
	"github.com/akhbar/akhbar/feed/remote/miniflux"
)

// Engine syncs one account; Open returns the one its Kind needs.
type Engine interface {
	// Sync brings the account and the cache in step once.
	Sync(ctx context.Context) (feed.SyncStats, error)
}

// Open returns the engine of the account: miniflux.New for
// feed.KindMiniflux, greader.NewEngine for feed.KindGReader. rt is the
// transport (nil: http.DefaultTransport). It fails on an unknown kind,
// when the account's secret would travel in clear
// (feed.Account.CheckClearText, checked before the secret is asked for),
// or when the secret cannot be had; it makes no request.
func Open(ctx context.Context, a feed.Account, local feed.SyncLocal, rt http.RoundTripper) (Engine, error) {
	if err := a.CheckClearText(); err != nil {
		return nil, fmt.Errorf("open account %d: %w", a.ID, err)
	}
	switch a.Kind {
	case feed.KindMiniflux:
		m, err := miniflux.New(ctx, a, local, rt)
		if err != nil {
			return nil, err
		}
		return m, nil
	case feed.KindGReader:
		g, err := greader.NewEngine(ctx, a, local, rt)
		if err != nil {
			return nil, err
		}
		return g, nil
	}
	return nil, fmt.Errorf("open account %d: unknown kind %q", a.ID, a.Kind)
}
