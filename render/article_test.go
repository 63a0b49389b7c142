package render

import (
	"github.com/akhbar/akhbar/theme"

	"strings"
	"testing"
	"time"

	"github.com/akhbar/akhbar/feed"
)

func sampleArticle() feed.Article {
	return feed.Article{
		URL:       "https://news.example.com/a",
		Title:     "عنوان الخبر",
		Byline:    "سلمى",
		Published: time.Date(2025, 3, 12, 8, 30, 0, 0, time.UTC),
		SiteName:  "الأفق",
		Lang:      "ar",
		Dir:       feed.DirRTL,
		Blocks: []feed.Block{
			{Kind: feed.Paragraph, Text: "قال مصدر إن الخبر صحيح", Spans: []feed.Span{{Start: 0, End: 6, Style: feed.Anchor, Link: 1}}},
			{Kind: feed.ListItem, Text: "بند أول"},
			{Kind: feed.Quote, Text: "اقتباس"},
			{Kind: feed.Code, Text: "x := 1"},
			{Kind: feed.Paragraph, Text: "English inside", Lang: "en", Dir: feed.DirLTR},
		},
		Links:   []feed.Link{{Title: "مصدر", URL: "https://source.example.com/"}, {Title: "bad", URL: "javascript:alert(1)"}},
		Related: []feed.Link{{Title: "خبر آخر", URL: "https://news.example.com/b"}, {Title: "Other story", URL: "https://news.example.com/c"}},
	}
}

func TestArticlePage(t *testing.T) {
	const width = 30
	p := ArticlePage(sampleArticle(), Options{Width: width})
	checkLines(t, p.Lines, width, false, 0)
	want := []string{
		"                   ربخلا ناونع",
		"     · 2025-03-12 08:30 · ىملس",
		"                         قفألا",
		"",
		"     حيحص ربخلا نإ ردصم [1]لاق",
		"",
		"                     لوأ دنب •",
		"",
		"                      سابتقا │",
		"",
		"x := 1",
		"",
		"English inside",
		"",
		"                         طباور",
		"                      ردصم [1]",
		"https://source.example.com    ",
		"                         /    ",
		"                       bad [2]",
		"       javascript:alert(1)    ",
		"",
		"                 ةلص تاذ رابخأ",
		"                   رخآ ربخ [3]",
		"https://news.example.com/b    ",
		"               Other story [4]",
		"https://news.example.com/c    ",
	}
	if got := strings.Join(p.Lines, "\n"); got != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}
	for _, tc := range []struct {
		name string
		at   []int
		want []string
	}{
		{"links", p.Links, []string{"[1]", "bad [2]"}},
		{"related", p.Related, []string{"[3]", "Other story [4]"}}, // one numbering: related stories count on from the links,
	} {
		if len(tc.at) != len(tc.want) {
			t.Fatalf("%s: %d entries, want %d", tc.name, len(tc.at), len(tc.want))
		}
		for i, at := range tc.at {
			if !strings.Contains(p.Lines[at], tc.want[i]) {
				t.Errorf("%s[%d] points at line %d %q, want it to hold %q", tc.name, i, at, p.Lines[at], tc.want[i])
			}
		}
	}
}

func TestArticleDecorations(t *testing.T) {
	const width = 30
	lines := Article(sampleArticle(), Options{Width: width})
	has := func(pred func(string) bool, what string) {
		t.Helper()
		for _, l := range lines {
			if pred(l) {
				return
			}
		}
		t.Errorf("no line %s in\n%s", what, strings.Join(lines, "\n"))
	}
	has(func(l string) bool { return strings.HasSuffix(l, " •") && Width(l) == width }, "with the bullet on the right")
	has(func(l string) bool { return strings.HasSuffix(l, " │") && Width(l) == width }, "with the quote bar on the right")
	has(func(l string) bool { return l == "x := 1" }, "of code, left to right")
	has(func(l string) bool { return l == "English inside" }, "of the LTR block, flush left")
	has(func(l string) bool { return strings.Contains(l, "[1]لاق") }, "with the link marker after the link text")
	has(func(l string) bool { return strings.TrimSpace(l) == "طباور" }, "with the Arabic links heading")
}

