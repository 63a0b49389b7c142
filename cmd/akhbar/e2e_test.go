package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/akhbar/akhbar/feed/feedtest"
)

// binary is the akhbar binary built once for the end-to-end tests.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "akhbar-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "akhbar")
	build := exec.Command("go", "build", "-o", binary, ".")
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "e2e: go build: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	if err := os.RemoveAll(dir); err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
	}
	os.Exit(code)
}

// fixtureServer serves testdata/e2e with {{BASE}} replaced by its URL.
func fixtureServer(t *testing.T) *feedtest.Server {
	t.Helper()
	srv := feedtest.NewServer(t)
	base := strings.TrimSuffix(srv.URL("/"), "/")
	types := map[string]string{".xml": "application/rss+xml; charset=utf-8", ".html": "text/html; charset=utf-8"}
	files, err := filepath.Glob("testdata/e2e/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		body, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		body = bytes.ReplaceAll(body, []byte("{{BASE}}"), []byte(base))
		srv.Handle("/"+filepath.Base(f), feedtest.Route{Body: body, ContentType: types[filepath.Ext(f)]})
	}
	return srv
}

// xdgEnv points every XDG folder at a fresh temporary one.
func xdgEnv(t *testing.T) []string {
	dir := t.TempDir()
	return []string{
		"XDG_CONFIG_HOME=" + filepath.Join(dir, "config"),
		"XDG_DATA_HOME=" + filepath.Join(dir, "data"),
		"XDG_STATE_HOME=" + filepath.Join(dir, "state"),
		"XDG_CACHE_HOME=" + filepath.Join(dir, "cache"),
	}
}

// akhbar runs the binary with env and returns stdout, failing on error.
func akhbar(t *testing.T, env []string, args ...string) string {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("akhbar %s: %v\nstderr: %s", strings.Join(args, " "), err, stderr.String())
	}
	return stdout.String()
}

func TestTUIOpenArticleAndBack(t *testing.T) {
	srv := fixtureServer(t)
	env := xdgEnv(t)
	akhbar(t, env, "add", srv.URL("/feed.xml"))
	akhbar(t, env, "refresh")

	term := startTmux(t, env, 100, 30, binary)
	term.waitFor("Night trains return to the coast line")
	term.send("Down", "Enter") // the list is newest first: the trains story is second
	term.waitFor("sleeper cars were rebuilt")
	term.send("Escape")
	term.waitGone("sleeper cars were rebuilt")
	term.waitFor("Night trains return to the coast line")
	term.send("q")
	term.waitExit()
}
