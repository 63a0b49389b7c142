package main

import (
	"context"
	"fmt"
	"slices"
	stdsync "sync"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/cache"
	"github.com/akhbar/akhbar/feed/refresh"
)

// update brings feeds up to date: the sync accounts they belong to are
// synced with their servers, the local feeds are refreshed. progress is
// called once per account and once per local feed, never concurrently; an
// account's entry names its server and counts the entries it received.
// Failures go through progress; the error is only for a cancelled run.
func (a *app) update(ctx context.Context, st *cache.Store, feeds []feed.Feed, progress func(refresh.Progress)) error {
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
	var mu stdsync.Mutex
	done := 0
	report := func(p refresh.Progress) {
		mu.Lock()
		defer mu.Unlock()
		done++
		p.Done, p.Total = done, total
		progress(p)
	}
	for _, acc := range accounts {
		if !slices.Contains(involved, acc.ID) {
			continue
		}
		stats, err := a.syncAccount(ctx, st, acc)
		report(refresh.Progress{Feed: feed.Feed{URL: acc.URL, Title: fmt.Sprintf("%s account %d", acc.Kind, acc.ID)}, New: stats.Entries, Err: err})
	}
	if len(local) == 0 {
		return ctx.Err()
	}
	_, err = a.refresher(st).Run(ctx, local, func(p refresh.Progress) { report(p) })
	return err
}