func TestArticleColor(t *testing.T) {
	lines := Article(sampleArticle(), Options{Width: 40, Color: true, Theme: theme.Light()})
	all := strings.Join(lines, "\n")
	if !strings.Contains(all, "\x1b]8;;https://source.example.com/\x1b\\") {
		t.Error("no OSC 8 hyperlink to the http link")
	}
	if strings.Contains(all, "\x1b]8;;javascript") {
		t.Error("OSC 8 hyperlink to a javascript: URL")
	}
	if !strings.Contains(all, "\x1b[") {
		t.Error("no SGR style with Color set")
	}
	checkLines(t, lines, 40, false, 0)
	plain := strings.Join(Article(sampleArticle(), Options{Width: 40}), "\n")
	if strings.ContainsRune(plain, '\x1b') {
		t.Error("escape bytes without Color")
	}
}

func TestArticleNarrow(t *testing.T) {
	for width := -1; width <= 6; width++ {
		lines := Article(sampleArticle(), Options{Width: width, Shape: true})
		checkLines(t, lines, max(width, 1), false, 0)
	}
}

func TestBlockDirection(t *testing.T) {
	tests := []struct {
		name  string
		block feed.Block
		art   feed.Article
		want  feed.Dir
	}{
		{"block dir wins", feed.Block{Dir: "ltr", Lang: "ar"}, feed.Article{Dir: "rtl"}, feed.DirLTR},
		{"block lang", feed.Block{Lang: "fa-IR"}, feed.Article{Dir: "ltr"}, feed.DirRTL},
		{"article dir", feed.Block{}, feed.Article{Dir: "RTL"}, feed.DirRTL},
		{"article lang", feed.Block{}, feed.Article{Lang: "he"}, feed.DirRTL},
		{"ckb", feed.Block{Lang: "ckb"}, feed.Article{}, feed.DirRTL},
		{"latin lang decides nothing", feed.Block{Lang: "en"}, feed.Article{}, feed.DirAuto},
		{"nothing", feed.Block{}, feed.Article{}, feed.DirAuto},
	}
	for _, tc := range tests {
		if got := blockDir(tc.block, tc.art); got != tc.want {
			t.Errorf("%s: got %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestLinkListDirection checks that link lists follow the article's
// direction, numbers on the start side, while each title keeps its own.
func TestLinkListDirection(t *testing.T) {
	tests := []struct {
		name  string
		lang  string
		title string
		want  []string // the section title, then the entry
	}{
		{"LTR title in an RTL list", "ar", "BBC (live)!", []string{
			"                         طباور",
			"               BBC (live)! [1]",
		}},
		{"RTL title in an LTR list", "en", "خبر آخر!", []string{
			"Links",
			"[1] !رخآ ربخ",
		}},
		{"Hebrew title with a number", "he", "מחיר 5%", []string{
			"                       םירושיק",
			"                   5% ריחמ [1]",
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := feed.Article{Lang: tc.lang, Links: []feed.Link{{Title: tc.title, URL: "https://example.com/x"}}}
			got := Article(a, Options{Width: 30})
			if len(got) < 2 || got[0] != tc.want[0] || got[1] != tc.want[1] {
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// TestPictureCaption checks that the caption of a picture is marked as
// one on its start side (the right in Arabic), and that a caption block
// with a picture but no text adds nothing.
func TestPictureCaption(t *testing.T) {
	const width = 40
	a := feed.Article{Lang: "ar", Dir: feed.DirRTL, Blocks: []feed.Block{
		{Kind: feed.Caption, Text: "صورة الجسر", Image: "https://img.example.com/a.jpg"},
		{Kind: feed.Caption, Text: "Photo: the bridge", Lang: "en", Dir: feed.DirLTR, Image: "https://img.example.com/b.jpg"},
		{Kind: feed.Caption, Text: "بلا صورة"},
		{Kind: feed.Caption, Image: "https://img.example.com/c.jpg"},
	}}
	lines := Article(a, Options{Width: width})
	pad := func(s string) string { return strings.Repeat(" ", width-Width(s)) + s }
	want := []string{pad("رسجلا ةروص ▣"), "", "▣ Photo: the bridge", "", pad("ةروص الب")}
	if got := strings.Join(lines, "\n"); got != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}
}
