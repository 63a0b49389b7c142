package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// subscribed makes a cache with the fixture feeds (feed.xml in the folder
// "News" when folder is set) and returns its environment.
func subscribed(t *testing.T, folder bool) []string {
	t.Helper()
	srv := fixtureServer(t)
	env := xdgEnv(t)
	if folder {
		akhbar(t, env, "add", srv.URL("/feed.xml"), "--folder", "News")
	} else {
		akhbar(t, env, "add", srv.URL("/feed.xml"))
	}
	akhbar(t, env, "add", srv.URL("/feed2.xml"))
	akhbar(t, env, "refresh")
	return env
}

func TestTUIReboundQuitKey(t *testing.T) {
	env := subscribed(t, false)
	writeConfig(t, env, "[keys]\nquit = [\"x\"]\n")
	term := startTmux(t, env, 100, 30, binary)
	term.waitFor("Night trains")
	term.send("q", "j")
	term.waitFor("All 2/3") // still running: q is no longer quit, j moved
	term.send("x")
	term.waitExit()
}

func TestTUIFolderFoldAndMergedList(t *testing.T) {
	env := subscribed(t, true)
	writeConfig(t, env, "[display]\nbidi = \"logical\"\n")
	term := startTmux(t, env, 120, 30, binary)
	term.waitFor("Ferry timetable", "▾News", "نشرة الاختبار")
	term.send("Tab", "j", "j", "j", "Enter") // All, All unread, Starred, ▾News
	s := term.waitFor("News 1/2")
	if strings.Contains(s, "Ferry timetable") {
		t.Fatalf("the folder's list shows a headline of a feed outside it:\n%s", s)
	}
	term.send("Tab", "c")
	s = term.waitFor("▸News")
	if strings.Contains(feedsPane(s), "نشرة الاختبار") {
		t.Fatalf("the folded folder still shows its feed:\n%s", s)
	}
	term.send("c")
	for deadline := time.Now().Add(30 * time.Second); !strings.Contains(feedsPane(s), "نشرة الاختبار"); s = term.screen() {
		if time.Now().After(deadline) {
			t.Fatalf("unfolding did not show the feed again:\n%s", s)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// feedsPane is the left part of every row of a screen, up to the divider.
func feedsPane(screen string) string {
	var b strings.Builder
	for _, row := range strings.Split(screen, "\n") {
		if i := strings.Index(row, "│"); i >= 0 {
			b.WriteString(row[:i] + "\n")
		}
	}
	return b.String()
}

func TestTUIMarkAllReadThenUndo(t *testing.T) {
	env := subscribed(t, false)
	term := startTmux(t, env, 120, 30, binary)
	term.waitFor("Ferry timetable", "● Ferry")
	term.send("A")
	term.waitFor("Marked 3 headlines read")
	term.waitGone("● Ferry")
	term.send("u")
	term.waitFor("Undone: 3 headlines unread again", "● Ferry")
}

func TestTUIOpenLinkThreeInBrowser(t *testing.T) {
	env := subscribed(t, false)
	dir := t.TempDir()
	out := filepath.Join(dir, "argv")
	stub := filepath.Join(dir, "browser")
	script := "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > " + out + "\n"
	if err := os.WriteFile(stub, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	env = append(env, "BROWSER="+stub)
	writeConfig(t, env, "[display]\nbidi = \"logical\"\n")
	term := startTmux(t, env, 100, 30, binary)
	term.waitFor("افتتاح مكتبة المدينة الجديدة")
	term.send("Enter")
	term.waitFor("تقرير البلدية")
	term.send("3", "o")
	term.waitFor("Opened in the browser")
	var argv []byte
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if b, err := os.ReadFile(out); err == nil && len(b) > 0 {
			argv = b
			break
		}
	}
	if got, want := string(argv), "https://example.org/maps/2026-library-visitors-map\n"; got != want {
		t.Fatalf("the browser got argv %q, want exactly %q", got, want)
	}
}

func TestTUIArabicInterfaceIsMirrored(t *testing.T) {
	env := subscribed(t, false)
	writeConfig(t, env, "[ui]\nlanguage = \"ar\"\n")
	term := startTmux(t, env, 120, 30, binary)
	all := visualWord("الكل")
	s := term.waitFor(all, visualWord("مرئي"))
	row, _ := rowWith(s, all)
	bar := strings.Index(row, "│")
	if bar < 0 || strings.Index(row, all) < bar {
		t.Fatalf("the feeds pane is not on the right in an Arabic UI:\n%s", row)
	}
	status := strings.Split(strings.TrimRight(s, "\n"), "\n")
	last := strings.TrimRight(status[len(status)-1], " ")
	if !strings.HasSuffix(last, visualWord("مرئي")) {
		t.Fatalf("the bidi mode is not at the right end of the status line:\n%q", last)
	}
}

func TestTUIMouseWheelScrollsArticle(t *testing.T) {
	env := subscribed(t, false)
	writeConfig(t, env, "[display]\nbidi = \"logical\"\n")
	term := startTmux(t, env, 100, 12, binary)
	term.waitFor("افتتاح مكتبة المدينة الجديدة")
	term.send("Enter")
	term.waitFor("article ", "سلمى الحداد") // the byline, near the top
	// An SGR mouse report of the wheel turning down at column 20, row 5.
	term.sendText("\x1b[<65;20;5M")
	term.waitGone("سلمى الحداد")
}

// With no subscriptions, akhbar opens the demo edition: labelled, with the
// hint on adding feeds, its four feeds fetched from the loopback server.
func TestTUIDemoEditionWhenNothingSubscribed(t *testing.T) {
	env := xdgEnv(t)
	term := startTmux(t, env, 120, 30, binary)
	term.waitFor("Demo edition — add your own feeds with: akhbar add URL", "Refreshed 4 feeds: 12 new", "Coastal Cup final")
	term.send("q")
	term.waitExit()
	if out := akhbar(t, env, "feeds"); strings.TrimSpace(out) != "" {
		t.Fatalf("the demo left subscriptions in the user's cache:\n%s", out)
	}
}
