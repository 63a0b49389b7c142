package main

import (
	"fmt"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/akhbar/akhbar/render"
)

// logger is akhbar's log, $XDG_STATE_HOME/akhbar/akhbar.log, opened on
// first use. It records what failed in the background (feeds, accounts,
// pages), which the TUI only sums up. When the file cannot be opened,
// logging goes nowhere rather than into the terminal. The caller holds
// logMu.
func (a *app) logger() *slog.Logger {
	if a.log != nil {
		return a.log
	}
	a.log = slog.New(slog.DiscardHandler)
	if err := os.MkdirAll(a.paths.State, 0o700); err != nil {
		return a.log
	}
	f, err := os.OpenFile(filepath.Join(a.paths.State, "akhbar.log"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return a.log
	}
	a.logFile = f
	a.log = slog.New(slog.NewTextHandler(f, nil))
	return a.log
}

// logFailure records one failed feed, account or page. Text from the
// network is sanitised: people read logs in terminals too.
func (a *app) logFailure(what, url string, err error) {
	a.logMu.Lock()
	defer a.logMu.Unlock()
	a.logger().Warn(what+" failed", "url", render.SanitizeLine(url), "error", render.SanitizeLine(err.Error()))
}

func (a *app) closeLog() {
	a.logMu.Lock()
	defer a.logMu.Unlock()
	if a.logFile == nil {
		return
	}
	if err := a.logFile.Close(); err != nil {
		fmt.Fprintln(a.stderr, "akhbar: close log:", err)
	}
}
