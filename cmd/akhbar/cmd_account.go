package main

import (
	"errors"
	"fmt"
	"net/url"

	"github.com/spf13/cobra"

	"github.com/akhbar/akhbar/feed"
)

// AccountConfig is one [accounts."URL"] table: who to log in as and where
// the secret comes from. akhbar never stores the secret itself.
type AccountConfig struct {
	Username        string   `toml:"username"`
	PasswordCommand []string `toml:"password_command"`
	TokenCommand    []string `toml:"token_command"`
	PasswordEnv     string   `toml:"password_env"`
	TokenEnv        string   `toml:"token_env"`
	// InsecureHTTP allows an http:// server that is not on this machine,
	// like account add --insecure-http: the secret travels in clear.
	InsecureHTTP bool `toml:"insecure_http"`
}

// insecureHTTP lists the server URLs whose [accounts."URL"] table sets
// insecure_http.
func (a *app) insecureHTTP() map[string]bool {
	m := map[string]bool{}
	for u, ac := range a.cfg.Accounts {
		if ac.InsecureHTTP {
			m[u] = true
		}
	}
	return m
}

func (ac AccountConfig) empty() bool {
	return ac.Username == "" && len(ac.PasswordCommand) == 0 && len(ac.TokenCommand) == 0 && ac.PasswordEnv == "" && ac.TokenEnv == ""
}

// credential says where the secret comes from; it fails when the table
// names no source or two kinds of secret.
func (ac AccountConfig) credential() (feed.Credential, error) {
	pw := len(ac.PasswordCommand) > 0 || ac.PasswordEnv != ""
	tok := len(ac.TokenCommand) > 0 || ac.TokenEnv != ""
	switch {
	case pw && tok:
		return feed.Credential{}, errors.New("give a password or a token, not both")
	case pw:
		return feed.Credential{Kind: feed.SecretPassword, Command: ac.PasswordCommand, Env: ac.PasswordEnv}, nil
	case tok:
		return feed.Credential{Kind: feed.SecretToken, Command: ac.TokenCommand, Env: ac.TokenEnv}, nil
	}
	return feed.Credential{}, errors.New("no password_command, token_command, password_env or token_env")
}

func (a *app) accountCommand() *cobra.Command {
	c := &cobra.Command{
		Use:   "account",
		Short: "Sync with a feed server: Miniflux, or FreshRSS, Inoreader, The Old Reader and Miniflux through the Google Reader API",
	}
	c.AddCommand(a.accountAddCommand(), a.accountListCommand(), a.accountRemoveCommand())
	return c
}

func (a *app) accountAddCommand() *cobra.Command {
	var ac AccountConfig
	var insecureHTTP bool
	c := &cobra.Command{
		Use:   "add miniflux|greader URL",
		Short: "Add an account and sync it once (the secret comes from a command or a variable, see README)",
		Args:  cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			kind := feed.AccountKind(args[0])
			if kind != feed.KindMiniflux && kind != feed.KindGReader {
				return fmt.Errorf("account add: unknown kind %q: want miniflux or greader", args[0])
			}
			if !feed.IsWebURL(args[1]) {
				return fmt.Errorf("account add %s: not an http or https URL", args[1])
			}
			insecureHTTP = insecureHTTP || a.cfg.Accounts[args[1]].InsecureHTTP
			check := feed.Account{URL: args[1], Credential: feed.Credential{InsecureHTTP: insecureHTTP}}
			if err := check.CheckClearText(); err != nil {
				return fmt.Errorf("account add %s: %w", args[1], err)
			}
			if ac.empty() {
				ac = a.cfg.Accounts[args[1]]
			}
			cred, err := ac.credential()
			if err != nil {
				return fmt.Errorf("account add %s: %w (flags, or [accounts.%q] in config.toml)", args[1], err, args[1])
			}
			cred.InsecureHTTP = insecureHTTP
			svc, err := a.service()
			if err != nil {
				return err
			}
			acc, stats, err := svc.AddAccount(cmd.Context(), feed.Account{Kind: kind, URL: args[1], Username: ac.Username, Credential: cred})
			if err != nil {
				return err
			}
			a.printf("Added account %d (%s %s): %d feed(s), %d entr(ies)\n", acc.ID, kind, acc.URL, stats.Feeds, stats.Entries)
			return nil
		},
	}
	f := c.Flags()
	f.StringVar(&ac.Username, "username", "", "user name (with a password)")
	f.StringSliceVar(&ac.PasswordCommand, "password-command", nil, "command (argv, comma-separated) that prints the password")
	f.StringSliceVar(&ac.TokenCommand, "token-command", nil, "command (argv, comma-separated) that prints the API token")
	f.StringVar(&ac.PasswordEnv, "password-env", "", "environment variable holding the password")
	f.StringVar(&ac.TokenEnv, "token-env", "", "environment variable holding the API token")
	f.BoolVar(&insecureHTTP, "insecure-http", false, "allow http:// to a server that is not on this machine (the password or token travels in clear)")
	return c
}

func (a *app) accountListCommand() *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "list",
		Short: "List the sync accounts",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := a.openStore()
			if err != nil {
				return err
			}
			accounts, err := st.Accounts(cmd.Context())
			if err != nil {
				return err
			}
			if asJSON {
				return a.writeJSON(nonNil(accounts))
			}
			for _, acc := range accounts {
				a.printf("%d\t%s\t%s\t%s\n", acc.ID, acc.Kind, acc.URL, acc.Username)
			}
			return nil
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return c
}

func (a *app) accountRemoveCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "remove ID|URL",
		Short: "Remove an account with its feeds (starred items stay)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := a.openStore()
			if err != nil {
				return err
			}
			acc, err := a.svc.FindAccount(cmd.Context(), args[0])
			if err != nil {
				return err
			}
			if err := st.RemoveAccount(cmd.Context(), acc.ID); err != nil {
				return err
			}
			a.printf("Removed account %d (%s)\n", acc.ID, acc.URL)
			return nil
		},
	}
}

// accountName is how the feeds pane names an account: its server's host.
func accountName(rawURL string) string {
	if u, err := url.Parse(rawURL); err == nil && u.Host != "" {
		return u.Host
	}
	return rawURL
}
