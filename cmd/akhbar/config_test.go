package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func writeTemp(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestConfigDefaultsWhenMissing(t *testing.T) {
	c, err := loadConfig(filepath.Join(t.TempDir(), "none.toml"))
	if err != nil {
		t.Fatal(err)
	}
	if c.Refresh.Concurrency != 16 || c.Refresh.PerHost != 4 || !c.Refresh.FullText || c.Display.Bidi != "auto" {
		t.Fatalf("defaults = %+v", c)
	}
	if d, err := c.interval(); err != nil || d != 30*time.Minute {
		t.Fatalf("interval = %v, %v", d, err)
	}
}

func TestConfigErrors(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"unknown key", "[display]\nbidirectional = \"visual\"\n", "unknown key(s): display.bidirectional"},
		{"bad bidi", "[display]\nbidi = \"sideways\"\n", `display.bidi = "sideways"`},
		{"bad interval", "[refresh]\ninterval = \"soon\"\n", "refresh.interval"},
		{"zero concurrency", "[refresh]\nconcurrency = 0\n", "at least 1"},
		{"unknown action", "[keys]\nteleport = [\"t\"]\n", `unknown action "teleport"`},
		{"conflict", "[keys]\nopen = [\"enter\", \"s\"]\n", `"s" is bound to both open and star`},
		{"not toml", "[display\n", "config"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loadConfig(writeTemp(t, tt.text))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error %v, want one containing %q", err, tt.want)
			}
		})
	}
}

func TestConfigKeysRebind(t *testing.T) {
	c, err := loadConfig(writeTemp(t, "[keys]\nquit = [\"x\"]\nopen = [\"enter\", \"o\"]\nopen_browser = [\"O\"]\n"))
	if err != nil {
		t.Fatal(err)
	}
	k := c.keyMap()
	if k == nil || strings.Join(k.Quit.Keys(), ",") != "x" || strings.Join(k.Open.Keys(), ",") != "enter,o" {
		t.Fatalf("keys not rebound: %+v", k)
	}
}

func TestConfigFeedSettings(t *testing.T) {
	c, err := loadConfig(writeTemp(t, `
[feeds."https://example.com/rss"]
name = "مثال"
folder = "عربي"
interval = "2h"
full_text = false
dir = "rtl"
keep_days = 30
`))
	if err != nil {
		t.Fatal(err)
	}
	s := c.feedSettings()["https://example.com/rss"]
	if s.Name != "مثال" || s.Folder != "عربي" || s.Interval != 2*time.Hour || s.FullText == nil || *s.FullText || s.Dir != "rtl" || s.KeepDays != 30 {
		t.Fatalf("settings = %+v", s)
	}
	for _, bad := range []string{`dir = "up"`, `interval = "often"`, `keep_days = -1`, `colour = "red"`} {
		if _, err := loadConfig(writeTemp(t, "[feeds.\"https://x/rss\"]\n"+bad+"\n")); err == nil {
			t.Errorf("%s: no error", bad)
		}
	}
}
