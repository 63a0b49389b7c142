package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/akhbar/akhbar/feed/cache"
)

// cacheCommand is `akhbar cache repair`.
func (a *app) cacheCommand() *cobra.Command {
	c := &cobra.Command{
		Use:   "cache",
		Short: "Look after the cache file",
		Args:  cobra.NoArgs,
	}
	var asJSON bool
	repair := &cobra.Command{
		Use:   "repair",
		Short: "Salvage what is readable of a damaged cache into a fresh one, keeping the damaged file aside",
		Long: `Salvage what can still be read of a damaged cache into a fresh one:
subscriptions, read and starred state and follows first, then headlines
and articles. The damaged file is kept next to the new one as
cache.db.corrupt-<time>. Synced feeds come back with the next sync.
Quit other akhbar processes first.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			path, err := a.paths.cachePath()
			if err != nil {
				return err
			}
			if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
				return fmt.Errorf("cache repair: there is no cache at %s", path)
			}
			rep, err := cache.Repair(cmd.Context(), path)
			if err != nil {
				return err
			}
			if asJSON {
				return a.writeJSON(rep)
			}
			a.printf("Salvaged %d feed(s), %d read/starred state(s), %d follow(s), %d account(s), %d item(s), %d article(s); %d row(s) unreadable.\nThe damaged file is at %s\n",
				rep.Feeds, rep.States, rep.Follows, rep.Accounts, rep.Items, rep.Articles, rep.Lost, a.clean(rep.Aside))
			return nil
		},
	}
	repair.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	c.AddCommand(repair)
	return c
}
