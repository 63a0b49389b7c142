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
	c, warnings, err := loadConfig(filepath.Join(t.TempDir(), "none.toml"))
	if err != nil || len(warnings) > 0 {
		t.Fatal(err)
	}
	if c.Refresh.Concurrency != 16 || c.Refresh.PerHost != 4 || !c.Refresh.FullText || c.Display.Bidi != "auto" {
		t.Fatalf("defaults = %+v", c)
	}
	if d, err := c.interval(); err != nil || d != 30*time.Minute {
		t.Fatalf("interval = %v, %v", d, err)
	}
}

func TestConfigWarnings(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"unknown key", "[display]\nbidirectional = \"visual\"\n", ":2: display.bidirectional: unknown key"},
		{"unknown table", "\n[colours]\nred = 1\n", ":2: colours: unknown key"},
		{"bad bidi", "[display]\nbidi = \"sideways\"\n", `:2: display.bidi: "sideways" is not one of auto, visual, logical`},
		{"wrong type", "[refresh]\nconcurrency = \"many\"\n", ":2: refresh.concurrency: want an integer, not a String"},
		{"bad interval", "[refresh]\ninterval = \"soon\"\n", `:2: refresh.interval: "soon" is not a duration`},
		{"interval under a minute", "[refresh]\ninterval = \"10s\"\n", `:2: refresh.interval: "10s" is under a minute`},
		{"negative timeout", "[refresh]\ntimeout = \"-5s\"\n", `:2: refresh.timeout: "-5s": want a duration above 0`},
		{"absurd concurrency", "[refresh]\nconcurrency = 100000\n", ":2: refresh.concurrency: 100000 is outside 1–64"},
		{"zero concurrency", "[refresh]\nconcurrency = 0\n", ":2: refresh.concurrency: 0 is outside 1–64"},
		{"unknown action", "[keys]\nteleport = [\"t\"]\n", `:2: keys.teleport: unknown action "teleport"`},
		{"conflict", "[keys]\nopen = [\"enter\", \"s\"]\n", `"s" is bound to both open and star`},
		{"feed dir", "[feeds.\"https://x/rss\"]\ndir = \"up\"\n", `:2: feeds."https://x/rss".dir: "up" is not one of auto, rtl, ltr`},
		{"feed keep_days", "[feeds.\"https://x/rss\"]\nkeep_days = -1\n", `:2: feeds."https://x/rss".keep_days: -1 is outside`},
		{"feed unknown key", "[feeds.\"https://x/rss\"]\ncolour = \"red\"\n", `:2: feeds."https://x/rss".colour: unknown key`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := writeTemp(t, tt.text)
			c, warnings, err := loadConfig(path)
			if err != nil {
				t.Fatalf("loadConfig: %v; want a warning only", err)
			}
			if len(warnings) != 1 || !strings.HasPrefix(warnings[0], path+":") || !strings.Contains(warnings[0], tt.want) {
				t.Fatalf("warnings %q, want one containing %q", warnings, tt.want)
			}
			def := defaultConfig()
			if c.Refresh != def.Refresh || c.Display != def.Display || c.UI != def.UI || len(c.Keys) != 0 {
				t.Fatalf("config %+v: want the defaults", c)
			}
			if s, err := c.Feeds["https://x/rss"].settings(); err != nil {
				t.Fatalf("feed settings after a warning: %+v, %v", s, err)
			}
		})
	}
}

func TestConfigEveryProblemAtOnce(t *testing.T) {
	path := writeTemp(t, `# three typos, one good key
[display]
bidi = "visual"
shape = "of"

[refresh]
intervall = "1h"
timeout = "-1s"
per_host = 2
`)
	c, warnings, err := loadConfig(path)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{":4: display.shape", ":7: refresh.intervall", ":8: refresh.timeout"}
	if len(warnings) != len(want) {
		t.Fatalf("warnings %q, want %d", warnings, len(want))
	}
	for i, w := range want {
		if !strings.Contains(warnings[i], w) {
			t.Errorf("warning %d = %q, want %q", i, warnings[i], w)
		}
	}
	if c.Display.Bidi != "visual" || c.Refresh.PerHost != 2 || c.Display.Shape != "auto" || c.Refresh.Timeout != "30s" {
		t.Fatalf("config %+v: want the good keys kept and defaults for the bad", c)
	}
}

func TestConfigNotTOML(t *testing.T) {
	if _, _, err := loadConfig(writeTemp(t, "[display\nbidi = visual\n")); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Fatalf("error %v, want one naming line 2", err)
	}
}

func TestConfigKeysRebind(t *testing.T) {
	c, warnings, err := loadConfig(writeTemp(t, "[keys]\nquit = [\"x\"]\nopen = [\"enter\", \"o\"]\nopen_browser = [\"O\"]\n"))
	if err != nil || len(warnings) > 0 {
		t.Fatal(err)
	}
	k := c.keyMap()
	if k == nil || strings.Join(k.Quit.Keys(), ",") != "x" || strings.Join(k.Open.Keys(), ",") != "enter,o" {
		t.Fatalf("keys not rebound: %+v", k)
	}
}

func TestConfigFeedSettings(t *testing.T) {
	c, warnings, err := loadConfig(writeTemp(t, `
[feeds."https://example.com/rss"]
name = "مثال"
folder = "عربي"
interval = "2h"
full_text = false
dir = "rtl"
keep_days = 30
`))
	if err != nil || len(warnings) > 0 {
		t.Fatal(err, warnings)
	}
	s := c.feedSettings()["https://example.com/rss"]
	if s.Name != "مثال" || s.Folder != "عربي" || s.Interval != 2*time.Hour || s.FullText == nil || *s.FullText || s.Dir != "rtl" || s.KeepDays != 30 {
		t.Fatalf("settings = %+v", s)
	}
}
