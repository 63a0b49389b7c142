package cache

import (
	"context"
	"encoding/json"
	"reflect"
	"slices"
	"testing"

	"github.com/akhbar/akhbar/feed"
)

// stateOf is what the state round trip compares of an item.
type stateOf struct {
	Title, Summary string
	Read, Starred  bool
	Position       float64
}

func itemState(t *testing.T, s *Store, id string) stateOf {
	t.Helper()
	it, err := s.Item(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return stateOf{it.Title, it.Summary, it.Read, it.Starred, it.Position}
}

func TestStateRoundTrip(t *testing.T) {
	ctx := context.Background()
	a, _ := newStore(t)
	f := addFeed(t, a, "https://a.example/rss", "world")
	items := sampleItems(6, "st")
	items[2].Summary = "the starred story's own text"
	added := saveFetch(t, a, f.ID, items...)
	gone := addFeed(t, a, "https://gone.example/rss", "")
	orphan := saveFetch(t, a, gone.ID, feed.Item{GUID: "o", URL: "https://gone.example/o", Title: "kept from a removed feed"})
	must(t, a.SetRead(ctx, []string{added[0].ID, added[1].ID}, true))
	must(t, a.SetStarred(ctx, added[2].ID, true))
	must(t, a.SetPosition(ctx, added[3].ID, 0.4))
	must(t, a.SetStarred(ctx, orphan[0].ID, true))
	must(t, a.RemoveFeed(ctx, gone.URL))

	st, err := a.ExportState(ctx)
	if err != nil {
		t.Fatal(err)
	}
	data, err := json.Marshal(st)
	if err != nil {
		t.Fatal(err)
	}
	var back State
	if err := json.Unmarshal(data, &back); err != nil {
		t.Fatal(err)
	}
	if len(back.Items) != 5 || len(back.Feeds) != 1 || back.Feeds[0].Folder != "world" {
		t.Fatalf("exported %d items, feeds %+v; want 5 items and the feed in its folder", len(back.Items), back.Feeds)
	}

	// A machine that never fetched anything.
	b, _ := newStore(t)
	rep, err := b.ImportState(ctx, back)
	if err != nil {
		t.Fatal(err)
	}
	if rep != (ImportReport{Feeds: 1, Added: 2, Pending: 3}) {
		t.Fatalf("report %+v", rep)
	}
	if got, want := itemState(t, b, added[2].ID), (stateOf{items[2].Title, items[2].Summary, false, true, 0}); got != want {
		t.Fatalf("starred item on the new machine: %+v, want %+v", got, want)
	}
	if got := itemState(t, b, orphan[0].ID); !got.Starred || got.Title != "kept from a removed feed" {
		t.Fatalf("starred orphan on the new machine: %+v", got)
	}
	// Its first refresh brings the other items in their state.
	fb, err := b.FeedByURL(ctx, f.URL)
	if err != nil || fb.Folder != "world" {
		t.Fatalf("feed on the new machine: %+v, %v", fb, err)
	}
	saveFetch(t, b, fb.ID, items...)
	for _, it := range added {
		if got, want := itemState(t, b, it.ID), itemState(t, a, it.ID); got != want {
			t.Fatalf("item %s: %+v on the new machine, %+v on the old", it.Title, got, want)
		}
	}
	again, err := b.ExportState(ctx)
	if err != nil {
		t.Fatal(err)
	}
	again.Exported = st.Exported
	if !reflect.DeepEqual(normalized(again), normalized(st)) {
		t.Fatalf("state after the round trip differs:\n%+v\n%+v", again, st)
	}
}

// normalized returns st with times in UTC and items in ID order.
func normalized(st State) State {
	out := st
	out.Items = nil
	byID := map[string]StateItem{}
	var ids []string
	for _, it := range st.Items {
		it.Published = it.Published.UTC()
		byID[it.ID] = it
		ids = append(ids, it.ID)
	}
	slices.Sort(ids)
	for _, id := range ids {
		out.Items = append(out.Items, byID[id])
	}
	return out
}

func TestImportNeverUnreadsOrUnstars(t *testing.T) {
	ctx := context.Background()
	s, _ := newStore(t)
	f := addFeed(t, s, "https://a.example/rss", "")
	added := saveFetch(t, s, f.ID, sampleItems(2, "n")...)
	must(t, s.SetRead(ctx, []string{added[0].ID}, true))
	must(t, s.SetStarred(ctx, added[0].ID, true))
	must(t, s.SetPosition(ctx, added[0].ID, 0.8))
	st := State{Version: 1, Items: []StateItem{
		{FeedURL: f.URL, ID: added[0].ID, Title: added[0].Title, Position: 0.2},
		{FeedURL: f.URL, ID: "other-id", URL: added[1].URL, Title: added[1].Title, Read: true},
	}}
	for range 2 { // importing twice changes nothing more
		rep, err := s.ImportState(ctx, st)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Merged != 2 {
			t.Fatalf("report %+v: want both items found (one by link and title)", rep)
		}
	}
	if got := itemState(t, s, added[0].ID); !got.Read || !got.Starred || got.Position != 0.8 {
		t.Fatalf("item after import: %+v; want still read, starred, at 0.8", got)
	}
	if got := itemState(t, s, added[1].ID); !got.Read {
		t.Fatalf("item found by link and title not marked read: %+v", got)
	}
	if _, err := s.ImportState(ctx, State{Version: 99}); err == nil {
		t.Fatal("a state of a newer version imported")
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestPublicOnlyStaysUntilTheUserTypesTheURL: a feed a page or redirect
// supplied stays public-only through adds that say so too and through a
// state export and import, and loses the mark only when the user adds
// the URL themselves.
func TestPublicOnlyStaysUntilTheUserTypesTheURL(t *testing.T) {
	ctx := context.Background()
	a, _ := newStore(t)
	const url = "https://announced.example/rss"
	for range 2 {
		f, err := a.AddFeed(ctx, feed.Feed{URL: url, PublicOnly: true})
		if err != nil || !f.PublicOnly {
			t.Fatalf("add public-only: %+v, %v", f, err)
		}
	}
	st, err := a.ExportState(ctx)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := newStore(t)
	if _, err := b.ImportState(ctx, st); err != nil {
		t.Fatal(err)
	}
	if f, err := b.FeedByURL(ctx, url); err != nil || !f.PublicOnly {
		t.Fatalf("after a state import: %+v, %v; want it public-only", f, err)
	}
	if f, err := a.AddFeed(ctx, feed.Feed{URL: url}); err != nil || f.PublicOnly {
		t.Fatalf("typed by the user: %+v, %v; want the mark gone", f, err)
	}
}
