package main

import (
	"fmt"

	"github.com/spf13/cobra"
)

func (a *app) relatedCommand() *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "related ID|URL",
		Short: "List the related stories of an article",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			art, err := a.articleFor(ctx, args[0], "")
			if err != nil {
				return err
			}
			svc, err := a.service()
			if err != nil {
				return err
			}
			out, err := svc.Related(ctx, art)
			if err != nil {
				return err
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
			svc, err := a.service()
			if err != nil {
				return err
			}
			hits, err := svc.Search(cmd.Context(), args[0], limit)
			if err != nil {
				return err
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
