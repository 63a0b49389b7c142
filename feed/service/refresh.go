package service

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/fetch"
	"github.com/akhbar/akhbar/feed/refresh"
)

// Refresh brings feeds up to date: the sync accounts they belong to are
// synced with their servers (and the full text of their newest items
// fetched), the local feeds are refreshed. progress is called once per
// account and once per local feed, never concurrently; an account's entry
// names its server and counts the entries it received. Failures go
// through progress and the log; the error is only for a cancelled run.
func (s *Service) Refresh(ctx context.Context, feeds []feed.Feed, progress func(refresh.Progress)) error {
	accounts, err := s.store.Accounts(ctx)
	if err != nil {
		return err
	}
	var local []feed.Feed
	var involved []int64
	for _, f := range feeds {
		switch {
		case f.Account == 0:
			local = append(local, f)
		case !slices.Contains(involved, f.Account):
			involved = append(involved, f.Account)
		}
	}
	total := len(local)
	for _, acc := range accounts {
		if slices.Contains(involved, acc.ID) {
			total++
		}
	}
	var mu sync.Mutex
	done := 0
	report := func(p refresh.Progress) {
		mu.Lock()
		defer mu.Unlock()
		done++
		p.Done, p.Total = done, total
		if p.Err != nil {
			s.logFailure("refresh", p.Feed.URL, p.Err)
		}
		if progress != nil {
			progress(p)
		}
	}
	for _, acc := range accounts {
		if !slices.Contains(involved, acc.ID) || ctx.Err() != nil {
			continue
		}
		stats, err := s.syncAndFetch(ctx, acc)
		report(refresh.Progress{Feed: feed.Feed{URL: acc.URL, Title: fmt.Sprintf("%s account %d", acc.Kind, acc.ID)}, New: stats.Entries, Err: err})
	}
	if len(local) == 0 {
		return ctx.Err()
	}
	sum, err := s.refresher().Run(ctx, local, report)
	for _, pe := range sum.PageErrors {
		s.logFailure("full text", pe.URL, pe.Err)
	}
	return err
}

// RefreshAll refreshes every subscription (see Refresh).
func (s *Service) RefreshAll(ctx context.Context, progress func(refresh.Progress)) error {
	feeds, err := s.store.Feeds(ctx)
	if err != nil {
		return err
	}
	return s.Refresh(ctx, feeds, progress)
}

// Cleanup drops what the retention limits do not keep (Retention),
// without compacting: what runs after every refresh.
func (s *Service) Cleanup(ctx context.Context) error {
	if _, err := s.store.Cleanup(ctx, s.Retention()); err != nil {
		return fmt.Errorf("clean up the cache: %w", err)
	}
	return nil
}

// syncedArticles is how many of an account's newest items get their full
// text fetched after a sync.
const syncedArticles = 200

// fetchMissingArticles fetches, extracts and caches the full text of the
// account's newest items that have none yet: servers often send only a
// summary. The server lists the entries, so their pages are held to the
// public policy except on the host the user typed for the server (see
// pagePrivate). A page that fails is logged and skipped; its item keeps
// the server's text.
func (s *Service) fetchMissingArticles(ctx context.Context, acc feed.Account) {
	items, err := s.store.Items(ctx, feed.ItemQuery{Account: acc.ID, Limit: syncedArticles})
	if err != nil {
		s.logFailure("full text", fmt.Sprintf("account %d", acc.ID), err)
		return
	}
	sem := make(chan struct{}, max(s.opts.PerHost, 1))
	var wg sync.WaitGroup
	defer wg.Wait()
	for _, it := range items {
		if !feed.IsWebURL(it.URL) {
			continue
		}
		if _, err := s.store.Article(ctx, it.URL); !errors.Is(err, feed.ErrNotFound) {
			continue // cached already, or the cache failed: nothing to fetch
		}
		select {
		case sem <- struct{}{}:
		case <-ctx.Done():
			return
		}
		wg.Go(func() {
			defer func() { <-sem }()
			if _, err := s.fetchArticle(ctx, it.URL, fetch.SameHost(it.URL, acc.URL)); err != nil {
				s.logFailure("full text", it.URL, err)
			}
		})
	}
}
