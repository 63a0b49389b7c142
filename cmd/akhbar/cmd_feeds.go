package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/cache"
	"github.com/akhbar/akhbar/feed/opml"
)

func (a *app) addCommand() *cobra.Command {
	var folder string
	c := &cobra.Command{
		Use:   "add URL",
		Short: "Subscribe to a feed, or to the feed a web page announces",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			svc, err := a.service()
			if err != nil {
				return err
			}
			f, n, err := svc.Subscribe(cmd.Context(), args[0], folder)
			if err != nil {
				return err
			}
			a.printf("Subscribed to %s (%s), %d headlines\n", a.field(f.Title), a.field(f.URL), n)
			return nil
		},
	}
	c.Flags().StringVar(&folder, "folder", "", "put the feed in this folder")
	return c
}

func (a *app) removeCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "remove URL",
		Short: "Unsubscribe (cached articles of the feed go too, starred ones stay)",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			st, err := a.openStore()
			if err != nil {
				return err
			}
			if err := st.RemoveFeed(cmd.Context(), args[0]); err != nil {
				return fmt.Errorf("remove %s: %w", args[0], err)
			}
			a.printf("Unsubscribed from %s\n", args[0])
			return nil
		},
	}
}

func (a *app) feedsCommand() *cobra.Command {
	var asJSON bool
	c := &cobra.Command{
		Use:   "feeds",
		Short: "List subscriptions with unread counts, last fetch time and last error",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := a.openStore()
			if err != nil {
				return err
			}
			list, err := st.Feeds(cmd.Context())
			if err != nil {
				return err
			}
			for i, f := range list {
				list[i] = a.settings[f.URL].Apply(f)
			}
			if asJSON {
				return a.writeJSON(nonNil(list))
			}
			for _, f := range list {
				a.printFeed(f)
			}
			return nil
		},
	}
	c.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	return c
}

func (a *app) printFeed(f feed.Feed) {
	fetched := "never fetched"
	if !f.LastFetch.IsZero() {
		fetched = "fetched " + f.LastFetch.Local().Format("2006-01-02 15:04")
	}
	title := a.field(f.Title)
	if f.Folder != "" { // each part laid out alone: a folder cannot reorder the title
		title = a.field(f.Folder) + "/" + title
	}
	a.printf("%s\t%d unread / %d\t%s\t%s\n", title, f.Unread, f.Total, fetched, a.field(f.URL))
	if f.LastError != "" {
		a.printf("\terror: %s\n", a.field(f.LastError))
	}
	if f.RetryAfter.After(time.Now()) {
		a.printf("\twaiting: the server asked not to be fetched before %s (Retry-After); refreshes skip it until then\n",
			f.RetryAfter.Local().Format("2006-01-02 15:04"))
	}
	if f.Notice != "" {
		a.printf("\tnote: %s\n", f.Notice)
	}
}

func (a *app) importCommand() *cobra.Command {
	var state bool
	c := &cobra.Command{
		Use:   "import FILE.opml | import --state FILE.json",
		Short: "Subscribe to every feed of an OPML file (folders kept), or merge a state export",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if state {
				return a.importState(cmd.Context(), args[0])
			}
			data, err := os.ReadFile(args[0])
			if err != nil {
				return fmt.Errorf("import: %w", err)
			}
			feeds, skipped, err := opml.Read(bytes.NewReader(data))
			if err != nil {
				return fmt.Errorf("import %s: %w", args[0], err)
			}
			st, err := a.openStore()
			if err != nil {
				return err
			}
			for _, f := range feeds {
				if _, err := st.AddFeed(cmd.Context(), f); err != nil {
					return fmt.Errorf("import %s: %w", f.URL, err)
				}
			}
			a.printf("Imported %d feed(s); run `akhbar refresh` to fetch them\n", len(feeds))
			if len(skipped) > 0 {
				fmt.Fprintf(a.stderr, "akhbar: skipped %d entr(ies) that are not http(s) feeds: %s\n",
					len(skipped), a.clean(strings.Join(skipped, ", ")))
			}
			return nil
		},
	}
	c.Flags().BoolVar(&state, "state", false, "FILE is a state export (akhbar export --state): merge read, starred and positions")
	return c
}

// importState merges the state export at path into the cache.
func (a *app) importState(ctx context.Context, path string) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("import state: %w", err)
	}
	var state cache.State
	if err := json.Unmarshal(data, &state); err != nil {
		return fmt.Errorf("import state %s: not an akhbar state export: %w", path, err)
	}
	st, err := a.openStore()
	if err != nil {
		return err
	}
	rep, err := st.ImportState(ctx, state)
	if err != nil {
		return err
	}
	a.printf("Imported %d feed(s); %d item(s) merged, %d starred item(s) added, %d kept until a refresh brings them\n",
		rep.Feeds, rep.Merged, rep.Added, rep.Pending)
	return nil
}

func (a *app) exportCommand() *cobra.Command {
	var state bool
	c := &cobra.Command{
		Use:   "export [--state]",
		Short: "Write the subscriptions as OPML 2.0, or the reading state as JSON, to stdout",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			st, err := a.openStore()
			if err != nil {
				return err
			}
			if state {
				s, err := st.ExportState(cmd.Context())
				if err != nil {
					return err
				}
				return a.writeJSON(s)
			}
			list, err := st.Feeds(cmd.Context())
			if err != nil {
				return err
			}
			return a.writeXML(func(w io.Writer) error { return opml.Write(w, list, a.now()) })
		},
	}
	c.Flags().BoolVar(&state, "state", false, "write subscriptions, read, starred and reading positions as JSON (see README, \"Moving your history\")")
	return c
}
