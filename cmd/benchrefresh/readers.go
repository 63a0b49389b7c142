package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// reader is one news reader under test: how to give it the workload's
// feeds in an empty home, and the commands of each figure.
type reader struct {
	name string
	bin  string
	// setup subscribes a fresh home (dir) to the feeds.
	setup func(bin, dir string, w *workload) error
	// cmds are the commands (arguments after the binary) of each figure
	// the reader has, by figure key.
	cmds map[string][]string
	// env is the environment of every command in dir.
	env func(dir string) []string
}

// Figure keys.
const (
	figFirst     = "first"
	figUnchanged = "unchanged"
	figHelp      = "help"
	figList      = "list"
	figFeeds     = "feeds"
)

func xdgEnv(dir string) []string {
	return append(os.Environ(),
		"HOME="+dir,
		"XDG_CONFIG_HOME="+filepath.Join(dir, "config"),
		"XDG_DATA_HOME="+filepath.Join(dir, "data"),
		"XDG_STATE_HOME="+filepath.Join(dir, "state"),
		"XDG_CACHE_HOME="+filepath.Join(dir, "cache"),
		"LC_ALL=C.UTF-8")
}

// akhbarReader runs akhbar with full_text off and 16 fetches at once.
func akhbarReader(bin string) reader {
	return reader{
		name: "akhbar", bin: bin, env: xdgEnv,
		setup: func(bin, dir string, w *workload) error {
			conf := "[refresh]\nconcurrency = 16\nper_host = 16\nfull_text = false\ninterval = \"0\"\n"
			if err := writeFile(filepath.Join(dir, "config", "akhbar", "config.toml"), conf); err != nil {
				return err
			}
			var b strings.Builder
			b.WriteString(`<?xml version="1.0"?><opml version="2.0"><head><title>bench</title></head><body>`)
			for i := range w.feeds {
				fmt.Fprintf(&b, `<outline type="rss" text="Feed %d" xmlUrl="%s"/>`, i, w.url(i))
			}
			b.WriteString("</body></opml>\n")
			opml := filepath.Join(dir, "feeds.opml")
			if err := writeFile(opml, b.String()); err != nil {
				return err
			}
			return run(bin, xdgEnv(dir), "import", opml)
		},
		cmds: map[string][]string{
			figFirst: {"refresh"}, figUnchanged: {"refresh"},
			figHelp: {"--help"}, figList: {"list", "--limit", "20"}, figFeeds: {"feeds"},
		},
	}
}

// newsraftReader runs newsraft with 16 connections at once.
func newsraftReader(bin string) reader {
	args := func(more ...string) []string {
		return append([]string{"-f", "feeds", "-c", "config", "-d", "db.sqlite3"}, more...)
	}
	return reader{
		name: "newsraft", bin: bin, env: xdgEnv,
		setup: func(_, dir string, w *workload) error {
			conf := "set download-max-connections 16\nset download-max-host-connections 16\n"
			if err := writeFile(filepath.Join(dir, "config"), conf); err != nil {
				return err
			}
			var b strings.Builder
			for i := range w.feeds {
				fmt.Fprintf(&b, "%s \"Feed %d\"\n", w.url(i), i)
			}
			return writeFile(filepath.Join(dir, "feeds"), b.String())
		},
		cmds: map[string][]string{
			figFirst: args("-e", "reload-all"), figUnchanged: args("-e", "reload-all"),
			figHelp: {"-h"}, figFeeds: args("-e", "print-unread-items-count"),
		},
	}
}

// newsboatReader runs newsboat's reload (-x reload).
func newsboatReader(bin string) reader {
	args := func(more ...string) []string {
		return append([]string{"-u", "urls", "-C", "config", "-c", "cache.db"}, more...)
	}
	return reader{
		name: "newsboat", bin: bin, env: xdgEnv,
		setup: func(_, dir string, w *workload) error {
			if err := writeFile(filepath.Join(dir, "config"), "reload-threads 16\n"); err != nil {
				return err
			}
			var b strings.Builder
			for i := range w.feeds {
				b.WriteString(w.url(i) + "\n")
			}
			return writeFile(filepath.Join(dir, "urls"), b.String())
		},
		cmds: map[string][]string{
			figFirst: args("-x", "reload"), figUnchanged: args("-x", "reload"),
			figHelp: {"-h"}, figFeeds: args("-x", "print-unread"),
		},
	}
}

func writeFile(path, text string) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, []byte(text), 0o644)
}

// run runs bin with args and env, failing with its output when it fails.
func run(bin string, env []string, args ...string) error {
	c := exec.Command(bin, args...)
	c.Env = env
	if out, err := c.CombinedOutput(); err != nil {
		return fmt.Errorf("%s %s: %w\n%s", bin, strings.Join(args, " "), err, out)
	}
	return nil
}
