package tui

import (
	"context"
	"strings"
	"testing"
)

func TestFollowAStoryFromAHeadline(t *testing.T) {
	st := newTestStore(t, 20)
	m := start(t, st, 120, 30)
	m = send(t, m, press("F"))
	if !m.(Model).prompt.active || !m.(Model).prompt.follow || m.(Model).prompt.value == "" {
		t.Fatalf("F did not open the follow prompt with a suggestion: %+v", m.(Model).prompt)
	}
	m = send(t, m, press("ctrl+u"))
	m = send(t, m, typeText("headline")...)
	m = send(t, m, press("enter"))
	s := screen(m)
	if !strings.Contains(s, "◎ headline") || !strings.Contains(s, "Following") {
		t.Fatalf("the followed story is not in the feeds pane:\n%s", s)
	}
	follows, err := st.Follows(context.Background())
	if err != nil || len(follows) != 1 || follows[0].Total != 20 {
		t.Fatalf("follows = %+v, %v", follows, err)
	}
	m = send(t, m, press("tab"), press("j"), press("j"), press("j"), press("enter"))
	if s = screen(m); !strings.Contains(s, "Headline number 0") || m.(Model).list.total != 20 {
		t.Fatalf("opening the follow does not list its items:\n%s", s)
	}
	m = send(t, m, press("tab"), press("X"))
	if s = screen(m); strings.Contains(s, "◎ headline") {
		t.Fatalf("x did not unfollow:\n%s", s)
	}
}

func TestReopeningResumesPosition(t *testing.T) {
	st := newTestStore(t, 5)
	withLinkedArticles(t, st)
	m := start(t, st, 100, 20)
	m = send(t, m, press("enter"))
	for range 10 {
		m = send(t, m, press("j"))
	}
	m = send(t, m, press("esc"), press("enter"))
	if top := m.(Model).reader.top; top != 10 {
		t.Fatalf("reopened at line %d, want 10", top)
	}
}
