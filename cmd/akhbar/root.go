package main

import (
	"github.com/spf13/cobra"
)

// rootCommand builds the command tree. With no subcommand akhbar opens
// the TUI.
func (a *app) rootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:           "akhbar",
		Short:         "A terminal news reader that reads right-to-left text correctly",
		Args:          cobra.NoArgs,
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(*cobra.Command, []string) error {
			return a.setup()
		},
		RunE: func(cmd *cobra.Command, _ []string) error { return a.runTUI(cmd.Context(), false) },
	}
	root.SetOut(a.stdout)
	root.SetErr(a.stderr)
	root.SetIn(a.stdin)
	pf := root.PersistentFlags()
	pf.StringVar(&a.configPath, "config", "", "config file (default $XDG_CONFIG_HOME/akhbar/config.toml)")
	pf.BoolVar(&a.noColor, "no-color", false, "plain output, no escape sequences")
	root.AddCommand(
		a.addCommand(), a.removeCommand(), a.feedsCommand(), a.refreshCommand(),
		a.listCommand(), a.readCommand(), a.relatedCommand(), a.searchCommand(),
		a.importCommand(), a.exportCommand(), a.demoCommand(), a.accountCommand(), a.cleanupCommand(), a.cacheCommand(),
		a.followCommand(), a.followingCommand(), a.unfollowCommand(),
	)
	return root
}
