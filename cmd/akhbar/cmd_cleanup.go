package main

import (
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/akhbar/akhbar/feed/cache"
)

func (a *app) cleanupCommand() *cobra.Command {
	var asJSON bool
	r := cache.DefaultRetention()
	c := &cobra.Command{
		Use:   "cleanup",
		Short: "Drop old items and articles the retention limits do not keep, then compact the cache",
		Long: `Drop what the retention limits do not keep, then compact the cache file.

Starred items always stay, and so do the items a feed's latest full fetch
lists and the items a sync account's server still has (see the README).
Unread items stay for --unread-days. A feed's own limits come from config.toml:

  [feeds."https://example.com/rss"]
  keep_days = 30
  keep_items = 200

The same cleanup, without compacting, runs after every refresh.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := a.openStore()
			if err != nil {
				return err
			}
			r.PerFeed = a.svc.Retention().PerFeed
			r.Vacuum = true
			rep, err := st.Cleanup(cmd.Context(), r)
			if err != nil {
				return err
			}
			if asJSON {
				return a.writeJSON(rep)
			}
			a.printf("Removed %d item(s), %d article(s) and %d image(s); freed %s (kept: %s, unread %d days, starred always)\n",
				rep.Items, rep.Articles, rep.Images, byteSize(rep.Freed), r.Limits, max(r.UnreadDays, r.KeepDays))
			return nil
		},
	}
	c.Flags().IntVar(&r.KeepDays, "keep-days", r.KeepDays, "keep items this many days (0: any age)")
	c.Flags().IntVar(&r.KeepItems, "keep-items", r.KeepItems, "keep at most this many items per feed (0: any number)")
	c.Flags().IntVar(&r.UnreadDays, "unread-days", r.UnreadDays, "keep unread items this many days")
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return c
}

// cleanupAfterRefresh applies the default retention and the feeds' own
// limits, without compacting. A failure is reported on stderr and does
// not fail the refresh.
func (a *app) cleanupAfterRefresh(ctx context.Context) {
	svc, err := a.service()
	if err == nil {
		err = svc.Cleanup(ctx)
	}
	if err != nil {
		fmt.Fprintf(a.stderr, "akhbar: %s\n", a.clean(err.Error()))
	}
}

// byteSize formats n bytes for people.
func byteSize(n int64) string {
	switch {
	case n >= 1<<30:
		return fmt.Sprintf("%.1f GB", float64(n)/(1<<30))
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}
