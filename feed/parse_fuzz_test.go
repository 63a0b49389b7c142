package feed_test

import (
	"github.com/akhbar/akhbar/theme"

	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/feedtest"
	"github.com/akhbar/akhbar/feed/fetch"
	"github.com/akhbar/akhbar/render"
)

// FuzzParsePipeline runs the project's path for a fetched feed — charset
// detection, Parse, then the list cell of each title and the paragraph
// of each summary — and checks that nothing panics, that no line is
// wider than asked and that no output byte could act on a terminal.
func FuzzParsePipeline(f *testing.F) {
	for _, name := range []string{"rss.xml", "atom.xml", "feed.json"} {
		b, err := feedtest.HostileFile(name, "http://127.0.0.1:8080")
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, "")
	}
	seeds, err := filepath.Glob("testdata/*")
	if err != nil {
		f.Fatal(err)
	}
	for _, p := range seeds {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, "application/xml")
	}
	f.Add([]byte("<rss version=\"2.0\"><channel><item><title>\xe1\xc8\xd1 \x1b[2J</title></item></channel></rss>"), "text/xml; charset=windows-1256")
	f.Add([]byte("\xff\xfe<\x00r\x00s\x00s\x00>\x00"), "")
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1","items":[{"id":"1","title":"\u009d0;x\u009c"}]}`), "application/json")
	f.Fuzz(func(t *testing.T, body []byte, contentType string) {
		if len(body) > 1<<16 {
			return // keep each run fast; size limits are tested elsewhere
		}
		p, err := feed.Parse(fetch.ToUTF8(body, contentType), "http://127.0.0.1:8080/feed", time.Unix(0, 0))
		if err != nil {
			return
		}
		checkCell(t, "feed title", p.Title)
		for i, it := range p.Items {
			if i == 20 {
				break
			}
			checkCell(t, "title", it.Title)
			for _, s := range append([]string{it.URL, it.Author, it.Image}, it.Categories...) {
				checkCell(t, "field", s)
			}
			checkParagraph(t, it.Summary)
		}
	})
}

const fuzzWidth = 30

func checkCell(t *testing.T, what, s string) {
	t.Helper()
	for _, mode := range []render.BidiMode{render.Visual, render.Logical} {
		cell := render.Cell(s, fuzzWidth, render.Options{Width: fuzzWidth, Bidi: mode, Shape: true})
		if err := feedtest.CheckTerminal(cell, false); err != nil {
			t.Fatalf("%s %q as a %v cell: %v", what, s, mode, err)
		}
		if w := render.Width(cell); w > fuzzWidth {
			t.Fatalf("%s %q as a %v cell is %d cells wide, want at most %d", what, s, mode, w, fuzzWidth)
		}
	}
	if line := render.SanitizeLine(s); feedtest.CheckTerminal(line, false) != nil {
		t.Fatalf("SanitizeLine(%q) = %q is not clean", s, line)
	}
}

func checkParagraph(t *testing.T, s string) {
	t.Helper()
	o := render.Options{Width: fuzzWidth, Bidi: render.Visual, Shape: true, Color: true, Theme: theme.Dark()}
	for _, line := range render.Paragraph(s, feed.DirAuto, o) {
		if err := feedtest.CheckTerminal(line, true); err != nil {
			t.Fatalf("summary %q: line %q: %v", s, line, err)
		}
		if a, ok := feedtest.ContainsAttack(line); ok {
			t.Fatalf("summary %q: line %q carries the %s", s, line, a.Name)
		}
		if w := render.Width(line); w > fuzzWidth {
			t.Fatalf("summary %q: line %q is %d cells wide, want at most %d", s, line, w, fuzzWidth)
		}
	}
}
