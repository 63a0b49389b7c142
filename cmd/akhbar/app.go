package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"sync"
	"time"

	"github.com/charmbracelet/x/term"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/cache"
	"github.com/akhbar/akhbar/feed/fetch"
	"github.com/akhbar/akhbar/feed/service"
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
	svc            *service.Service // over store
	client         *fetch.Client
	logMu          sync.Mutex   // guards log and logFile: failures come from many goroutines
	log            *slog.Logger // see logger
	logFile        *os.File
	now            func() time.Time
	lines          *render.Options // see lineOptions
}

func newApp(stdin io.Reader, stdout, stderr io.Writer) *app {
	return &app{stdin: stdin, stdout: stdout, stderr: stderr, paths: defaultPaths(), now: time.Now}
}

// setup loads the configuration; every command runs it first. Problems
// with single keys are printed as warnings and do not stop the command.
func (a *app) setup() error {
	path := a.configPath
	if path == "" {
		path = a.paths.Config
	}
	cfg, warnings, err := loadConfig(path)
	if err != nil {
		return err
	}
	for _, w := range warnings {
		fmt.Fprintf(a.stderr, "akhbar: warning: %s\n", w)
	}
	a.cfg = cfg
	a.settings = cfg.feedSettings()
	if a.timeout, err = cfg.timeout(); err != nil {
		return err
	}
	a.interval, err = cfg.interval()
	return err
}

// openStore opens the cache, and the service over it, once.
func (a *app) openStore() (*cache.Store, error) {
	if a.store != nil {
		return a.store, nil
	}
	path, err := a.paths.cachePath()
	if err != nil {
		return nil, err
	}
	st, err := cache.OpenWith(path, cache.Options{Now: a.now})
	if err != nil {
		return nil, err
	}
	a.store, a.svc = st, a.newService(st)
	if moved := st.Recovered(); moved != "" {
		sv := st.Salvaged()
		fmt.Fprintf(a.stderr, "akhbar: the cache was damaged; salvaged %d feed(s), %d read/starred state(s) and %d item(s) into a fresh one; the damaged file is at %s\n",
			sv.Feeds, sv.States, sv.Items, a.clean(moved))
	}
	if err := a.svc.ApplyFolders(context.Background()); err != nil {
		return nil, err
	}
	return st, nil
}

// service returns the service over the cache, opening it first.
func (a *app) service() (*service.Service, error) {
	if _, err := a.openStore(); err != nil {
		return nil, err
	}
	return a.svc, nil
}

// newService builds the service over a cache from the configuration.
func (a *app) newService(st *cache.Store) *service.Service {
	return service.New(st, a.httpClient(), service.Options{
		Concurrency:  a.cfg.Refresh.Concurrency,
		PerHost:      a.cfg.Refresh.PerHost,
		FullText:     a.cfg.Refresh.FullText,
		Settings:     a.settings,
		InsecureHTTP: a.insecureHTTP(),
		Failed:       a.logFailure,
		Now:          a.now,
	})
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
func (a *app) feedByURL(ctx context.Context, st *cache.Store, url string) (feed.Feed, error) {
	f, err := st.FeedByURL(ctx, url)
	if err != nil {
		return f, fmt.Errorf("feed %s: %w", url, err)
	}
	return f, nil
}

const userAgent = "akhbar/0.1 (+terminal news reader)"
