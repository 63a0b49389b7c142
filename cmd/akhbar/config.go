package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/adrg/xdg"

	"github.com/akhbar/akhbar/tui"
)

// Config is the user's config.toml. DESIGN.md lists the keys scripts rely
// on; README.md documents every key.
type Config struct {
	Refresh RefreshConfig `toml:"refresh"`
	Display DisplayConfig `toml:"display"`
	UI      UIConfig      `toml:"ui"`
	// Keys rebinds actions: action name → keys, e.g. open = ["enter", "l"].
	Keys map[string][]string `toml:"keys"`
}

// RefreshConfig controls fetching.
type RefreshConfig struct {
	Concurrency int    `toml:"concurrency"`
	PerHost     int    `toml:"per_host"`
	FullText    bool   `toml:"full_text"`
	Interval    string `toml:"interval"`
	Timeout     string `toml:"timeout"`
}

// DisplayConfig controls rendering.
type DisplayConfig struct {
	Bidi  string `toml:"bidi"`
	Shape string `toml:"shape"`
	Theme string `toml:"theme"`
}

// UIConfig controls the interface.
type UIConfig struct {
	Language string `toml:"language"`
	Browser  string `toml:"browser"`
}

// defaultConfig is what an absent config file means.
func defaultConfig() Config {
	return Config{
		Refresh: RefreshConfig{Concurrency: 16, PerHost: 4, FullText: true, Interval: "30m", Timeout: "30s"},
		Display: DisplayConfig{Bidi: "auto", Shape: "auto", Theme: "auto"},
		UI:      UIConfig{Language: "auto"},
	}
}

// loadConfig reads the config file at path (a missing file is the
// defaults). Unknown keys and bad values are errors that name the key.
func loadConfig(path string) (Config, error) {
	c := defaultConfig()
	md, err := toml.DecodeFile(path, &c)
	if errors.Is(err, fs.ErrNotExist) {
		return c, nil
	}
	if err != nil {
		return c, fmt.Errorf("config %s: %w", path, err)
	}
	if keys := md.Undecoded(); len(keys) > 0 {
		names := make([]string, len(keys))
		for i, k := range keys {
			names[i] = k.String()
		}
		return c, fmt.Errorf("config %s: unknown key(s): %s", path, strings.Join(names, ", "))
	}
	return c, c.validate(path)
}

func (c Config) validate(path string) error {
	check := func(key, v string, allowed ...string) error {
		for _, a := range allowed {
			if v == a {
				return nil
			}
		}
		return fmt.Errorf("config %s: %s = %q: want one of %s", path, key, v, strings.Join(allowed, ", "))
	}
	if _, err := c.interval(); err != nil {
		return fmt.Errorf("config %s: refresh.interval: %w", path, err)
	}
	if _, err := c.timeout(); err != nil {
		return fmt.Errorf("config %s: refresh.timeout: %w", path, err)
	}
	if c.Refresh.Concurrency < 1 || c.Refresh.PerHost < 1 {
		return fmt.Errorf("config %s: refresh.concurrency and refresh.per_host must be at least 1", path)
	}
	keys := tui.DefaultKeyMap()
	keysErr := keys.Rebind(c.Keys)
	if keysErr != nil {
		keysErr = fmt.Errorf("config %s: %w", path, keysErr)
	}
	return errors.Join(
		keysErr,
		check("display.bidi", c.Display.Bidi, "auto", "visual", "logical"),
		check("display.shape", c.Display.Shape, "auto", "on", "off"),
		check("display.theme", c.Display.Theme, "auto", "dark", "light"),
		check("ui.language", c.UI.Language, "auto", "ar", "fa", "he", "en"),
	)
}

// keyMap is the default key map with the user's [keys] applied (validate
// has reported any problem with them).
func (c Config) keyMap() *tui.KeyMap {
	keys := tui.DefaultKeyMap()
	if err := keys.Rebind(c.Keys); err != nil {
		return nil // unreachable after validate: fall back to the defaults
	}
	return &keys
}

func (c Config) interval() (time.Duration, error) {
	if c.Refresh.Interval == "" || c.Refresh.Interval == "0" {
		return 0, nil
	}
	return time.ParseDuration(c.Refresh.Interval)
}

func (c Config) timeout() (time.Duration, error) {
	if c.Refresh.Timeout == "" {
		return 30 * time.Second, nil
	}
	return time.ParseDuration(c.Refresh.Timeout)
}

// Paths are where akhbar keeps its files (XDG base directories).
type Paths struct {
	Config string // config.toml
	Data   string // the folder of the SQLite cache
	State  string // the folder of logs
}

// defaultPaths follows XDG; the environment is read at call time so tests
// can point XDG_* at temporary folders.
func defaultPaths() Paths {
	xdg.Reload()
	return Paths{
		Config: filepath.Join(xdg.ConfigHome, "akhbar", "config.toml"),
		Data:   filepath.Join(xdg.DataHome, "akhbar"),
		State:  filepath.Join(xdg.StateHome, "akhbar"),
	}
}

// cachePath is the SQLite file, its folder created when missing.
func (p Paths) cachePath() (string, error) {
	if err := os.MkdirAll(p.Data, 0o700); err != nil {
		return "", fmt.Errorf("create data folder: %w", err)
	}
	return filepath.Join(p.Data, "cache.db"), nil
}
