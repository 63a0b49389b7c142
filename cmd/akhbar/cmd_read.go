package main

import (
	"context"
	"fmt"
	"io"
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
		pageURL     string
	)
	c := &cobra.Command{
		Use:   "read ID|URL|FILE|-",
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
			art, err := a.articleFor(cmd.Context(), args[0], pageURL)
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
	f.StringVar(&pageURL, "url", "", "the address a FILE or - was saved from (links resolve against it)")
	return c
}

// maxStdinPage is the most bytes `read -` takes from standard input;
// extraction reads only the first 4 MB of a page anyway.
const maxStdinPage = 8 << 20

// articleFor finds the article an argument names: "-" (a page on
// standard input), a local file, a URL (from the cache, else fetched and
// cached), or an item ID (its article from the cache, else fetched, else
// the feed's own text). pageURL is the address of a page from a file or
// standard input; it is an error with an ID or a URL.
func (a *app) articleFor(ctx context.Context, arg, pageURL string) (feed.Article, error) {
	if pageURL != "" && !feed.IsWebURL(pageURL) {
		return feed.Article{}, fmt.Errorf("read: --url %q is not an http(s) address", a.clean(pageURL))
	}
	if arg == "-" {
		body, err := io.ReadAll(io.LimitReader(a.stdin, maxStdinPage))
		if err != nil {
			return feed.Article{}, fmt.Errorf("read standard input: %w", err)
		}
		return service.PageArticle("standard input", body, pageURL)
	}
	if _, err := os.Stat(arg); err == nil {
		return service.FileArticle(arg, pageURL)
	}
	if pageURL != "" {
		return feed.Article{}, fmt.Errorf("read: --url applies to a FILE or - (standard input), not to %q", a.clean(arg))
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
