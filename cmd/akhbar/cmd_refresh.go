package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/akhbar/akhbar/feed/refresh"
)

// feedResult is one line of `refresh --json`.
type feedResult struct {
	URL   string `json:"url"`
	Title string `json:"title"`
	New   int    `json:"new"`
	Error string `json:"error,omitempty"`
}

func (a *app) refreshCommand() *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "refresh",
		Short: "Fetch every feed now (and the full text of new items); progress on stderr",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			results, err := a.refreshAll(cmd.Context())
			if err != nil {
				return err
			}
			a.cleanupAfterRefresh(cmd.Context())
			if asJSON {
				return a.writeJSON(map[string]any{"feeds": nonNil(results)})
			}
			failed, added := 0, 0
			for _, r := range results {
				added += r.New
				if r.Error != "" {
					failed++
					a.printf("failed\t%s\t%s\n", r.URL, r.Error)
				}
			}
			a.printf("%d feed(s) refreshed, %d new item(s), %d failed\n", len(results), added, failed)
			return nil
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return c
}

// refreshAll refreshes every subscription, reporting progress on stderr.
// Feeds that fail are listed in the results; the command still succeeds.
func (a *app) refreshAll(ctx context.Context) ([]feedResult, error) {
	svc, err := a.service()
	if err != nil {
		return nil, err
	}
	var results []feedResult
	err = svc.RefreshAll(ctx, func(p refresh.Progress) {
		r := feedResult{URL: p.Feed.URL, Title: p.Feed.Title, New: p.New}
		status := fmt.Sprintf("%d new", p.New)
		if p.Err != nil {
			r.Error = p.Err.Error()
			status = "error: " + r.Error
		}
		results = append(results, r)
		fmt.Fprintf(a.stderr, "[%d/%d] %s: %s\n", p.Done, p.Total, a.clean(p.Feed.URL), a.clean(status))
	})
	if err != nil {
		return results, fmt.Errorf("refresh: %w", err)
	}
	return results, nil
}
