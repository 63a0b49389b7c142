package refresh

import (
	"context"
	"fmt"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/fetch"
)

// page is the page of one new item, to fetch for its full text.
type page struct {
	item         feed.Item
	allowPrivate bool
}

// feedResult is what refreshing one feed gave.
type feedResult struct {
	added []feed.Item
	pages []page
	err   error
}

// refreshFeed fetches, parses and saves one feed, or records its error.
func (r run) refreshFeed(ctx context.Context, f feed.Feed) feedResult {
	private := fetch.IsPrivateURL(ctx, f.URL)
	added, err := r.fetchAndSave(ctx, f, private)
	if err != nil {
		if serr := r.store.SaveFeedError(ctx, f.ID, err.Error(), r.opts.Now()); serr != nil {
			err = fmt.Errorf("%w (and recording it failed: %w)", err, serr)
		}
		return feedResult{err: err}
	}
	res := feedResult{added: added}
	if r.opts.fullText(f) {
		for _, it := range added {
			if feed.IsWebURL(it.URL) {
				res.pages = append(res.pages, page{item: it, allowPrivate: private})
			}
		}
	}
	return res
}

// fetchAndSave fetches f (conditionally, with its ETag and Last-Modified),
// parses it unless it is unchanged, and saves the result; it returns the
// items that were new.
func (r run) fetchAndSave(ctx context.Context, f feed.Feed, private bool) ([]feed.Item, error) {
	resp, err := r.client.Get(ctx, fetch.Request{URL: f.URL, ETag: f.ETag, LastModified: f.LastModified, AllowPrivate: private})
	if err != nil {
		return nil, err
	}
	now := r.opts.Now()
	result := feed.FetchResult{ETag: resp.ETag, LastModified: resp.LastModified, NotModified: resp.NotModified, At: now}
	if !resp.NotModified {
		text, cs := fetch.Decode(resp.Body, resp.ContentType)
		parsed, err := feed.Parse(text, f.URL, now)
		if err != nil {
			return nil, err
		}
		result.Title, result.SiteURL, result.Items = parsed.Title, parsed.SiteURL, parsed.Items
		result.Charset = feed.Charset(cs)
	}
	return r.store.SaveFetch(ctx, f.ID, result)
}

// saveArticle fetches the page of a new item, extracts its article and
// caches it under the item's URL and ID.
func (r run) saveArticle(ctx context.Context, p page) error {
	resp, err := r.client.Get(ctx, fetch.Request{
		URL:          p.item.URL,
		AllowPrivate: p.allowPrivate,
		Accept:       "text/html, application/xhtml+xml;q=0.9, */*;q=0.5",
	})
	if err != nil {
		return err
	}
	a, err := r.extract(resp.URL, resp.Body, resp.ContentType)
	if err != nil {
		return fmt.Errorf("extract %s: %w", resp.URL, err)
	}
	a.ID, a.URL = p.item.ID, p.item.URL
	return r.store.SaveArticle(ctx, a)
}

// fullText reports whether the pages of f's new items are fetched.
func (o Options) fullText(f feed.Feed) bool {
	if o.FullTextFor != nil {
		return o.FullTextFor(f)
	}
	return o.FullText
}
