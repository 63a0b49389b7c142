package tui

import (
	"context"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/akhbar/akhbar/feed"
)

func TestFeedsPaneGroupsByAccount(t *testing.T) {
	st := newTestStore(t, 3)
	ctx := context.Background()
	a, err := st.SaveAccount(ctx, feed.Account{Kind: feed.KindMiniflux, URL: "http://127.0.0.1:1"})
	if err != nil {
		t.Fatal(err)
	}
	if err := st.SaveFeeds(ctx, a.ID, []feed.RemoteFeed{{RemoteID: "f1", URL: "https://s.example/rss", Title: "Synced feed", Folder: "News"}}); err != nil {
		t.Fatal(err)
	}
	var entries []feed.Entry
	for _, id := range []string{"1", "2"} {
		it := feed.Item{URL: "https://s.example/" + id, Title: "Synced story " + id, Published: testNow}
		it.ID = feed.ItemID("https://s.example/rss", it)
		entries = append(entries, feed.Entry{RemoteID: id, RemoteFeedID: "f1", Item: it, ChangedAt: time.Now()})
	}
	if err := st.SaveEntries(ctx, a.ID, entries); err != nil {
		t.Fatal(err)
	}
	mm := New(Deps{Store: st, Now: func() time.Time { return testNow }},
		Options{Theme: "dark", Accounts: map[int64]string{a.ID: "reader.example"}})
	m := send(t, settle(t, mm, mm.Init()), tea.WindowSizeMsg{Width: 120, Height: 30})
	s := screen(m)
	for _, want := range []string{"⇅ reader.example", "Synced feed", "▾News"} {
		if !strings.Contains(s, want) {
			t.Fatalf("feeds pane lacks %q:\n%s", want, s)
		}
	}
	// The local folder "News" lists only local items; the account's only its own.
	m = send(t, m, press("tab"), press("j"), press("j"), press("j"), press("enter"))
	if got := m.(Model).list.total; got != 3 {
		t.Fatalf("the local folder lists %d items, want 3", got)
	}
	m = send(t, m, press("tab"), press("G"), press("k"), press("k"), press("enter"))
	fp := m.(Model).feeds
	if got, e := m.(Model).list.total, fp.selected(); got != 2 || e.kind != entryAccount {
		t.Fatalf("the account entry (%+v) lists %d items, want 2", e.title, got)
	}
}
