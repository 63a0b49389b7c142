package tui

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/cache"
)

// withLinkedArticles gives item 0's article many paragraphs, one inline
// link (to item 2) and one related story (item 1), both cached.
func withLinkedArticles(t *testing.T, st *cache.Store) {
	t.Helper()
	ctx := context.Background()
	a := feed.Article{URL: "http://127.0.0.1/a/0.html", Title: "Headline number 0", Lang: "en",
		Links:   []feed.Link{{Title: "Inline target", URL: "http://127.0.0.1/a/2.html"}},
		Related: []feed.Link{{Title: "Headline number 1", URL: "http://127.0.0.1/a/1.html"}}}
	for i := range 60 {
		a.Blocks = append(a.Blocks, feed.Block{Kind: feed.Paragraph, Text: fmt.Sprintf("Paragraph %d of the seed story.", i)})
	}
	for i, text := range map[int]string{1: "The related story's own text.", 2: "The inline target's text."} {
		if err := st.SaveArticle(ctx, feed.Article{URL: fmt.Sprintf("http://127.0.0.1/a/%d.html", i), Title: fmt.Sprintf("Headline number %d", i),
			Blocks: []feed.Block{{Kind: feed.Paragraph, Text: text}}}); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.SaveArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
}

func TestFollowRelatedAndBack(t *testing.T) {
	st := newTestStore(t, 5)
	withLinkedArticles(t, st)
	m := start(t, st, 100, 20)
	m = send(t, m, press("enter"), press("j"), press("j"), press("j"))
	top := m.(Model).reader.top
	if top != 3 {
		t.Fatalf("scrolled to %d, want 3", top)
	}
	m = send(t, m, press("f"))
	s := screen(m)
	if !strings.Contains(s, "Related stories") || !strings.Contains(s, "[2] Headline number 1") {
		t.Fatalf("related list missing or misnumbered:\n%s", s)
	}
	m = send(t, m, press("enter"))
	if s = screen(m); !strings.Contains(s, "The related story's own text.") || !strings.Contains(s, "article › related 2") {
		t.Fatalf("following the related story failed:\n%s", s)
	}
	m = send(t, m, press("esc"))
	if s = screen(m); !strings.Contains(s, "Paragraph 3 of the seed story.") || m.(Model).reader.top != top {
		t.Fatalf("back did not return to the seed at line %d (now %d):\n%s", top, m.(Model).reader.top, s)
	}
	m = send(t, m, press("esc"))
	if m.(Model).focus != focusHeadlines {
		t.Fatal("back from the seed did not return to the list")
	}
}

func TestFollowByNumber(t *testing.T) {
	st := newTestStore(t, 5)
	withLinkedArticles(t, st)
	m := start(t, st, 100, 20)
	m = send(t, m, press("enter"), press("1"), press("enter"))
	if s := screen(m); !strings.Contains(s, "The inline target's text.") || !strings.Contains(s, "article › link 1") {
		t.Fatalf("1⏎ did not follow link 1:\n%s", s)
	}
	m = send(t, m, press("9"), press("enter"))
	if s := screen(m); !strings.Contains(s, "No link [9]") {
		t.Fatalf("9⏎ on an article without link 9 gave no clear message:\n%s", s)
	}
}

func TestFollowRefusesNonWebLinks(t *testing.T) {
	st := newTestStore(t, 2)
	ctx := context.Background()
	if err := st.SaveArticle(ctx, feed.Article{URL: "http://127.0.0.1/a/0.html", Title: "x",
		Blocks: []feed.Block{{Kind: feed.Paragraph, Text: "body"}},
		Links:  []feed.Link{{Title: "evil", URL: "javascript:alert(1)"}}}); err != nil {
		t.Fatal(err)
	}
	m := start(t, st, 100, 20)
	m = send(t, m, press("enter"), press("1"), press("enter"))
	if s := screen(m); !strings.Contains(s, "only http and https") || len(m.(Model).back) != 0 {
		t.Fatalf("a javascript: link was followed:\n%s", s)
	}
}
