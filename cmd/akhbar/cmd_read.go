package main

import (
	"context"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/service"
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
	f.StringVar(&bidi, "bidi", "", "auto | visual | logical | plain")
	f.StringVar(&shape, "shape", "", "auto | on | off")
	f.BoolVar(&asJSON, "json", false, "print JSON")
	return c
}

// articleFor finds the article an argument names: a local file, a URL
// (from the cache, else fetched and cached), or an item ID (its article
// from the cache, else fetched, else the feed's own text).
func (a *app) articleFor(ctx context.Context, arg string) (feed.Article, error) {
	if _, err := os.Stat(arg); err == nil {
		return service.FileArticle(arg)
	}
	svc, err := a.service()
	if err != nil {
		return feed.Article{}, err
	}
	if feed.IsWebURL(arg) {
		return svc.ArticleAt(ctx, arg) // the user named it: any address
	}
	r, err := svc.ItemArticle(ctx, arg)
	if err != nil {
		return feed.Article{}, err
	}
	if r.PageErr != nil {
		fmt.Fprintln(a.stderr, "akhbar: "+a.clean(r.PageErr.Error())+" (showing the feed's text)")
	}
	return r.Article, nil
}

// jsonArticle makes the lists of `read --json` print as [] when empty.
func jsonArticle(a feed.Article) feed.Article {
	a.Blocks, a.Links, a.Related = nonNil(a.Blocks), nonNil(a.Links), nonNil(a.Related)
	return a
}
