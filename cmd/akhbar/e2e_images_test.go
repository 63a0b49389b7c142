package main

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/akhbar/akhbar/feed/feedtest"
)

// imageFeed serves a feed of one Arabic story whose page has a lead
// image: a PNG made here, of four coloured quarters.
func imageFeed(t *testing.T) *feedtest.Server {
	srv := feedtest.NewServer(t)
	srv.Handle("/feed.xml", feedtest.Route{ContentType: "application/rss+xml; charset=utf-8", Body: []byte(
		`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>أخبار التلة</title><link>` + srv.URL("/") + `</link>
<item><title>محطة أرصاد جديدة على التلة</title><link>` + srv.URL("/station.html") + `</link><guid>station</guid>
<pubDate>Sat, 28 Nov 2026 09:00:00 GMT</pubDate><description>افتتاح محطة</description></item></channel></rss>`)})
	srv.Handle("/station.html", feedtest.Route{ContentType: "text/html; charset=utf-8", Body: []byte(
		`<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>محطة أرصاد جديدة على التلة</title>
<meta property="og:image" content="/lead.png"></head><body><article><h1>محطة أرصاد جديدة على التلة</h1>
<p>افتتحت البلدية صباح اليوم محطة جديدة لرصد الطقس على التلة الشمالية، وهي الأولى من نوعها في المنطقة منذ عقود.</p>
<p>وقال المهندس المسؤول إن المحطة ستنشر قراءاتها كل ساعة، وإن طلاب المدارس سيزورونها في الربيع للتعرف على أجهزتها.</p>
<p>وتكلف المشروع نحو مليوني دينار جمعت من منحة حكومية ومن تبرعات السكان الذين طالبوا به منذ سنوات.</p>
</article></body></html>`)})
	srv.Handle("/lead.png", feedtest.Route{ContentType: "image/png", Body: feedtest.PNG(feedtest.Quadrants(400, 200))})
	return srv
}

// sgrFG finds the foreground colour of a half block: 24-bit, or from
// the 256-colour palette when the program downsampled for the terminal.
var sgrFG = regexp.MustCompile(`38;(?:2;(\d+);(\d+);(\d+)|5;(\d+))`)

// The reader in a real terminal (tmux) shows the lead image in half
// blocks under the headline, at the right edge of the Arabic article,
// with the picture's colours in the right places, offline too.
func TestTUIImageBlocks(t *testing.T) {
	srv := imageFeed(t)
	env := append(xdgEnv(t), "COLORTERM=truecolor")
	writeConfig(t, env, "[display]\nimages = \"blocks\"\n")
	akhbar(t, env, "add", srv.URL("/feed.xml"))
	akhbar(t, env, "refresh")
	if srv.Hits("/lead.png") != 1 {
		t.Fatalf("the lead image was fetched %d times with the full text, want once", srv.Hits("/lead.png"))
	}
	srv.Close() // from here on, offline

	term := startTmux(t, env, 100, 40, binary)
	term.waitFor("All 1/1")
	term.send("Enter")
	term.waitFor("▀")
	colour := term.run("capture-pane", "-p", "-e", "-t", "e2e")
	var rows []string
	for _, l := range strings.Split(colour, "\n") {
		if strings.Contains(l, "▀") {
			rows = append(rows, l)
		}
	}
	if len(rows) < 4 || len(rows) > 40*4/10 {
		t.Fatalf("%d image rows, want 4 to 16 (≤ 40%% of the screen):\n%s", len(rows), term.screen())
	}
	// The first image row: red on the left half, green on the right.
	first := sgrFG.FindAllStringSubmatch(rows[0], -1)
	if len(first) < 2 {
		t.Fatalf("no colours in %q", rows[0])
	}
	left, right := rgbOf(first[0]), rgbOf(first[len(first)-1])
	if !nearRGB(left, [3]int{220, 20, 20}) || !nearRGB(right, [3]int{20, 200, 40}) {
		t.Errorf("top row runs from %v to %v, want red to green", left, right)
	}
	// Right-aligned under the RTL article: the plain row ends with the image.
	plain := term.screen()
	for _, l := range strings.Split(plain, "\n") {
		if strings.Contains(l, "▀") {
			if trimmed := strings.TrimRight(l, " "); !strings.HasSuffix(trimmed, "▀") || strings.HasPrefix(l, "▀") {
				t.Errorf("image row not at the right edge: %q", l)
			}
			break
		}
	}
	term.send("i")
	term.waitGone("▀")
	term.send("q", "q")
	term.waitExit()
}

// rgbOf is the colour of an sgrFG match.
func rgbOf(m []string) [3]int {
	var c [3]int
	if m[4] == "" {
		for i := range c {
			c[i], _ = strconv.Atoi(m[i+1])
		}
		return c
	}
	n, _ := strconv.Atoi(m[4])
	switch {
	case n >= 16 && n < 232: // the 6×6×6 cube
		level := func(v int) int {
			if v == 0 {
				return 0
			}
			return 55 + 40*v
		}
		n -= 16
		return [3]int{level(n / 36), level(n / 6 % 6), level(n % 6)}
	case n >= 232: // the grey ramp
		g := 8 + 10*(n-232)
		return [3]int{g, g, g}
	}
	return [3]int{-100, -100, -100} // the 16 system colours: the terminal's own
}

func nearRGB(a, b [3]int) bool {
	for i := range a {
		if d := a[i] - b[i]; d > 45 || d < -45 {
			return false
		}
	}
	return true
}
