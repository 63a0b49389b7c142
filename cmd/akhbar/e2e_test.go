package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/akhbar/akhbar/feed/feedtest"
	"github.com/akhbar/akhbar/render/shape"
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
		"LC_ALL=C.UTF-8", // an English UI, whatever the machine's locale
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

// writeConfig writes a config.toml into the XDG config folder of env.
func writeConfig(t *testing.T, env []string, text string) {
	t.Helper()
	for _, kv := range env {
		if dir, ok := strings.CutPrefix(kv, "XDG_CONFIG_HOME="); ok {
			if err := os.MkdirAll(filepath.Join(dir, "akhbar"), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "akhbar", "config.toml"), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
			return
		}
	}
	t.Fatal("no XDG_CONFIG_HOME in env")
}

// articleRows is the part of a screen between the header and the status
// line.
func articleRows(screen string) []string {
	rows := strings.Split(strings.TrimRight(screen, "\n"), "\n")
	if len(rows) < 3 {
		return nil
	}
	return rows[1 : len(rows)-1]
}

func TestTUIFollowRelatedThenOffline(t *testing.T) {
	srv := fixtureServer(t)
	env := xdgEnv(t)
	writeConfig(t, env, "[display]\nbidi = \"logical\"\n")
	akhbar(t, env, "add", srv.URL("/feed.xml"))
	akhbar(t, env, "refresh")
	if srv.Hits("/culture-2026-museum-manuscripts.html") != 0 {
		t.Fatal("the related page was fetched before anyone followed it")
	}

	term := startTmux(t, env, 100, 30, binary)
	term.waitFor("افتتاح مكتبة المدينة الجديدة")
	term.send("Enter")
	term.waitFor("افتتحت بلدية المدينة")
	term.send("j", "j")
	before := term.waitGone("افتتاح مكتبة المدينة الجديدة بعد ترميم") // scrolled past the title
	term.send("f")
	term.waitFor("Related stories", "متحف الخط العربي يعرض مخطوطات نادرة")
	term.send("Enter")
	term.waitFor("يعرض متحف الخط العربي ابتداء من الأحد", "article › related 4")
	if srv.Hits("/culture-2026-museum-manuscripts.html") != 1 {
		t.Fatalf("the related page was fetched %d times, want once", srv.Hits("/culture-2026-museum-manuscripts.html"))
	}
	term.send("Escape")
	after := term.waitGone("يعرض متحف الخط العربي")
	if b, a := articleRows(before), articleRows(after); strings.Join(b, "\n") != strings.Join(a, "\n") {
		t.Fatalf("back did not land at the same position:\nbefore:\n%s\nafter:\n%s", strings.Join(b, "\n"), strings.Join(a, "\n"))
	}
	term.send("q", "q")
	term.waitExit()

	srv.Close()
	offline := startTmux(t, env, 100, 30, binary)
	offline.waitFor("افتتاح مكتبة المدينة الجديدة")
	offline.send("Enter")
	offline.waitFor("افتتحت بلدية المدينة")
	offline.send("f")
	offline.waitFor("متحف الخط العربي يعرض مخطوطات نادرة")
	offline.send("Enter")
	offline.waitFor("يعرض متحف الخط العربي ابتداء من الأحد")
}

// visualWord is how a terminal without bidi must receive an Arabic word
// for it to read correctly: shaped, its letters in reverse order.
func visualWord(w string) string {
	shaped, _ := shape.Shape([]rune(w))
	for i, j := 0, len(shaped)-1; i < j; i, j = i+1, j-1 {
		shaped[i], shaped[j] = shaped[j], shaped[i]
	}
	return string(shaped)
}

// rowWith returns the first row of screen containing text, and its index.
func rowWith(screen, text string) (string, int) {
	for i, row := range strings.Split(screen, "\n") {
		if strings.Contains(row, text) {
			return row, i
		}
	}
	return "", -1
}

func TestTUIArabicArticleVisualThenLogical(t *testing.T) {
	srv := fixtureServer(t)
	env := xdgEnv(t)
	akhbar(t, env, "add", srv.URL("/feed.xml"))
	akhbar(t, env, "refresh")

	term := startTmux(t, env, 100, 30, binary)
	first, second, third := visualWord("افتتحت"), visualWord("بلدية"), visualWord("المدينة")
	term.waitFor("Night trains")
	term.send("Enter")
	s := term.waitFor(first, "visual")
	row, i := rowWith(s, first)
	body := strings.TrimRight(row, " ")
	if !strings.HasSuffix(body, first) {
		t.Fatalf("the paragraph's first word is not at the right end of its visual line:\n%q", row)
	}
	if !(strings.Index(body, third) < strings.Index(body, second) && strings.Index(body, second) < strings.Index(body, first)) {
		t.Fatalf("words not in right-to-left visual order:\n%q", row)
	}
	next := strings.Split(s, "\n")[i+1]
	if w1, w2 := ansi.StringWidth(body), ansi.StringWidth(strings.TrimRight(next, " ")); w1 != w2 {
		t.Fatalf("the paragraph is not flush right: lines end at columns %d and %d:\n%s\n%s", w1, w2, row, next)
	}

	term.send("b")
	s = term.waitFor("افتتحت بلدية المدينة صباح السبت", "logical")
	row, _ = rowWith(s, "افتتحت بلدية المدينة")
	if ansi.StringWidth(strings.TrimRight(row, " ")) != ansi.StringWidth(body) {
		t.Fatalf("logical mode changed the alignment:\nvisual:  %q\nlogical: %q", body, row)
	}
}
