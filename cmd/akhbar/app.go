package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"time"

	"github.com/charmbracelet/x/term"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/cache"
	"github.com/akhbar/akhbar/feed/fetch"
	"github.com/akhbar/akhbar/render"
)

// app is what every command shares: paths, configuration, output streams
// and the cache and HTTP client, opened on first use.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	paths          Paths
	configPath     string
	noColor        bool
	cfg            Config
	settings       map[string]feed.Settings // per feed URL, from cfg
	timeout        time.Duration            // per request, from cfg
	interval       time.Duration            // auto-refresh, from cfg
	store          *cache.Store
	client         *fetch.Client
	log            *slog.Logger // see logger
	logFile        *os.File
	now            func() time.Time
	lines          *render.Options // see lineOptions
}

func newApp(stdin io.Reader, stdout, stderr io.Writer) *app {
	return &app{stdin: stdin, stdout: stdout, stderr: stderr, paths: defaultPaths(), now: time.Now}
}

// setup loads the configuration; every command runs it first.
func (a *app) setup() error {
	path := a.configPath
	if path == "" {
		path = a.paths.Config
	}
	cfg, err := loadConfig(path)
	if err != nil {
		return err
	}
	a.cfg = cfg
	a.settings = cfg.feedSettings()
	if a.timeout, err = cfg.timeout(); err != nil {
		return err
	}
	a.interval, err = cfg.interval()
	return err
}

// openStore opens the cache once.
func (a *app) openStore() (*cache.Store, error) {
	if a.store != nil {
		return a.store, nil
	}
	path, err := a.paths.cachePath()
	if err != nil {
		return nil, err
	}
	st, err := cache.Open(path)
	if err != nil {
		return nil, err
	}
	a.store = st
	if moved := st.Recovered(); moved != "" {
		fmt.Fprintf(a.stderr, "akhbar: the cache was damaged; moved it to %s and started a fresh one\n", moved)
	}
	if err := a.applyFolders(context.Background(), st); err != nil {
		return nil, err
	}
	return st, nil
}

// applyFolders moves subscribed feeds into the folders config.toml names
// for them. It subscribes to nothing.
func (a *app) applyFolders(ctx context.Context, st feed.Store) error {
	if len(a.settings) == 0 {
		return nil
	}
	feeds, err := st.Feeds(ctx)
	if err != nil {
		return err
	}
	for _, f := range feeds {
		s, ok := a.settings[f.URL]
		if !ok || s.Folder == "" || s.Folder == f.Folder {
			continue
		}
		f.Folder = s.Folder
		if _, err := st.AddFeed(ctx, f); err != nil {
			return fmt.Errorf("apply folder of %s: %w", f.URL, err)
		}
	}
	return nil
}

// httpClient builds the one HTTP client from the configuration.
func (a *app) httpClient() *fetch.Client {
	if a.client == nil {
		a.client = fetch.New(fetch.Options{Timeout: a.timeout, PerHost: a.cfg.Refresh.PerHost, UserAgent: userAgent})
	}
	return a.client
}

func (a *app) close() {
	a.closeLog()
	if a.store != nil {
		if err := a.store.Close(); err != nil {
			fmt.Fprintln(a.stderr, "akhbar: close cache:", err)
		}
	}
}

// color reports whether stdout may carry escape sequences: a terminal,
// without NO_COLOR or --no-color.
func (a *app) color() bool {
	if a.noColor || os.Getenv("NO_COLOR") != "" {
		return false
	}
	f, ok := a.stdout.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// stdoutIsTerminal reports whether stdout is a terminal.
func (a *app) stdoutIsTerminal() bool {
	f, ok := a.stdout.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// termWidth is the width of stdout when it is a terminal, else 80.
func (a *app) termWidth() int {
	if f, ok := a.stdout.(*os.File); ok && term.IsTerminal(f.Fd()) {
		if w, _, err := term.GetSize(f.Fd()); err == nil && w > 0 {
			return w
		}
	}
	return 80
}

// feedByURL finds a subscription or says there is none.
func (a *app) feedByURL(ctx context.Context, st feed.Store, url string) (feed.Feed, error) {
	f, err := st.FeedByURL(ctx, url)
	if err != nil {
		return f, fmt.Errorf("feed %s: %w", url, err)
	}
	return f, nil
}

const userAgent = "akhbar/0.1 (+terminal news reader)"
