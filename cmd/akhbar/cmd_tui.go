package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/cache"
	"github.com/akhbar/akhbar/feed/demo"
	"github.com/akhbar/akhbar/feed/service"
	"github.com/akhbar/akhbar/tui"
)

func (a *app) demoCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "demo",
		Short: "Open the built-in demo edition (served from inside akhbar, no network needed)",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return a.runTUI(cmd.Context(), true) },
	}
}

// runTUI opens the TUI on the cache, or on the demo edition when asked or
// when there are no subscriptions yet.
func (a *app) runTUI(ctx context.Context, forceDemo bool) error {
	st, err := a.openStore()
	if err != nil {
		return err
	}
	feeds, err := st.Feeds(ctx)
	if err != nil {
		return err
	}
	opts, err := a.tuiOptions()
	if err != nil {
		return err
	}
	if forceDemo || len(feeds) == 0 {
		return a.runDemo(ctx, opts)
	}
	accounts, err := st.Accounts(ctx)
	if err != nil {
		return err
	}
	opts.SyncOnStart = len(accounts) > 0
	opts.Accounts = map[int64]string{}
	for _, acc := range accounts {
		opts.Accounts[acc.ID] = accountName(acc.URL)
	}
	return a.runProgram(ctx, a.tuiDeps(st, a.svc), opts)
}

// runDemo serves the demo edition on loopback and reads it through the
// whole real pipeline, into a throwaway cache so the user's stays clean.
// Everything it starts is stopped and removed on the way out, and a
// failure to do so is reported with the rest.
func (a *app) runDemo(ctx context.Context, opts tui.Options) (err error) {
	srv, err := demo.Start()
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	defer func() { err = errors.Join(err, srv.Close()) }()
	dir, err := os.MkdirTemp("", "akhbar-demo-")
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	defer func() { err = errors.Join(err, os.RemoveAll(dir)) }()
	st, err := cache.Open(filepath.Join(dir, "demo.db"))
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	defer func() { err = errors.Join(err, st.Close()) }()
	for _, f := range srv.Feeds() {
		if _, err := st.AddFeed(ctx, feed.Feed{URL: f.URL, Title: f.Title}); err != nil {
			return fmt.Errorf("demo: %w", err)
		}
	}
	opts.Demo = true
	opts.RefreshOnStart = true
	return a.runProgram(ctx, a.tuiDeps(st, a.newService(st)), opts)
}

// runProgram runs the TUI until the user quits. When it returns, the
// TUI's work has ended (or was cancelled a second ago), so the caller may
// close the cache, the log and the demo folder.
func (a *app) runProgram(ctx context.Context, d tui.Deps, o tui.Options) error {
	return tui.Run(ctx, d, o)
}

func (a *app) tuiOptions() (tui.Options, error) {
	mode, err := bidiSetting("", a.cfg.Display.Bidi, true, os.Getenv)
	if err != nil {
		return tui.Options{}, err
	}
	shape, err := shapeSetting("", a.cfg.Display.Shape)
	if err != nil {
		return tui.Options{}, err
	}
	probe := a.cfg.Display.Bidi == "" || a.cfg.Display.Bidi == "auto"
	lang, digits := a.cfg.language(os.Getenv)
	// Every mode but "off" shows images as half blocks for now: the
	// graphics protocols (kitty, sixel, iTerm2) are not drawn yet.
	images := a.cfg.Display.Images != "off"
	return tui.Options{Bidi: mode, ProbeBidi: probe, Shape: shape, Theme: a.cfg.Display.Theme, Images: images,
		AutoRefresh: a.interval, Keys: a.cfg.keyMap(), Settings: a.settings, Lang: lang, Digits: digits}, nil
}

// tuiDeps connects the TUI to the cache, the service over it and the
// browser.
func (a *app) tuiDeps(st *cache.Store, svc *service.Service) tui.Deps {
	return tui.Deps{Store: st, Service: svc, Open: openBrowser, Now: a.now}
}
