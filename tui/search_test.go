package tui

import (
	"context"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"github.com/akhbar/akhbar/feed"
)

func typeText(s string) []tea.Msg {
	var msgs []tea.Msg
	for _, r := range s {
		if r == ' ' {
			msgs = append(msgs, tea.KeyPressMsg{Code: tea.KeySpace, Text: " "})
			continue
		}
		msgs = append(msgs, tea.KeyPressMsg{Code: r, Text: string(r)})
	}
	return msgs
}

func TestSearchFindsArabicWithoutHarakatAndOpens(t *testing.T) {
	st := newTestStore(t, 10)
	ctx := context.Background()
	f, err := st.FeedByURL(ctx, "http://127.0.0.1/feed.xml")
	if err != nil {
		t.Fatal(err)
	}
	it := feed.Item{GUID: "ar1", URL: "http://127.0.0.1/ar/1.html", Title: "وصول أَحْمَد إلى المؤتمر", Summary: "خبر قصير.", Published: testNow}
	it.ID = feed.ItemID(f.URL, it)
	if _, err := st.SaveFetch(ctx, f.ID, feed.FetchResult{Items: []feed.Item{it}, At: testNow}); err != nil {
		t.Fatal(err)
	}
	m := start(t, st, 100, 20)
	m = send(t, m, press("/"))
	m = send(t, m, typeText("احمد")...)
	if s := screen(m); !strings.Contains(s, "Search:") {
		t.Fatalf("no search prompt:\n%s", s)
	}
	m = send(t, m, press("enter"))
	s := screen(m)
	if !strings.Contains(s, "1 found") || !strings.Contains(s, "Search:") {
		t.Fatalf("search for احمد did not find أَحْمَد:\n%s", s)
	}
	m = send(t, m, press("enter"))
	if m.(Model).focus != focusReader || m.(Model).reader.item.ID != it.ID {
		t.Fatalf("enter on the hit did not open it:\n%s", screen(m))
	}
	m = send(t, m, press("esc"), press("esc"))
	if m.(Model).results.open {
		t.Fatal("esc did not close the results")
	}
}

func TestSearchNoMatches(t *testing.T) {
	st := newTestStore(t, 3)
	m := start(t, st, 100, 20)
	m = send(t, m, press("/"))
	m = send(t, m, typeText("zebra")...)
	m = send(t, m, press("enter"))
	if s := screen(m); !strings.Contains(s, "No matches") {
		t.Fatalf("no 'No matches':\n%s", s)
	}
}
