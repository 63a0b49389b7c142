package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// akhbarWarns runs the binary, failing unless it succeeds, and returns
// its stdout and stderr.
func akhbarWarns(t *testing.T, env []string, args ...string) (string, string) {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("akhbar %s: %v\nstderr: %s", strings.Join(args, " "), err, stderr.String())
	}
	return stdout.String(), stderr.String()
}

// TestConfigTyposWarnEveryOne: a config with several typos and values out
// of range does not stop any command; each problem is named once, with
// the file and line, and the rest of the file applies.
func TestConfigTyposWarnEveryOne(t *testing.T) {
	srv := fixtureServer(t)
	env := xdgEnv(t)
	writeConfig(t, env, `[display]
bidi = "visual"
shpe = "off"

[refresh]
interval = "5s"
timeout = "-10s"
concurrency = 1000000
per_host = "four"

[ui]
langauge = "ar"
`)
	path := filepath.Join(envValue(env, "XDG_CONFIG_HOME"), "akhbar", "config.toml")
	_, stderr := akhbarWarns(t, env, "add", srv.URL("/feed.xml"))
	want := []string{
		path + ":3: display.shpe: unknown key",
		path + `:6: refresh.interval: "5s" is under a minute`,
		path + `:7: refresh.timeout: "-10s": want a duration above 0`,
		path + ":8: refresh.concurrency: 1000000 is outside 1–64",
		path + ":9: refresh.per_host: want an integer",
		path + ":12: ui.langauge: unknown key",
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	if len(lines) != len(want) {
		t.Fatalf("stderr has %d lines, want %d warnings:\n%s", len(lines), len(want), stderr)
	}
	for i, w := range want {
		if !strings.Contains(lines[i], w) {
			t.Errorf("warning %d = %q, want it to contain %q", i+1, lines[i], w)
		}
	}
	akhbarWarns(t, env, "refresh")
	out, _ := akhbarWarns(t, env, "list", "--json")
	var items []json.RawMessage
	if err := json.Unmarshal([]byte(out), &items); err != nil || len(items) != 2 {
		t.Fatalf("list --json with a config full of typos: %d items, %v\n%s", len(items), err, out)
	}
}

// TestConfigNotTOMLStops: only a file that is not TOML at all stops a
// command, with its line.
func TestConfigNotTOMLStops(t *testing.T) {
	env := xdgEnv(t)
	writeConfig(t, env, "[display]\nbidi = logical\n")
	if msg := akhbarFails(t, env, "feeds"); !strings.Contains(msg, "config.toml") || !strings.Contains(msg, "line 2") {
		t.Fatalf("error %q, want the file and line 2", msg)
	}
}
