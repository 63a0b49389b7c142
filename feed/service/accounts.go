package service

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/remote"
)

// AddAccount saves a new sync account and syncs it once (with the full
// text of its newest items when the user wants full text). When the first
// sync fails the account stays saved, and the error says so.
func (s *Service) AddAccount(ctx context.Context, acc feed.Account) (feed.Account, feed.SyncStats, error) {
	if acc.Kind != feed.KindMiniflux && acc.Kind != feed.KindGReader {
		return acc, feed.SyncStats{}, fmt.Errorf("account add: unknown kind %q: want miniflux or greader", acc.Kind)
	}
	if !feed.IsWebURL(acc.URL) {
		return acc, feed.SyncStats{}, fmt.Errorf("account add %s: not an http or https URL", acc.URL)
	}
	acc, err := s.store.SaveAccount(ctx, acc)
	if err != nil {
		return acc, feed.SyncStats{}, err
	}
	stats, err := s.syncAndFetch(ctx, acc)
	if err != nil {
		return acc, stats, fmt.Errorf("account %d added, but the first sync failed: %w", acc.ID, err)
	}
	return acc, stats, nil
}

// Sync brings one account and the cache in step. An account on an
// http:// server that is not this machine is refused (remote.Open)
// unless the user allowed it, when adding it or in Options.InsecureHTTP.
func (s *Service) Sync(ctx context.Context, acc feed.Account) (feed.SyncStats, error) {
	if s.opts.InsecureHTTP[acc.URL] {
		acc.Credential.InsecureHTTP = true
	}
	eng, err := remote.Open(ctx, acc, s.store, nil)
	if err != nil {
		return feed.SyncStats{}, err
	}
	stats, err := eng.Sync(ctx)
	if err != nil {
		return stats, fmt.Errorf("sync %s: %w", acc.URL, err)
	}
	return stats, nil
}

// syncAndFetch syncs the account, then fetches the full text of its
// newest items when the user wants full text.
func (s *Service) syncAndFetch(ctx context.Context, acc feed.Account) (feed.SyncStats, error) {
	stats, err := s.Sync(ctx, acc)
	if err == nil && s.opts.FullText {
		s.fetchMissingArticles(ctx, acc.ID)
	}
	return stats, err
}

// FindAccount finds an account by its ID or its server's URL (a trailing
// slash does not matter).
func (s *Service) FindAccount(ctx context.Context, arg string) (feed.Account, error) {
	accounts, err := s.store.Accounts(ctx)
	if err != nil {
		return feed.Account{}, err
	}
	for _, acc := range accounts {
		if strconv.FormatInt(acc.ID, 10) == arg || strings.TrimSuffix(acc.URL, "/") == strings.TrimSuffix(arg, "/") {
			return acc, nil
		}
	}
	return feed.Account{}, fmt.Errorf("account %s: %w", arg, feed.ErrNotFound)
}
