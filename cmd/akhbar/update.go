package main

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/cache"
	"github.com/akhbar/akhbar/feed/fetch"
	"github.com/akhbar/akhbar/feed/refresh"
)

// update brings feeds up to date: the sync accounts they belong to are
// synced with their servers, the local feeds are refreshed. progress is
// called once per account and once per local feed, never concurrently; an
// account's entry names its server and counts the entries it received.
// Failures go through progress; the error is only for a cancelled run.
func (a *app) update(ctx context.Context, st *cache.Store, feeds []feed.Feed, progress func(refresh.Progress)) error {
	a.logger() // opened before the work fans out
	accounts, err := st.Accounts(ctx)
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
			a.logFailure("refresh", p.Feed.URL, p.Err)
		}
		progress(p)
	}
	for _, acc := range accounts {
		if !slices.Contains(involved, acc.ID) {
			continue
		}
		stats, err := a.syncAccount(ctx, st, acc)
		if err == nil && a.cfg.Refresh.FullText {
			a.fetchMissingArticles(ctx, st, acc.ID)
		}
		report(refresh.Progress{Feed: feed.Feed{URL: acc.URL, Title: fmt.Sprintf("%s account %d", acc.Kind, acc.ID)}, New: stats.Entries, Err: err})
	}
	if len(local) == 0 {
		return ctx.Err()
	}
	sum, err := a.refresher(st).Run(ctx, local, func(p refresh.Progress) { report(p) })
	for _, pe := range sum.PageErrors {
		a.logFailure("full text", pe.URL, pe.Err)
	}
	return err
}

// syncedArticles is how many of an account's newest items get their full
// text fetched after a sync.
const syncedArticles = 200

// fetchMissingArticles fetches, extracts and caches the full text of the
// account's newest items that have none yet: servers often send only a
// summary. A page that fails is skipped; its item keeps the server's text.
func (a *app) fetchMissingArticles(ctx context.Context, st *cache.Store, account int64) {
	items, err := st.Items(ctx, feed.ItemQuery{Account: account, Limit: syncedArticles})
	if err != nil {
		a.logFailure("full text", fmt.Sprintf("account %d", account), err)
		return
	}
	feeds, err := st.Feeds(ctx)
	if err != nil {
		a.logFailure("full text", fmt.Sprintf("account %d", account), err)
		return
	}
	private := map[int64]bool{} // feed ID → it was subscribed on a private network
	for _, f := range feeds {
		if f.Account == account {
			private[f.ID] = fetch.IsPrivateURL(ctx, f.URL)
		}
	}
	sem := make(chan struct{}, max(a.cfg.Refresh.PerHost, 1))
	var wg sync.WaitGroup
	for _, it := range items {
		if !feed.IsWebURL(it.URL) {
			continue
		}
		if _, err := st.Article(ctx, it.URL); !errors.Is(err, feed.ErrNotFound) {
			continue // cached already, or the cache failed: nothing to fetch
		}
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			if _, err := a.articleByURL(ctx, st, it.URL, private[it.FeedID]); err != nil {
				a.logFailure("full text", it.URL, err) // the item keeps the text the server sent
			}
		}()
	}
	wg.Wait()
}
