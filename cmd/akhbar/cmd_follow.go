package main

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/spf13/cobra"
)

func (a *app) followCommand() *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "follow QUERY",
		Short: "Follow a developing story: save a search whose matches collect from every refresh",
		Long: `Follow a developing story. QUERY is a search (words that must all match,
"quoted phrases", prefix* words); matching items from the cache and from every
later refresh show under "Following" in the feeds pane.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := a.openStore()
			if err != nil {
				return err
			}
			f, err := st.AddFollow(cmd.Context(), strings.Join(args, " "))
			if err != nil {
				return err
			}
			if asJSON {
				return a.writeJSON(f)
			}
			a.printf("Following %d: %s (%d item(s) match now, %d unread)\n", f.ID, a.field(f.Query), f.Total, f.Unread)
			return nil
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return c
}

func (a *app) followingCommand() *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "following",
		Short: "List followed stories with their unread and total counts",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := a.openStore()
			if err != nil {
				return err
			}
			list, err := st.Follows(cmd.Context())
			if err != nil {
				return err
			}
			if asJSON {
				return a.writeJSON(nonNil(list))
			}
			for _, f := range list {
				a.printf("%d\t%s\t%d unread / %d\n", f.ID, a.field(f.Query), f.Unread, f.Total)
			}
			return nil
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return c
}

func (a *app) unfollowCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "unfollow ID",
		Short: "Stop following a story (ID as `akhbar following` prints it)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			id, err := strconv.ParseInt(args[0], 10, 64)
			if err != nil {
				return fmt.Errorf("unfollow %s: not a follow ID (see `akhbar following`)", a.clean(args[0]))
			}
			st, err := a.openStore()
			if err != nil {
				return err
			}
			if err := st.RemoveFollow(cmd.Context(), id); err != nil {
				return err
			}
			a.printf("Stopped following %d\n", id)
			return nil
		},
	}
}
