package main

import (
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/akhbar/akhbar/feed"
)

// relatedStory is one line of `related --json`: a story linked from the
// article's page, or a cached item like it.
type relatedStory struct {
	ID     string `json:"id,omitempty"`
	Title  string `json:"title"`
	URL    string `json:"url"`
	Source string `json:"source"` // "page" or "cache"
}

func (a *app) relatedCommand() *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "related ID|URL",
		Short: "List the related stories of an article",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			art, err := a.articleFor(ctx, args[0])
			if err != nil {
				return err
			}
			var out []relatedStory
			for _, l := range art.Related {
				out = append(out, relatedStory{Title: l.Title, URL: l.URL, Source: "page"})
			}
			st, err := a.openStore()
			if err != nil {
				return err
			}
			id := art.ID
			if id == "" {
				it, err := st.ItemByURL(ctx, art.URL)
				if err != nil && !errors.Is(err, feed.ErrNotFound) {
					return fmt.Errorf("related: %w", err)
				}
				id = it.ID
			}
			if id != "" {
				items, err := st.Related(ctx, id, 10)
				if err != nil {
					return fmt.Errorf("related: %w", err)
				}
				for _, it := range items {
					out = append(out, relatedStory{ID: it.ID, Title: it.Title, URL: it.URL, Source: "cache"})
				}
			}
			if asJSON {
				return a.writeJSON(nonNil(out))
			}
			for i, r := range out {
				a.printf("%2d. %s\n    %s\n", i+1, a.field(r.Title), a.field(r.URL))
			}
			return nil
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return c
}

func (a *app) searchCommand() *cobra.Command {
	var (
		asJSON bool
		limit  int
	)
	c := &cobra.Command{
		Use:   "search QUERY",
		Short: "Full-text search over every cached headline and article",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := a.openStore()
			if err != nil {
				return err
			}
			hits, err := st.Search(cmd.Context(), args[0], limit)
			if err != nil {
				return fmt.Errorf("search: %w", err)
			}
			if asJSON {
				return a.writeJSON(nonNil(hits))
			}
			for _, h := range hits {
				a.printItem(h.Item)
				if h.Snippet != "" {
					a.printf("      %s\n", a.field(h.Snippet))
				}
			}
			if len(hits) == 0 {
				fmt.Fprintln(a.stderr, "akhbar: no matches")
			}
			return nil
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	c.Flags().IntVar(&limit, "limit", 50, "at most N results")
	return c
}
