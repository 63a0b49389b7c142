package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/akhbar/akhbar/feed/feedtest"
)

// miniFeed is a one-item RSS feed named title, its item's link under base.
func miniFeed(base, title string) []byte {
	slug := strings.ToLower(strings.ReplaceAll(title, " ", "-"))
	return []byte(fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>%s</title><link>%s/%s/</link><description>a test feed</description>
<item><title>%s first post</title><link>%s/%s/1.html</link><guid>%s-1</guid>
<pubDate>Sat, 28 Nov 2026 07:00:00 GMT</pubDate><description>First.</description></item>
</channel></rss>`, title, base, slug, title, base, slug, slug))
}

// failingFeeds subscribes to three feeds that fetch once and then fail,
// each its own way: Alpha Post answers 404, Beta Post serves an HTML page,
// Gamma Post answers after the fetch timeout.
func failingFeeds(t *testing.T) []string {
	t.Helper()
	srv := feedtest.NewServer(t)
	base := strings.TrimSuffix(srv.URL("/"), "/")
	rss := "application/rss+xml; charset=utf-8"
	for _, name := range []string{"Alpha Post", "Beta Post", "Gamma Post"} {
		path := "/" + strings.ToLower(strings.Fields(name)[0]) + ".xml"
		srv.Handle(path, feedtest.Route{Body: miniFeed(base, name), ContentType: rss})
	}
	env := xdgEnv(t)
	for _, p := range []string{"/alpha.xml", "/beta.xml", "/gamma.xml"} {
		akhbar(t, env, "add", srv.URL(p))
	}
	akhbar(t, env, "refresh")
	srv.Handle("/alpha.xml", feedtest.Route{Status: 404, Body: []byte("gone")})
	srv.Handle("/beta.xml", feedtest.Route{Body: []byte("<!doctype html><html><head><title>Moved</title></head><body><p>We moved.</p></body></html>"),
		ContentType: "text/html; charset=utf-8"})
	srv.Handle("/gamma.xml", feedtest.Route{Body: miniFeed(base, "Gamma Post"), ContentType: rss, Delay: 5 * time.Second})
	writeConfig(t, env, "[refresh]\ntimeout = \"1s\"\n")
	return env
}

// Defect: a feed that failed said so only with «!». The error of the feed
// under the cursor is on the status line, in every UI language.
func TestTUIFailedFeedSaysWhy(t *testing.T) {
	env := failingFeeds(t)
	term := startTmux(t, env, 120, 20, binary)
	term.waitFor("Alpha Post first post")
	term.send("R")
	term.waitFor("3 failed")
	term.send("Tab")
	want := map[string]string{"Alpha Post": "404 Not Found", "Beta Post": "not a feed", "Gamma Post": "timed out"}
	for i, name := range []string{"Alpha Post", "Beta Post", "Gamma Post"} {
		term.send("j") // All, All unread, Starred, then the feeds by name
		if i == 0 {
			term.send("j", "j")
		}
		term.waitFor("!" + name)
		s := term.waitUntil(name+"'s error", func(s string) bool { return strings.Contains(lastRow(s), want[name]) })
		if !strings.Contains(lastRow(s), name+": the last refresh failed") {
			t.Fatalf("the status line does not name the failed feed %s:\n%s", name, s)
		}
	}
	term.send("g")
	term.waitUntil("the note gone off the failed feed", func(s string) bool { return !strings.Contains(lastRow(s), "failed") })
	term.send("q")
	term.waitExit()

	// The other UI languages, from what the cache recorded.
	frame := map[string]string{"ar": visualWord("فشل"), "fa": visualWord("ناموفق"), "he": visualWord("נכשל")}
	for _, lang := range []string{"ar", "fa", "he"} {
		writeConfig(t, env, "[ui]\nlanguage = \""+lang+"\"\n")
		term := startTmux(t, env, 120, 20, binary)
		term.waitFor("Alpha Post first post")
		term.send("Tab", "j", "j", "j")
		s := term.waitUntil(lang+": Alpha Post's error", func(s string) bool {
			return strings.Contains(lastRow(s), "404 Not Found") && strings.Contains(lastRow(s), frame[lang])
		})
		if !strings.Contains(lastRow(s), "Alpha Post") {
			t.Fatalf("%s: the status line does not name the failed feed:\n%s", lang, s)
		}
		term.send("q")
		term.waitExit()
	}
}

// Defect: the status line cut the position and the help hint. On a
// narrow screen the breadcrumb is cut instead, in the list and the reader.
func TestTUIStatusKeepsPositionAndHelp(t *testing.T) {
	env := subscribed(t, false)
	writeConfig(t, env, "[display]\nbidi = \"logical\"\n")
	term := startTmux(t, env, 60, 20, binary)
	term.waitFor("Night trains")
	term.send("Tab", "j", "j", "j", "j") // All, All unread, Starred, Harbour Gazette, نشرة الاختبار
	term.waitUntil("the Arabic feed's position and the help hint", func(s string) bool {
		return strings.Contains(lastRow(s), " 1/2  ? help")
	})
	term.send("Tab", "Enter")
	term.waitFor("افتتحت بلدية المدينة")
	term.send("f")
	term.waitFor("متحف الخط العربي يعرض مخطوطات نادرة")
	term.send("Enter")
	term.waitFor("يعرض متحف الخط العربي ابتداء من الأحد", "related 4")
	term.send("y") // a long message: "Copied http://…"
	s := term.waitUntil("the reader's position and the help hint beside a long message", func(s string) bool {
		row := strings.TrimRight(lastRow(s), " ")
		return strings.Contains(row, "Copied") && strings.HasSuffix(row, "%  ? help")
	})
	if strings.Contains(lastRow(s), "related 4") {
		t.Fatalf("the breadcrumb fits whole beside the message? the test no longer tests the cut:\n%s", lastRow(s))
	}
}

// Defect: ★ hid the unread mark. A starred unread headline shows both.
func TestTUIStarredUnreadShowsBothMarks(t *testing.T) {
	env := subscribed(t, false)
	term := startTmux(t, env, 100, 20, binary)
	term.waitFor("● Night trains")
	term.send("j", "s")
	term.waitFor("★● Night trains")
	term.send("m") // read: the star stays, the dot goes
	term.waitFor("★  Night trains")
}

// Defect: after S the cursor stayed on the row, not the headline.
func TestTUISortKeepsTheCursorOnTheHeadline(t *testing.T) {
	env := subscribed(t, false)
	writeConfig(t, env, "[display]\nbidi = \"logical\"\n")
	term := startTmux(t, env, 100, 20, binary)
	term.waitFor("All 1/3") // newest first: the library story is on top
	term.send("S")
	term.waitFor("Sorted oldest first", "All 3/3")
	term.send("Enter")
	term.waitFor("افتتحت بلدية المدينة")
}

// Defect: o, y and X in the feeds pane did nothing and said nothing. On a
// feed, o opens its site and y copies its address; elsewhere they and X
// say why nothing happened.
func TestTUIFeedsPaneOpenCopyUnfollow(t *testing.T) {
	srv := fixtureServer(t)
	env := xdgEnv(t)
	akhbar(t, env, "add", srv.URL("/feed.xml"))
	akhbar(t, env, "add", srv.URL("/feed2.xml"))
	akhbar(t, env, "refresh")
	argv := browserStub(t)
	env = append(env, "BROWSER="+argv.stub)
	term := startTmux(t, env, 140, 20, binary)
	term.waitFor("Night trains")
	term.send("Tab", "o")
	term.waitFor("Select a feed first: o opens its site, y copies its address")
	term.send("X")
	term.waitFor("Nothing to unfollow: X stops following a followed story")
	term.send("j", "j", "j", "y") // Harbour Gazette
	term.waitFor("Copied " + srv.URL("/feed2.xml"))
	term.send("o")
	term.waitFor("Opened in the browser")
	if got, want := argv.wait(t), srv.URL("/")+"\n"; got != want {
		t.Fatalf("the browser got argv %q, want the feed's site %q", got, want)
	}
}

// Defect: in the Arabic interface the help's key column was not mirrored
// and ◎ sat on the wrong side of a followed story.
func TestTUIArabicHelpAndFollowMirrored(t *testing.T) {
	env := subscribed(t, false)
	akhbar(t, env, "follow", "trains")
	writeConfig(t, env, "[ui]\nlanguage = \"ar\"\n")
	term := startTmux(t, env, 120, 30, binary)
	s := term.waitFor("Night trains", "◎")
	row, _ := rowWith(s, "◎") // the feeds pane is on the right, the list has no ◎
	if strings.Index(row, "◎") < strings.Index(row, "trains") {
		t.Fatalf("◎ is not at the reading start (the right) of the followed story:\n%s", row)
	}
	term.send("?")
	s = term.waitFor("j/down", "tab/shift+tab")
	pads := map[int]bool{}
	for _, line := range strings.Split(s, "\n") {
		first, last := strings.Index(line, "│"), strings.LastIndex(line, "│")
		if first < 0 || first == last {
			continue
		}
		inner := line[:last]
		pads[len(inner)-len(strings.TrimRight(inner, " "))] = true
	}
	if len(pads) != 1 {
		t.Fatalf("the keys of the help's first (rightmost) column are not flush right: %d different gaps before the border:\n%s", len(pads), s)
	}
}

// browserArgv is a $BROWSER that writes the arguments it got to a file.
type browserArgv struct{ stub, out string }

func browserStub(t *testing.T) browserArgv {
	t.Helper()
	dir := t.TempDir()
	b := browserArgv{stub: filepath.Join(dir, "browser"), out: filepath.Join(dir, "argv")}
	script := "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > " + b.out + "\n"
	if err := os.WriteFile(b.stub, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return b
}

// wait returns the arguments the browser got, one a line, once it ran.
func (b browserArgv) wait(t *testing.T) string {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if got, err := os.ReadFile(b.out); err == nil && len(got) > 0 {
			return string(got)
		}
	}
	t.Fatal("the browser never ran")
	return ""
}

// Fixed before (#12): the reader numbers related stories on from the links
// ([4] after links [1]–[3]), and 4 enter opens the story printed as [4].
func TestTUIRelatedNumberedAfterLinks(t *testing.T) {
	env := subscribed(t, false)
	writeConfig(t, env, "[display]\nbidi = \"logical\"\n")
	term := startTmux(t, env, 100, 30, binary)
	term.waitFor("افتتاح مكتبة المدينة الجديدة")
	term.send("Enter")
	term.waitFor("افتتحت بلدية المدينة")
	term.send("G")
	s := term.waitFor("متحف الخط العربي يعرض مخطوطات نادرة")
	if row, _ := rowWith(s, "متحف الخط العربي يعرض مخطوطات نادرة"); !strings.Contains(row, "[4]") {
		t.Fatalf("the first related story is not printed as [4]:\n%s", s)
	}
	for _, n := range []string{"[1]", "[2]", "[3]"} {
		if row, _ := rowWith(s, n); strings.Contains(row, "متحف الخط العربي") {
			t.Fatalf("the related story is numbered %s too:\n%s", n, s)
		}
	}
	term.send("4", "Enter")
	term.waitFor("يعرض متحف الخط العربي ابتداء من الأحد", "related 4")
}

// Fixed before (#12): a story followed in the app (N enter) that is in the
// cache is marked read in its feed's list.
func TestTUIFollowedCachedStoryIsRead(t *testing.T) {
	srv := fixtureServer(t)
	base := strings.TrimSuffix(srv.URL("/"), "/")
	srv.Handle("/digest.xml", feedtest.Route{ContentType: "application/rss+xml; charset=utf-8", Body: []byte(`<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Weekly Digest</title><link>` + base + `/</link><description>links</description>
<item><title>This week on the coast</title><link>` + base + `/digest.html</link><guid>digest-1</guid>
<pubDate>Sun, 29 Nov 2026 10:00:00 GMT</pubDate><description>The week's stories.</description></item>
</channel></rss>`)})
	srv.Handle("/digest.html", feedtest.Route{ContentType: "text/html; charset=utf-8", Body: []byte(`<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>This week on the coast</title></head><body><article>
<h1>This week on the coast</h1>
<p>The week began with rain along the whole coast and ended with the first clear weekend since October, which brought walkers back to the cliffs.</p>
<p>The biggest news was on the railway: <a href="` + base + `/trains.html">night trains return to the coast line</a> from March, after eleven years without them.</p>
<p>The harbour office also published its winter plans, and the market moves indoors from the first Saturday of December.</p>
</article></body></html>`)})
	env := xdgEnv(t)
	writeConfig(t, env, "[display]\nbidi = \"logical\"\n")
	akhbar(t, env, "add", srv.URL("/feed.xml"))
	akhbar(t, env, "add", srv.URL("/digest.xml"))
	akhbar(t, env, "refresh")
	term := startTmux(t, env, 100, 30, binary)
	term.waitFor("This week on the coast", "● Night trains")
	term.send("Enter") // the digest, newest
	term.waitFor("The biggest news was on the railway")
	term.send("1", "Enter")
	term.waitFor("sleeper cars were rebuilt", "link 1")
	term.send("Escape")
	term.waitGone("sleeper cars were rebuilt")
	term.send("Escape")
	term.waitUntil("the list with the trains story read", func(s string) bool {
		row, _ := rowWith(s, "Night trains return to the coast line")
		return strings.Contains(lastRow(s), "All ") && row != "" && !strings.Contains(row, "●")
	})
}

// Fixed before (#12): in visual mode no bare Arabic letter reaches the
// screen, in the title bar, the lists, the status line or the reader,
// in an English and in an Arabic interface.
func TestTUIVisualModeShowsOnlyShapedArabic(t *testing.T) {
	env := subscribed(t, false)
	for _, lang := range []string{"en", "ar"} {
		writeConfig(t, env, "[ui]\nlanguage = \""+lang+"\"\n[display]\nbidi = \"visual\"\n")
		term := startTmux(t, env, 120, 30, binary)
		var screens []string
		screens = append(screens, term.waitFor(visualWord("مكتبة"), "Night trains"))
		term.send("Tab", "j", "j", "j", "j") // the Arabic feed: its name in the status line
		screens = append(screens, term.waitUntil("the Arabic feed selected", func(s string) bool {
			return strings.Contains(lastRow(s), visualWord("الاختبار"))
		}))
		term.send("Tab", "Enter")
		screens = append(screens, term.waitFor(visualWord("بلدية")))
		term.send("f")
		screens = append(screens, term.waitFor(visualWord("متحف")))
		for _, s := range screens {
			for _, r := range s {
				if r >= 0x0621 && r <= 0x064A {
					t.Fatalf("%s UI: a bare Arabic letter %q (U+%04X) reached the screen in visual mode:\n%s", lang, r, r, s)
				}
			}
		}
		term.send("C-c")
		term.waitExit()
	}
}
