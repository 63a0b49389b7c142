package main

import (
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/adrg/xdg"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/tui"
	"github.com/akhbar/akhbar/tui/i18n"
)

// Config is the user's config.toml. DESIGN.md lists the keys scripts rely
// on; README.md documents every key.
type Config struct {
	Refresh RefreshConfig `toml:"refresh"`
	Display DisplayConfig `toml:"display"`
	UI      UIConfig      `toml:"ui"`
	// Keys rebinds actions: action name → keys, e.g. open = ["enter", "l"].
	Keys map[string][]string `toml:"keys"`
	// Feeds holds per-feed settings by feed URL.
	Feeds map[string]FeedConfig `toml:"feeds"`
	// Accounts holds sync accounts' credentials by server URL.
	Accounts map[string]AccountConfig `toml:"accounts"`
}

// FeedConfig is one [feeds."URL"] table.
type FeedConfig struct {
	Name      string `toml:"name"`
	Folder    string `toml:"folder"`
	Interval  string `toml:"interval"`
	FullText  *bool  `toml:"full_text"`
	Dir       string `toml:"dir"` // auto | rtl | ltr
	KeepDays  int    `toml:"keep_days"`
	KeepItems int    `toml:"keep_items"`
}

// settings turns the table into feed.Settings.
func (fc FeedConfig) settings() (feed.Settings, error) {
	s := feed.Settings{Name: fc.Name, Folder: fc.Folder, FullText: fc.FullText, KeepDays: fc.KeepDays, KeepItems: fc.KeepItems}
	switch fc.Dir {
	case "", "auto":
	case "rtl", "ltr":
		s.Dir = feed.Dir(fc.Dir)
	default:
		return s, fmt.Errorf("dir = %q: want auto, rtl or ltr", fc.Dir)
	}
	if fc.Interval != "" {
		d, err := time.ParseDuration(fc.Interval)
		if err != nil || d < 0 {
			return s, fmt.Errorf("interval = %q: want a duration like \"2h\"", fc.Interval)
		}
		s.Interval = d
	}
	if fc.KeepDays < 0 || fc.KeepItems < 0 {
		return s, fmt.Errorf("keep_days and keep_items must not be negative")
	}
	return s, nil
}

// feedSettings are the per-feed settings by feed URL (loadConfig has
// reset any bad value to its default).
func (c Config) feedSettings() map[string]feed.Settings {
	out := make(map[string]feed.Settings, len(c.Feeds))
	for url, fc := range c.Feeds {
		if s, err := fc.settings(); err == nil {
			out[url] = s
		}
	}
	return out
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
	// Images is how the reader shows pictures: auto | kitty | sixel |
	// iterm | blocks | off. With "off" no image is fetched either.
	Images string `toml:"images"`
}

// UIConfig controls the interface.
type UIConfig struct {
	Language string `toml:"language"` // auto | ar | fa | he | en
	Digits   string `toml:"digits"`   // auto | latin | arabic | persian
}

// defaultConfig is what an absent config file means.
func defaultConfig() Config {
	return Config{
		Refresh: RefreshConfig{Concurrency: 16, PerHost: 4, FullText: true, Interval: "30m", Timeout: "30s"},
		Display: DisplayConfig{Bidi: "auto", Shape: "auto", Theme: "auto", Images: "auto"},
		UI:      UIConfig{Language: "auto", Digits: "auto"},
	}
}

// keyMap is the default key map with the user's [keys] applied
// (loadConfig kept only rebindings that apply).
func (c Config) keyMap() *tui.KeyMap {
	keys := tui.DefaultKeyMap()
	if err := keys.Rebind(c.Keys); err != nil {
		return nil // unreachable after loadConfig: fall back to the defaults
	}
	return &keys
}

// language is the UI language and its digits: the config's, else the
// environment's (LC_ALL, LC_MESSAGES, LANG).
func (c Config) language(getenv func(string) string) (i18n.Lang, i18n.Digits) {
	lang := i18n.FromEnv(getenv)
	if l, err := i18n.Parse(c.UI.Language); err == nil {
		lang = l
	}
	digits := lang.DefaultDigits()
	if d, err := i18n.ParseDigits(c.UI.Digits); err == nil {
		digits = d
	}
	return lang, digits
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
