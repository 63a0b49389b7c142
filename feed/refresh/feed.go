package refresh

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/fetch"
	"github.com/akhbar/akhbar/feed/picture"
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
// A feed whose server asked to be left alone until later (Retry-After)
// is skipped until then, with a *WaitingError.
func (r run) refreshFeed(ctx context.Context, f feed.Feed) feedResult {
	now := r.opts.Now()
	if f.RetryAfter.After(now) {
		return feedResult{err: &WaitingError{Until: f.RetryAfter}}
	}
	added, private, err := r.fetchAndSave(ctx, f)
	if err != nil {
		return feedResult{err: r.saveError(ctx, f, err, now)}
	}
	res := feedResult{added: added}
	if r.opts.fullText(f) {
		for _, it := range added {
			if feed.IsWebURL(it.URL) {
				allow := private && fetch.SameHost(it.URL, f.URL)
				res.pages = append(res.pages, page{item: it, allowPrivate: allow})
			}
		}
	}
	return res
}

// saveError records err as f's last error and, when the server asked to
// be retried later, when that is (at most MaxRetryAfter ahead). It returns
// err, naming a failure to record it too.
func (r run) saveError(ctx context.Context, f feed.Feed, err error, now time.Time) error {
	if serr := r.store.SaveFeedError(ctx, f.ID, err.Error(), now); serr != nil {
		return fmt.Errorf("%w (and recording it failed: %w)", err, serr)
	}
	var se *fetch.StatusError
	if !errors.As(err, &se) || !se.RetryLater() || !se.RetryAfter.After(now) {
		return err
	}
	until := se.RetryAfter
	if limit := now.Add(MaxRetryAfter); until.After(limit) {
		until = limit
	}
	if serr := r.store.DeferFeed(ctx, f.ID, until); serr != nil {
		return fmt.Errorf("%w (and recording its Retry-After failed: %w)", err, serr)
	}
	return err
}

// fetchAndSave fetches f (conditionally, with its ETag and Last-Modified),
// parses it unless it is unchanged, and saves the result; it returns the
// items that were new, and whether the feed was served from a private
// address. A subscribed URL may be private (the user typed or imported
// it) unless a remote document or redirect supplied it (f.PublicOnly);
// whether its items' pages may be is decided by the address the feed's
// own fetch actually connected to, not by a separate lookup.
func (r run) fetchAndSave(ctx context.Context, f feed.Feed) ([]feed.Item, bool, error) {
	resp, err := r.client.Get(ctx, fetch.Request{URL: f.URL, ETag: f.ETag, LastModified: f.LastModified, AllowPrivate: !f.PublicOnly})
	if err != nil {
		return nil, false, err
	}
	now := r.opts.Now()
	result := feed.FetchResult{ETag: resp.ETag, LastModified: resp.LastModified, NotModified: resp.NotModified, At: now}
	if !resp.NotModified {
		text, cs := fetch.Decode(resp.Body, resp.ContentType)
		parsed, err := feed.Parse(text, f.URL, now)
		if err != nil {
			return nil, false, err
		}
		result.Title, result.SiteURL, result.Items, result.Dropped = parsed.Title, parsed.SiteURL, parsed.Items, parsed.Dropped
		result.Charset = feed.Charset(cs)
	}
	added, err := r.store.SaveFetch(ctx, f.ID, result)
	return added, resp.Private(), err
}

// saveArticle fetches the page of a new item, extracts its article and
// caches it under the item's URL and ID.
func (r run) saveArticle(ctx context.Context, p page) error {
	a, err := FetchArticle(ctx, r.client, r.extract, p.item.URL, p.allowPrivate, r.opts.Images)
	if err != nil {
		return err
	}
	a.ID = p.item.ID
	return r.store.SaveArticle(ctx, a)
}

// articleAccept is the Accept header of an article page request.
const articleAccept = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"

// FetchArticle fetches the page at url and extracts its article: the one
// way akhbar gets an article from the web, for a refresh's full text and
// for a page the reader opens. The article keeps url as its URL whatever
// redirects the fetch followed, so the cache finds it under the link it
// was asked for. allowPrivate lets the fetch reach loopback and private
// addresses on url's own host (see fetch.Request.AllowPrivate). With
// images, the article's images are fetched too, under the same policy
// (picture.Fetch), and carried in Article.Pictures for the cache.
func FetchArticle(ctx context.Context, c *fetch.Client, extract Extractor, url string, allowPrivate, images bool) (feed.Article, error) {
	resp, err := c.Get(ctx, fetch.Request{URL: url, AllowPrivate: allowPrivate, Accept: articleAccept})
	if err != nil {
		return feed.Article{}, err
	}
	a, err := extract(resp.URL, resp.Body, resp.ContentType)
	if err != nil {
		return feed.Article{}, fmt.Errorf("extract %s: %w", resp.URL, err)
	}
	a.URL = url
	if images {
		a.Pictures = picture.Fetch(ctx, c, a, allowPrivate)
	}
	return a, nil
}

// fullText reports whether the pages of f's new items are fetched.
func (o Options) fullText(f feed.Feed) bool {
	if o.FullTextFor != nil {
		return o.FullTextFor(f)
	}
	return o.FullText
}
