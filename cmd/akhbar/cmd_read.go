package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/article"
	"github.com/akhbar/akhbar/feed/fetch"
	"github.com/akhbar/akhbar/render"
)

func (a *app) readCommand() *cobra.Command {
	var (
		width       int
		bidi, shape string
		asJSON      bool
	)
	c := &cobra.Command{
		Use:   "read ID|URL|FILE",
		Short: "Render one article to stdout",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if width < 0 {
				return fmt.Errorf("read: --width must be positive")
			}
			o, err := a.renderOptions(width, bidi, shape)
			if err != nil {
				return err
			}
			art, err := a.articleFor(cmd.Context(), args[0])
			if err != nil {
				return err
			}
			if asJSON {
				return a.writeJSON(jsonArticle(art))
			}
			for _, line := range render.Article(art, o) {
				if _, err := fmt.Fprintln(a.stdout, line); err != nil {
					return fmt.Errorf("read: %w", err)
				}
			}
			return nil
		},
	}
	f := c.Flags()
	f.IntVar(&width, "width", 0, "wrap at N cells (default: terminal width, else 80)")
	f.StringVar(&bidi, "bidi", "", "auto | visual | logical")
	f.StringVar(&shape, "shape", "", "auto | on | off")
	f.BoolVar(&asJSON, "json", false, "print JSON")
	return c
}

// articleFor finds the article an argument names: a local file, a URL
// (from the cache, else fetched and cached), or an item ID (its article
// from the cache, else fetched, else the feed's own text).
func (a *app) articleFor(ctx context.Context, arg string) (feed.Article, error) {
	if _, err := os.Stat(arg); err == nil {
		return readFile(arg)
	}
	if feed.IsWebURL(arg) {
		st, err := a.openStore()
		if err != nil {
			return feed.Article{}, err
		}
		return a.articleByURL(ctx, st, arg, true) // the user named it: any address
	}
	st, err := a.openStore()
	if err != nil {
		return feed.Article{}, err
	}
	it, err := st.Item(ctx, arg)
	if err != nil {
		return feed.Article{}, fmt.Errorf("read %s: no such item, URL or file (%w)", arg, err)
	}
	f, err := a.feedByID(ctx, st, it.FeedID)
	if err != nil && !errors.Is(err, feed.ErrNotFound) { // not found: a starred item of a removed feed
		return feed.Article{}, err
	}
	art, err := a.articleByURL(ctx, st, it.URL, fetch.IsPrivateURL(ctx, f.URL))
	if err != nil {
		fmt.Fprintln(a.stderr, "akhbar: "+a.clean(err.Error())+" (showing the feed's text)")
		art = it.AsArticle()
	}
	art.ID = it.ID
	return a.settings[f.URL].Directed(art), nil
}

// articleByURL returns the cached article at url, fetching, extracting
// and caching it when it is not cached yet. allowPrivate lets the fetch
// reach loopback and private addresses (fetch.IsPrivateURL of the feed).
func (a *app) articleByURL(ctx context.Context, st feed.Store, url string, allowPrivate bool) (feed.Article, error) {
	art, err := st.Article(ctx, url)
	if err == nil || !errors.Is(err, feed.ErrNotFound) {
		return art, err
	}
	if !feed.IsWebURL(url) {
		return art, fmt.Errorf("read %s: not an http(s) URL", url)
	}
	resp, err := a.httpClient().Get(ctx, fetch.Request{URL: url, AllowPrivate: allowPrivate})
	if err != nil {
		return art, err
	}
	art, err = article.Extract(resp.URL, resp.Body, resp.ContentType)
	if err != nil {
		return art, fmt.Errorf("read %s: %w", url, err)
	}
	art.URL = url
	if err := st.SaveArticle(ctx, art); err != nil {
		return art, err
	}
	return art, nil
}

// feedByID finds a subscription by its ID, failing with feed.ErrNotFound
// when there is none.
func (a *app) feedByID(ctx context.Context, st feed.Store, id int64) (feed.Feed, error) {
	feeds, err := st.Feeds(ctx)
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

// readFile extracts an article from a local HTML file.
func readFile(path string) (feed.Article, error) {
	body, err := os.ReadFile(path)
	if err != nil {
		return feed.Article{}, fmt.Errorf("read %s: %w", path, err)
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return feed.Article{}, fmt.Errorf("read %s: %w", path, err)
	}
	art, err := article.Extract("file://"+abs, body, "")
	if err != nil {
		return art, fmt.Errorf("read %s: %w", path, err)
	}
	return art, nil
}

// jsonArticle makes the lists of `read --json` print as [] when empty.
func jsonArticle(a feed.Article) feed.Article {
	a.Blocks, a.Links, a.Related = nonNil(a.Blocks), nonNil(a.Links), nonNil(a.Related)
	return a
}
