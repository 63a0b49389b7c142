package tui

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/render"
)

func TestSearchHighlightsArabicMatch(t *testing.T) {
	st := newTestStore(t, 3)
	ctx := context.Background()
	f, err := st.FeedByURL(ctx, "http://127.0.0.1/feed.xml")
	if err != nil {
		t.Fatal(err)
	}
	const word = "أَحْمَد"
	it := feed.Item{GUID: "ar1", URL: "http://127.0.0.1/ar/1.html", Title: "وصول الوفد إلى المؤتمر",
		Summary: "قال " + word + " إن المؤتمر بدأ اليوم في القاهرة.", Published: testNow}
	it.ID = feed.ItemID(f.URL, it)
	if _, err := st.SaveFetch(ctx, f.ID, feed.FetchResult{Items: []feed.Item{it}, At: testNow}); err != nil {
		t.Fatal(err)
	}
	m := start(t, st, 100, 20)
	m = send(t, m, press("/"))
	m = send(t, m, typeText("احمد")...)
	m = send(t, m, press("enter"))
	if s := screen(m); !strings.Contains(s, "1 found") {
		t.Fatalf("search for احمد did not find %s:\n%s", word, s)
	}
	// The word as the screen shows it (reordered and shaped like the
	// rest of the snippet), between an SGR sequence and another.
	o := m.(Model).renderOpts()
	o.Color = false
	shown := strings.TrimSpace(render.Cell(word, 20, o))
	sgr := `\x1b\[[0-9;]*m`
	highlighted := regexp.MustCompile(sgr + regexp.QuoteMeta(shown) + sgr)
	content := m.(Model).View().Content
	if !highlighted.MatchString(content) {
		t.Errorf("%q (shown as %q) is not wrapped in SGR sequences:\n%q", word, shown, content)
	}
}
