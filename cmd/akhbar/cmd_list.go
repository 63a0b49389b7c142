package main

import (
	"fmt"

	"github.com/spf13/cobra"

	"github.com/akhbar/akhbar/feed"
)

func (a *app) listCommand() *cobra.Command {
	var (
		feedURL string
		unread  bool
		limit   int
		asJSON  bool
	)
	c := &cobra.Command{
		Use:   "list",
		Short: "Print headlines, newest first",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if limit < 0 {
				return fmt.Errorf("list: --limit must not be negative")
			}
			st, err := a.openStore()
			if err != nil {
				return err
			}
			q := feed.ItemQuery{Unread: unread, Limit: limit}
			if feedURL != "" {
				f, err := a.feedByURL(cmd.Context(), st, feedURL)
				if err != nil {
					return err
				}
				q.FeedID = f.ID
			}
			items, err := st.Items(cmd.Context(), q)
			if err != nil {
				return fmt.Errorf("list: %w", err)
			}
			if asJSON {
				return a.writeJSON(nonNil(items))
			}
			for _, it := range items {
				a.printItem(it)
			}
			return nil
		},
	}
	f := c.Flags()
	f.StringVar(&feedURL, "feed", "", "only this feed")
	f.BoolVar(&unread, "unread", false, "only unread headlines")
	f.IntVar(&limit, "limit", 50, "at most N headlines")
	f.BoolVar(&asJSON, "json", false, "print JSON")
	return c
}

// printItem prints one headline on one line: id, mark, date, feed, title.
func (a *app) printItem(it feed.Item) {
	mark := " "
	if !it.Read {
		mark = "*"
	}
	if it.Starred {
		mark = "★"
	}
	a.printf("%s %s %s  %s  %s\n", it.ID, mark, it.Published.Local().Format("2006-01-02 15:04"),
		a.field(it.FeedTitle), a.field(it.Title))
}
