package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/akhbar/akhbar/feed"
)

// arabicPresentationForm reports whether r is one of the shaped glyphs
// that visual mode writes instead of Arabic letters.
func arabicPresentationForm(r rune) bool {
	return r >= 0xFB50 && r <= 0xFDFF || r >= 0xFE70 && r <= 0xFEFF
}

// TestPipedOutputIsTheRealText checks that on a pipe `read`, `list` and
// `search` print right-to-left text as the real characters in logical
// order, so grep finds a headline's words, and that --bidi visual still
// forces the shaped, reordered text.
func TestPipedOutputIsTheRealText(t *testing.T) {
	srv := fixtureServer(t)
	env := xdgEnv(t)
	akhbar(t, env, "add", srv.URL("/feed.xml"))
	var items []feed.Item
	if err := json.Unmarshal([]byte(akhbar(t, env, "list", "--json")), &items); err != nil {
		t.Fatal(err)
	}
	const title = "افتتاح مكتبة المدينة الجديدة"
	id := ""
	for _, it := range items {
		if strings.HasPrefix(it.Title, title) {
			id = it.ID
		}
	}
	if id == "" {
		t.Fatalf("no item titled %q in %+v", title, items)
	}
	for _, args := range [][]string{{"read", id}, {"list"}, {"search", "مكتبة"}} {
		out := akhbar(t, env, args...)
		if !strings.Contains(out, title) {
			t.Errorf("akhbar %s on a pipe does not hold %q:\n%s", strings.Join(args, " "), title, out)
		}
		if strings.ContainsFunc(out, arabicPresentationForm) {
			t.Errorf("akhbar %s on a pipe prints presentation forms:\n%s", strings.Join(args, " "), out)
		}
		if strings.ContainsAny(out, "\u2066\u2067\u2068\u2069") {
			t.Errorf("akhbar %s on a pipe prints bidi isolates:\n%q", strings.Join(args, " "), out)
		}
	}
	visual := akhbar(t, env, "read", id, "--bidi", "visual")
	if strings.Contains(visual, title) || !strings.ContainsFunc(visual, arabicPresentationForm) {
		t.Errorf("read --bidi visual on a pipe is not shaped visual text:\n%s", visual)
	}
}
