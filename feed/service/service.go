// Package service is akhbar's application layer: what the command line
// and the TUI both do with the cache and the network. It refreshes feeds
// and syncs accounts (with the full text of what they bring), subscribes
// with feed autodiscovery, adds accounts, gets an article from the cache
// or the web, and gathers related stories.
//
// The command line keeps flags and output; the TUI keeps the screen.
// Neither fetches, parses or syncs anything itself: they call a Service.
package service

import (
	"context"
	"fmt"
	"time"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/article"
	"github.com/akhbar/akhbar/feed/cache"
	"github.com/akhbar/akhbar/feed/fetch"
	"github.com/akhbar/akhbar/feed/refresh"
)

// Options are the user's choices that shape the work (config.toml).
type Options struct {
	Concurrency int  // feeds fetched at once (refresh.Options)
	PerHost     int  // requests at once per host; also bounds an account's full-text fetches
	FullText    bool // fetch the full text of new items, unless a feed's Settings say otherwise
	// Settings are the per-feed settings by feed URL: folders, full text,
	// direction overrides, retention limits.
	Settings map[string]feed.Settings
	// InsecureHTTP holds the server URLs whose accounts the user allowed
	// to send their secret over plain http:// (insecure_http in
	// config.toml), besides the accounts that stored that allowance when
	// they were added (feed.Credential.InsecureHTTP).
	InsecureHTTP map[string]bool
	// Failed is told of every failure that does not stop the work (a
	// feed, an account, a page), for the log; nil: nobody. It may be
	// called from several goroutines at once.
	Failed func(what, url string, err error)
	// Now is the clock; nil: time.Now.
	Now func() time.Time
}

// Service does akhbar's work over one cache and one HTTP client. Its
// methods are safe for concurrent use, and every one stops when its
// context ends.
type Service struct {
	store  *cache.Store
	client *fetch.Client
	opts   Options
}

// New returns a Service over the cache st and the HTTP client c.
func New(st *cache.Store, c *fetch.Client, o Options) *Service {
	if o.Failed == nil {
		o.Failed = func(string, string, error) {}
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return &Service{store: st, client: c, opts: o}
}

// refresher builds the refresh pipeline over the cache and the client.
func (s *Service) refresher() *refresh.Refresher {
	return &refresh.Refresher{
		Store:   s.store,
		Client:  s.client,
		Extract: article.Extract,
		Options: refresh.Options{
			Concurrency: s.opts.Concurrency,
			PerHost:     s.opts.PerHost,
			FullText:    s.opts.FullText,
			FullTextFor: s.fullText,
			Now:         s.opts.Now,
		},
	}
}

// fullText reports whether the pages of f's new items are fetched: the
// feed's own setting, else the global one.
func (s *Service) fullText(f feed.Feed) bool {
	if st, ok := s.opts.Settings[f.URL]; ok && st.FullText != nil {
		return *st.FullText
	}
	return s.opts.FullText
}

// logFailure reports one failed feed, account or page.
func (s *Service) logFailure(what, url string, err error) { s.opts.Failed(what, url, err) }

// Retention is the default retention with the feeds' own limits.
func (s *Service) Retention() cache.Retention {
	r := cache.DefaultRetention()
	r.PerFeed = map[string]cache.Limits{}
	for url, st := range s.opts.Settings {
		if st.KeepDays > 0 || st.KeepItems > 0 {
			r.PerFeed[url] = cache.Limits{KeepDays: st.KeepDays, KeepItems: st.KeepItems}
		}
	}
	return r
}

// feedByID finds a subscription by its ID, failing with feed.ErrNotFound
// when there is none.
func (s *Service) feedByID(ctx context.Context, id int64) (feed.Feed, error) {
	feeds, err := s.store.Feeds(ctx)
	if err != nil {
		return feed.Feed{}, err
	}
	for _, f := range feeds {
		if f.ID == id {
			return f, nil
		}
	}
	return feed.Feed{}, fmt.Errorf("feed %d: %w", id, feed.ErrNotFound)
}
