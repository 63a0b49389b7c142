package service

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/article"
	"github.com/akhbar/akhbar/feed/fetch"
	"github.com/akhbar/akhbar/feed/refresh"
)

// Article returns the article of the page at url, reached from an item
// of the feed with feedID: from the cache, else fetched, extracted and
// cached. Whether the page may be on a private address is pagePrivate's
// rule; an unknown feed (a starred item of a removed one) allows public
// addresses only.
func (s *Service) Article(ctx context.Context, url string, feedID int64) (feed.Article, error) {
	f, err := s.feedByID(ctx, feedID)
	if err != nil && !errors.Is(err, feed.ErrNotFound) {
		return feed.Article{}, err
	}
	private, err := s.pagePrivate(ctx, f, url)
	if err != nil {
		return feed.Article{}, err
	}
	return s.cachedArticle(ctx, url, private)
}

// pagePrivate reports whether the page at url, linked from an item of f,
// may be fetched from a loopback, private or link-local address. Only a
// host the user typed may be private: for a feed akhbar fetches itself,
// the feed's own host, unless a page or redirect supplied the feed
// (PublicOnly); for a feed of a sync account — whose feed and entry URLs
// the server supplies — the host the user typed for the server. Even
// then the fetch connects to a private address only when that name has
// no public one, decided on the address actually connected to (see
// fetch.Request.AllowPrivate), as for a refresh.
func (s *Service) pagePrivate(ctx context.Context, f feed.Feed, url string) (bool, error) {
	switch {
	case f.ID == 0:
		return false, nil
	case f.Account == 0:
		return !f.PublicOnly && fetch.SameHost(url, f.URL), nil
	}
	accounts, err := s.store.Accounts(ctx)
	if err != nil {
		return false, err
	}
	for _, acc := range accounts {
		if acc.ID == f.Account {
			return fetch.SameHost(url, acc.URL), nil
		}
	}
	return false, nil
}

// ArticleAt returns the article of the page at url the user named
// (any address): from the cache, else fetched, extracted and cached.
func (s *Service) ArticleAt(ctx context.Context, url string) (feed.Article, error) {
	return s.cachedArticle(ctx, url, true)
}

// Reading is an item's article, ready to read.
type Reading struct {
	Article feed.Article // with the item's ID and its feed's direction override
	// PageErr says why the page could not be had; Article is then the
	// text the feed itself carried.
	PageErr error
}

// ItemArticle returns the article of the item with this ID: its page
// from the cache, else fetched, else the feed's own text of the item.
func (s *Service) ItemArticle(ctx context.Context, id string) (Reading, error) {
	it, err := s.store.Item(ctx, id)
	if err != nil {
		return Reading{}, fmt.Errorf("read %s: no such item, URL or file (%w)", id, err)
	}
	f, err := s.feedByID(ctx, it.FeedID)
	if err != nil && !errors.Is(err, feed.ErrNotFound) { // not found: a starred item of a removed feed
		return Reading{}, err
	}
	private, err := s.pagePrivate(ctx, f, it.URL)
	if err != nil {
		return Reading{}, fmt.Errorf("read %s: %w", id, err)
	}
	var r Reading
	r.Article, r.PageErr = s.cachedArticle(ctx, it.URL, private)
	if r.PageErr != nil {
		r.Article = it.AsArticle()
	}
	r.Article.ID = it.ID
	r.Article = s.opts.Settings[f.URL].Directed(r.Article)
	return r, nil
}

// cachedArticle returns the cached article at url, fetching, extracting
// and caching it when it is not cached yet.
func (s *Service) cachedArticle(ctx context.Context, url string, allowPrivate bool) (feed.Article, error) {
	art, err := s.store.Article(ctx, url)
	if err == nil || !errors.Is(err, feed.ErrNotFound) {
		return art, err
	}
	return s.fetchArticle(ctx, url, allowPrivate)
}

