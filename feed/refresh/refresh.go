// Package refresh fetches every subscribed feed, parses it and saves the
// result in the cache, then (optionally) fetches and caches the full text
// of the new items. One failing feed never stops the others.
package refresh

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/fetch"
)

// Options tunes a refresh. Zero fields take the defaults noted.
type Options struct {
	Concurrency int  // feeds (and later pages) fetched at once; default 16
	PerHost     int  // at once per host, for the Client made when Refresher.Client is nil; default 4
	FullText    bool // fetch, extract and cache the page of every new item
	// FullTextFor, when set, decides FullText per feed (the user's
	// per-feed setting).
	FullTextFor func(feed.Feed) bool
	// Images fetches each full text's images with it (picture.Fetch).
	Images bool
	Now    func() time.Time
}

// Progress reports one finished feed.
type Progress struct {
	Done, Total int
	Feed        feed.Feed
	New         int   // items that were new
	Err         error // why the feed failed; nil on success
}

// Extractor turns a fetched page into an Article (feed/article.Extract).
type Extractor func(pageURL string, body []byte, contentType string) (feed.Article, error)

// FeedError is one feed that failed.
type FeedError struct {
	Feed feed.Feed
	Err  error
}

// Summary is the outcome of Run.
type Summary struct {
	Feeds         int         // feeds attempted
	Failed        []FeedError // feeds that failed, in the order they finished
	New           int         // new items over all feeds
	Articles      int         // full texts saved
	ArticleErrors int         // pages that could not be fetched, extracted or saved
	PageErrors    []PageError // those pages, and why
}

// PageError is one article page whose full text could not be had.
type PageError struct {
	URL string
	Err error
}

// Store is what a refresh writes to: the cache (feed/cache.Store).
type Store interface {
	// SaveFetch records one successful fetch of a feed in one
	// transaction: its metadata, and its items upserted by identity (see
	// feed.ItemID). It returns the items that were new.
	SaveFetch(ctx context.Context, feedID int64, r feed.FetchResult) ([]feed.Item, error)
	// SaveFeedError records a failed fetch on the feed, keeping its items.
	SaveFeedError(ctx context.Context, feedID int64, msg string, at time.Time) error
	// DeferFeed records that the feed's server asked not to be fetched
	// before until (Retry-After); the next successful fetch clears it.
	DeferFeed(ctx context.Context, feedID int64, until time.Time) error
	// SaveArticle stores (or replaces) the full text of the page at a.URL.
	SaveArticle(ctx context.Context, a feed.Article) error
}

// Refresher runs refreshes. Store is required; Client may be nil (one is
// made from Options); Extract is needed only with Options.FullText.
type Refresher struct {
	Store   Store
	Client  *fetch.Client
	Extract Extractor
	Options Options
}

// Run fetches feeds, Concurrency at once, parses each and saves its
// result with one SaveFetch, or records its failure with SaveFeedError.
// With FullText it then fetches the pages of the new items (same bounds
// and client limits), extracts them and saves each with SaveArticle.
// progress, when not nil, is called once per finished feed, never
// concurrently. Run returns an error when ctx ends before the work is
// done, or when the cache is found damaged (feed.ErrCacheDamaged): then
// it stops at once and reports no more feeds, so the damage is told once.
// Other per-feed and per-page failures are in the Summary.
func (r *Refresher) Run(ctx context.Context, feeds []feed.Feed, progress func(Progress)) (Summary, error) {
	run := r.start()
	ctx, stop := context.WithCancelCause(ctx)
	defer stop(nil)
	var mu sync.Mutex
	sum := Summary{Feeds: len(feeds)}
	var pages []page
	done := 0
	forEach(ctx, len(feeds), run.opts.Concurrency, func(i int) {
		res := run.refreshFeed(ctx, feeds[i])
		mu.Lock()
		defer mu.Unlock()
		if errors.Is(res.err, feed.ErrCacheDamaged) {
			stop(res.err)
		}
		if context.Cause(ctx) != nil && errors.Is(context.Cause(ctx), feed.ErrCacheDamaged) {
			return // stopped: the damage is the one error to tell
		}
		sum.New += len(res.added)
		if res.err != nil {
			sum.Failed = append(sum.Failed, FeedError{Feed: feeds[i], Err: res.err})
		}
		pages = append(pages, res.pages...)
		done++
		if progress != nil {
			progress(Progress{Done: done, Total: len(feeds), Feed: feeds[i], New: len(res.added), Err: res.err})
		}
	})
	if len(pages) > 0 && r.Extract != nil {
		forEach(ctx, len(pages), run.opts.Concurrency, func(i int) {
			err := run.saveArticle(ctx, pages[i])
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				sum.ArticleErrors++
				sum.PageErrors = append(sum.PageErrors, PageError{URL: pages[i].item.URL, Err: err})
			} else {
				sum.Articles++
			}
		})
	}
	if cause := context.Cause(ctx); errors.Is(cause, feed.ErrCacheDamaged) {
		return sum, cause
	}
	return sum, ctx.Err()
}

// run is one Run's settled configuration.
type run struct {
	store   Store
	client  *fetch.Client
	extract Extractor
	opts    Options
}

func (r *Refresher) start() run {
	o := r.Options
	if o.Concurrency <= 0 {
		o.Concurrency = 16
	}
	if o.PerHost <= 0 {
		o.PerHost = 4
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	c := r.Client
	if c == nil {
		c = fetch.New(fetch.Options{PerHost: o.PerHost})
	}
	return run{store: r.Store, client: c, extract: r.Extract, opts: o}
}

// forEach calls fn(0) … fn(n-1), at most workers at once, and stops
// handing out work when ctx ends.
func forEach(ctx context.Context, n, workers int, fn func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := 0; i < n && ctx.Err() == nil; i++ {
		select {
		case next <- i:
		case <-ctx.Done():
		}
	}
	close(next)
	wg.Wait()
}
