package tui

import (
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
)

func TestClickSelectsAndDoubleClickOpens(t *testing.T) {
	st := newTestStore(t, 10)
	m := start(t, st, 100, 20)
	x := m.(Model).feedsWidth() + 5
	m = send(t, m, tea.MouseClickMsg{X: x, Y: 4, Button: tea.MouseLeft}) // row 3 of the list
	if got := m.(Model).list.cursor; got != 3 {
		t.Fatalf("click on row 3 put the cursor on %d", got)
	}
	if m.(Model).focus != focusHeadlines {
		t.Fatal("click did not focus the list")
	}
	m = send(t, m, tea.MouseClickMsg{X: x, Y: 4, Button: tea.MouseLeft})
	if m.(Model).focus != focusReader || m.(Model).reader.item.Title != "Headline number 3" {
		t.Fatalf("double click did not open headline 3: focus %v", m.(Model).focus)
	}
}

func TestSlowClicksDoNotOpen(t *testing.T) {
	st := newTestStore(t, 10)
	now := testNow
	mm := newTestModel(st)
	mm.deps.Now = func() time.Time { return now }
	m := send(t, settle(t, mm, mm.Init()), tea.WindowSizeMsg{Width: 100, Height: 20})
	x := m.(Model).feedsWidth() + 5
	m = send(t, m, tea.MouseClickMsg{X: x, Y: 2, Button: tea.MouseLeft})
	now = now.Add(time.Second)
	m = send(t, m, tea.MouseClickMsg{X: x, Y: 2, Button: tea.MouseLeft})
	if m.(Model).focus == focusReader {
		t.Fatal("two clicks a second apart opened the headline")
	}
}

func TestWheelScrollsTheReader(t *testing.T) {
	st := newTestStore(t, 5)
	withLinkedArticles(t, st)
	m := start(t, st, 100, 20)
	m = send(t, m, press("enter"), tea.MouseWheelMsg{X: 50, Y: 10, Button: tea.MouseWheelDown})
	if got := m.(Model).reader.top; got != 3 {
		t.Fatalf("wheel down scrolled the reader to %d, want 3", got)
	}
}
