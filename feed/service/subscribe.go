package service

import (
	"context"
	"errors"
	"fmt"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/fetch"
	"github.com/akhbar/akhbar/feed/refresh"
)

// Subscribe checks that rawURL is a feed — when it is a web page, it
// follows the page's <link rel="alternate"> to its feed — subscribes, and
// refreshes the new feed through the usual pipeline, so its items and
// their full text are cached at once. It returns the feed as stored and
// how many items it brought.
//
// Only what the user typed may be on a private address: the feed may be
// fetched from one, then and later, only when it is on rawURL's own host
// and so was every page on the way to it. A feed URL that a page or a
// redirect to another host supplied is held to the public policy now
// and is stored PublicOnly, so no later refresh (or DNS answer) lets it
// reach a private address.
func (s *Service) Subscribe(ctx context.Context, rawURL, folder string) (feed.Feed, int, error) {
	if !feed.IsWebURL(rawURL) {
		return feed.Feed{}, 0, fmt.Errorf("add %s: not an http or https URL", rawURL)
	}
	resp, body, err := s.fetchFeed(ctx, rawURL, true)
	private := fetch.SameHost(resp.URL, rawURL)
	if errors.Is(err, feed.ErrHTMLPage) {
		found := feed.Discover(body, resp.URL)
		if len(found) == 0 {
			return feed.Feed{}, 0, fmt.Errorf("add %s: a web page that announces no feed (no <link rel=\"alternate\">)", rawURL)
		}
		private = private && fetch.SameHost(found[0], rawURL)
		resp, _, err = s.fetchFeed(ctx, found[0], private)
		private = private && fetch.SameHost(resp.URL, rawURL)
	}
	if err != nil {
		return feed.Feed{}, 0, subscribeError(rawURL, err)
	}
	f, err := s.store.AddFeed(ctx, feed.Feed{URL: resp.URL, Folder: folder, PublicOnly: !private})
	if err != nil {
		return f, 0, err
	}
	added := 0
	var failed error
	if _, err := s.refresher().Run(ctx, []feed.Feed{f}, func(p refresh.Progress) {
		added, failed = p.New, p.Err
	}); err != nil {
		return f, 0, err
	}
	if failed != nil {
		return f, 0, fmt.Errorf("add %s: subscribed, but the first refresh failed: %w", rawURL, failed)
	}
	if f, err = s.store.FeedByURL(ctx, f.URL); err != nil {
		return f, added, err
	}
	return f, added, nil
}

// subscribeError names the URL the user gave in err, and says plainly
// when the address policy refused where a page or redirect led.
func subscribeError(rawURL string, err error) error {
	var addr *fetch.AddressError
	if errors.As(err, &addr) {
		return fmt.Errorf("add %s: refused: it leads to %s, a %s address, which only a URL you type yourself may name (%w)",
			rawURL, addr.Addr, addr.Reason, err)
	}
	return fmt.Errorf("add %s: %w", rawURL, err)
}

// fetchFeed gets and parses one feed URL; allowPrivate lets it reach a
// private address on url's own host (see fetch.Request). On a parse
// error it still returns the decoded body, so a web page can be searched
// for the feed it announces.
func (s *Service) fetchFeed(ctx context.Context, url string, allowPrivate bool) (fetch.Response, []byte, error) {
	resp, err := s.client.Get(ctx, fetch.Request{URL: url, AllowPrivate: allowPrivate})
	if err != nil {
		return resp, nil, err
	}
	body := fetch.ToUTF8(resp.Body, resp.ContentType)
	_, err = feed.Parse(body, resp.URL, s.opts.Now())
	return resp, body, err
}

// ApplyFolders moves subscribed feeds into the folders the settings name
// for them. It subscribes to nothing.
func (s *Service) ApplyFolders(ctx context.Context) error {
	if len(s.opts.Settings) == 0 {
		return nil
	}
	feeds, err := s.store.Feeds(ctx)
	if err != nil {
		return err
	}
	for _, f := range feeds {
		st, ok := s.opts.Settings[f.URL]
		if !ok || st.Folder == "" || st.Folder == f.Folder {
			continue
		}
		f.Folder = st.Folder
		if _, err := s.store.AddFeed(ctx, f); err != nil {
			return fmt.Errorf("apply folder of %s: %w", f.URL, err)
		}
	}
	return nil
}
