package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/akhbar/akhbar/feed/cache"
	"github.com/akhbar/akhbar/feed/feedtest"
)

// akhbarFails runs the binary expecting exit status 1 and returns stderr.
func akhbarFails(t *testing.T, env []string, args ...string) string {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	if exit, ok := err.(*exec.ExitError); !ok || exit.ExitCode() != 1 {
		t.Fatalf("akhbar %s: %v, want exit status 1\nstdout: %s", strings.Join(args, " "), err, stdout.String())
	}
	if n := strings.Count(strings.TrimRight(stderr.String(), "\n"), "\n"); n != 0 {
		t.Fatalf("error message is %d lines, want one:\n%s", n+1, stderr.String())
	}
	return stderr.String()
}

func TestAddByAutodiscovery(t *testing.T) {
	srv := fixtureServer(t)
	env := xdgEnv(t)
	out := akhbar(t, env, "add", srv.URL("/index.html"))
	if !strings.Contains(out, srv.URL("/feed.xml")) {
		t.Fatalf("add of a page did not subscribe to the feed it announces:\n%s", out)
	}
	if feeds := akhbar(t, env, "feeds"); !strings.Contains(feeds, "نشرة الاختبار") {
		t.Fatalf("feeds:\n%s", feeds)
	}
	msg := akhbarFails(t, env, "add", srv.URL("/nofeed.html"))
	if !strings.Contains(msg, "announces no feed") {
		t.Fatalf("add of a page without a feed: %q", msg)
	}
	if msg := akhbarFails(t, env, "add", "ftp://example.com/feed"); !strings.Contains(msg, "not an http or https URL") {
		t.Fatalf("add of an ftp URL: %q", msg)
	}
}

func TestOPMLRoundTripThroughTheCLI(t *testing.T) {
	srv := fixtureServer(t)
	env := xdgEnv(t)
	akhbar(t, env, "add", srv.URL("/feed.xml"), "--folder", "عربي/محلي")
	akhbar(t, env, "add", srv.URL("/feed2.xml"))
	exported := akhbar(t, env, "export")
	path := filepath.Join(t.TempDir(), "subs.opml")
	if err := os.WriteFile(path, []byte(exported), 0o644); err != nil {
		t.Fatal(err)
	}
	other := xdgEnv(t)
	if out := akhbar(t, other, "import", path); !strings.Contains(out, "Imported 2 feed(s)") {
		t.Fatalf("import:\n%s", out)
	}
	if again := akhbar(t, other, "export"); stripDate(again) != stripDate(exported) {
		t.Fatalf("export after import differs:\n%s\nwant:\n%s", again, exported)
	}
}

// stripDate drops the export's dateCreated line.
func stripDate(opml string) string {
	var keep []string
	for _, l := range strings.Split(opml, "\n") {
		if !strings.Contains(l, "dateCreated") {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, "\n")
}

func TestUsageErrorsExitOne(t *testing.T) {
	env := xdgEnv(t)
	for _, args := range [][]string{{"read"}, {"list", "--limit", "-3"}, {"frobnicate"}, {"read", "no-such-id"}} {
		akhbarFails(t, env, args...)
	}
}

func TestRefreshFailuresAreLogged(t *testing.T) {
	srv := fixtureServer(t)
	env := xdgEnv(t)
	akhbar(t, env, "add", srv.URL("/feed.xml"))
	srv.Handle("/feed.xml", feedtest.Route{Status: 500})
	out := akhbar(t, env, "refresh")
	if !strings.Contains(out, "1 failed") {
		t.Fatalf("refresh:\n%s", out)
	}
	var state string
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, "XDG_STATE_HOME="); ok {
			state = v
		}
	}
	log, err := os.ReadFile(filepath.Join(state, "akhbar", "akhbar.log"))
	if err != nil || !strings.Contains(string(log), srv.URL("/feed.xml")) || !strings.Contains(string(log), "500") {
		t.Fatalf("akhbar.log (%v):\n%s", err, log)
	}
}

// TestRetryAfterShownAndHonoured: a feed answering 429 with Retry-After
// is skipped by the next refresh, and `akhbar feeds` says until when.
func TestRetryAfterShownAndHonoured(t *testing.T) {
	srv := fixtureServer(t)
	env := xdgEnv(t)
	akhbar(t, env, "add", srv.URL("/feed.xml"))
	srv.Handle("/feed.xml", feedtest.Route{Status: 429, Header: map[string][]string{"Retry-After": {"7200"}}})
	akhbar(t, env, "refresh")
	hits := srv.Hits("/feed.xml")
	out := akhbar(t, env, "refresh")
	if srv.Hits("/feed.xml") != hits || !strings.Contains(out, "skipped: the server asked not to be fetched before") {
		t.Errorf("second refresh fetched the feed again (%d → %d hits):\n%s", hits, srv.Hits("/feed.xml"), out)
	}
	if feeds := akhbar(t, env, "feeds"); !strings.Contains(feeds, "waiting: the server asked not to be fetched before") {
		t.Errorf("feeds does not say the feed is waiting:\n%s", feeds)
	}
}

// TestCacheRepairCommand: `akhbar cache repair` salvages a damaged cache
// into a fresh one and keeps the damaged file aside.
func TestCacheRepairCommand(t *testing.T) {
	env := xdgEnv(t)
	var data string
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, "XDG_DATA_HOME="); ok {
			data = filepath.Join(v, "akhbar")
		}
	}
	if err := os.MkdirAll(data, 0o700); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(data, "cache.db")
	if err := cache.Generate(path, 200, 4); err != nil {
		t.Fatal(err)
	}
	fh, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fh.WriteAt(bytes.Repeat([]byte{0xa5}, 3*4096), 40*4096); err != nil {
		t.Fatal(err)
	}
	if err := fh.Close(); err != nil {
		t.Fatal(err)
	}
	out := akhbar(t, env, "cache", "repair")
	if !strings.Contains(out, "Salvaged 4 feed(s)") || !strings.Contains(out, "cache.db.corrupt-") {
		t.Fatalf("cache repair:\n%s", out)
	}
	if feeds := akhbar(t, env, "feeds"); strings.Count(feeds, "unread /") != 4 {
		t.Errorf("feeds after repair:\n%s", feeds)
	}
}