// fetchArticle fetches, extracts and caches the page at url.
func (s *Service) fetchArticle(ctx context.Context, url string, allowPrivate bool) (feed.Article, error) {
	if !feed.IsWebURL(url) {
		return feed.Article{}, fmt.Errorf("read %s: not an http(s) URL", url)
	}
	art, err := refresh.FetchArticle(ctx, s.client, article.Extract, url, allowPrivate, s.opts.Images)
	if err != nil {
		return art, err
	}
	if err := s.store.SaveArticle(ctx, art); err != nil {
		return art, err
	}
	return art, nil
}

// Pictures returns the images cached with the article at url (the lead
// image first, then its figures); none when it has none or they were not
// fetched. They are never fetched here: the reader shows what the cache
// has, offline too.
func (s *Service) Pictures(ctx context.Context, url string) ([]feed.Picture, error) {
	return s.store.Pictures(ctx, url)
}

// Story is one related story of an article.
type Story struct {
	ID     string `json:"id,omitempty"` // the cached item's, for cache results
	Title  string `json:"title"`
	URL    string `json:"url"`
	Source string `json:"source"` // "page": linked from the article's page; "cache": a cached item like it
}

// relatedItems is how many cached items like an article Related lists.
const relatedItems = 10

// Related lists the related stories of an article: those its page links
// to, then the cached items most like it (when the article is an item's,
// by its ID, or else by its URL).
func (s *Service) Related(ctx context.Context, art feed.Article) ([]Story, error) {
	var out []Story
	for _, l := range art.Related {
		out = append(out, Story{Title: l.Title, URL: l.URL, Source: "page"})
	}
	id := art.ID
	if id == "" {
		it, err := s.store.ItemByURL(ctx, art.URL)
		if err != nil && !errors.Is(err, feed.ErrNotFound) {
			return out, fmt.Errorf("related: %w", err)
		}
		id = it.ID
	}
	if id == "" {
		return out, nil
	}
	items, err := s.store.Related(ctx, id, relatedItems)
	if err != nil {
		return out, fmt.Errorf("related: %w", err)
	}
	at := make(map[string]int, len(out)+1) // URL → index in out; the article itself is not its own story
	at[art.URL] = -1
	for i, st := range out {
		at[st.URL] = i
	}
	for _, it := range items {
		switch i, seen := at[it.URL]; {
		case !seen:
			at[it.URL] = len(out)
			out = append(out, Story{ID: it.ID, Title: it.Title, URL: it.URL, Source: "cache"})
		case i >= 0 && out[i].ID == "": // a page's story that is cached: listed once, with its ID
			out[i].ID = it.ID
		}
	}
	return out, nil
}

// Search runs a full-text query over every cached headline and article.
func (s *Service) Search(ctx context.Context, query string, limit int) ([]feed.SearchHit, error) {
	hits, err := s.store.Search(ctx, query, limit)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	return hits, nil
}

// FileArticle extracts the article of a local HTML file. pageURL, when
// not "", is the address the page was saved from: relative links and
// related stories resolve against it.
func FileArticle(path, pageURL string) (feed.Article, error) {
	body, err := os.ReadFile(path)
	if err != nil {
		return feed.Article{}, fmt.Errorf("read %s: %w", path, err)
	}
	if pageURL == "" {
		abs, err := filepath.Abs(path)
		if err != nil {
			return feed.Article{}, fmt.Errorf("read %s: %w", path, err)
		}
		pageURL = "file://" + abs
	}
	return PageArticle(path, body, pageURL)
}

// PageArticle extracts the article of a saved page's bytes; name says
// where they came from in errors ("-" for standard input), pageURL is
// the page's address ("" when unknown: the page's own canonical link
// then stands for it).
func PageArticle(name string, body []byte, pageURL string) (feed.Article, error) {
	art, err := article.Extract(pageURL, body, "")
	if err != nil {
		return art, fmt.Errorf("read %s: %w", name, err)
	}
	return art, nil
}
