package cache

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/akhbar/akhbar/feed"
)

// aged describes an item for retention tests: its GUID, its age in days
// and its state.
type aged struct {
	guid          string
	days          int
	read, starred bool
}

// seedAged subscribes to url and saves items in a fetch of the day before
// fetchTime, each with an article, then a fetch at fetchTime that lists
// only a "fresh" item (so the aged ones are no longer in the feed).
func seedAged(t *testing.T, s *Store, url string, items []aged) feed.Feed {
	t.Helper()
	ctx := context.Background()
	f := addFeed(t, s, url, "")
	var its []feed.Item
	for _, a := range items {
		its = append(its, feed.Item{GUID: a.guid, URL: url + "/" + a.guid, Title: "story " + a.guid,
			Summary: "word" + a.guid, Published: fetchTime.AddDate(0, 0, -a.days)})
	}
	added, err := s.SaveFetch(ctx, f.ID, feed.FetchResult{Items: its, At: fetchTime.AddDate(0, 0, -1)})
	if err != nil {
		t.Fatal(err)
	}
	for i, a := range items {
		pic := feed.Picture{URL: added[i].URL + "/lead.jpg", Width: 2, Height: 1, Format: "jpeg", Data: []byte("pixels")}
		if err := s.SaveArticle(ctx, feed.Article{URL: added[i].URL, Blocks: []feed.Block{{Kind: feed.Paragraph, Text: "body"}},
			Pictures: []feed.Picture{pic}}); err != nil {
			t.Fatal(err)
		}
		if err := s.SetRead(ctx, []string{added[i].ID}, a.read); err != nil {
			t.Fatal(err)
		}
		if err := s.SetStarred(ctx, added[i].ID, a.starred); err != nil {
			t.Fatal(err)
		}
	}
	fresh := feed.Item{GUID: "fresh", URL: url + "/fresh", Title: "fresh story", Published: fetchTime}
	if _, err := s.SaveFetch(ctx, f.ID, feed.FetchResult{Items: []feed.Item{fresh}, At: fetchTime}); err != nil {
		t.Fatal(err)
	}
	return f
}

// guids lists the GUIDs of a feed's items, sorted.
func guids(t *testing.T, s *Store, feedID int64) []string {
	t.Helper()
	items, err := s.Items(context.Background(), feed.ItemQuery{FeedID: feedID, Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, it := range items {
		out = append(out, it.GUID)
	}
	slices.Sort(out)
	return out
}

func TestCleanup(t *testing.T) {
	items := []aged{
		{"a10r", 10, true, false},
		{"b40r", 40, true, false},
		{"c40u", 40, false, false},
		{"d70u", 70, false, false},
		{"e70s", 70, true, true},
		{"f20r", 20, true, false},
		{"g25r", 25, true, false},
	}
	tests := []struct {
		name     string
		r        Retention
		want     []string
		articles int
	}{
		{"days, unread kept longer, starred kept", Retention{Limits: Limits{KeepDays: 30}, UnreadDays: 60},
			[]string{"a10r", "c40u", "e70s", "f20r", "fresh", "g25r"}, 2},
		{"unread days shorter than keep days count as keep days", Retention{Limits: Limits{KeepDays: 50}, UnreadDays: 5},
			[]string{"a10r", "b40r", "c40u", "e70s", "f20r", "fresh", "g25r"}, 1},
		{"items per feed, newest kept, starred kept beyond", Retention{Limits: Limits{KeepItems: 3}},
			[]string{"a10r", "e70s", "f20r", "fresh"}, 4},
		{"per-feed limits override", Retention{Limits: Limits{KeepDays: 300}, PerFeed: map[string]Limits{"https://a.example/rss": {KeepDays: 15}}},
			[]string{"a10r", "e70s", "fresh"}, 5},
		{"no limits keep everything", Retention{},
			[]string{"a10r", "b40r", "c40u", "d70u", "e70s", "f20r", "fresh", "g25r"}, 0},
		{"vacuum", Retention{Limits: Limits{KeepDays: 30}, UnreadDays: 60, Vacuum: true},
			[]string{"a10r", "c40u", "e70s", "f20r", "fresh", "g25r"}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := newStore(t)
			s.now = func() time.Time { return fetchTime }
			f := seedAged(t, s, "https://a.example/rss", items)
			other := seedAged(t, s, "https://b.example/rss", []aged{{"z200r", 200, true, false}})
			rep, err := s.Cleanup(context.Background(), tt.r)
			if err != nil {
				t.Fatal(err)
			}
			got := guids(t, s, f.ID)
			if !slices.Equal(got, tt.want) {
				t.Fatalf("kept %v, want %v", got, tt.want)
			}
			otherWant := []string{"fresh", "z200r"}
			if tt.r.KeepDays > 0 && tt.r.KeepDays < 200 {
				otherWant = []string{"fresh"}
			}
			if got := guids(t, s, other.ID); !slices.Equal(got, otherWant) {
				t.Fatalf("other feed kept %v, want %v", got, otherWant)
			}
			removed := len(items) + 3 - len(tt.want) - len(otherWant)
			if rep.Items != removed || rep.Articles != tt.articles+(2-len(otherWant)) || rep.Images != rep.Articles {
				t.Fatalf("report %+v, want %d items and %d articles", rep, removed, tt.articles+(2-len(otherWant)))
			}
			checkRemovedGone(t, s, f.URL, items, tt.want)
		})
	}
}

// checkRemovedGone checks that the removed items left no article and no
// search row behind, and that the kept ones still have both.
func checkRemovedGone(t *testing.T, s *Store, feedURL string, items []aged, kept []string) {
	t.Helper()
	ctx := context.Background()
	for _, a := range items {
		var rows int
		err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM items_fts WHERE items_fts MATCH ?`, `"word`+a.guid+`"`).Scan(&rows)
		if err != nil {
			t.Fatal(err)
		}
		_, artErr := s.Article(ctx, feedURL+"/"+a.guid)
		pics, err := s.Pictures(ctx, feedURL+"/"+a.guid)
		if err != nil {
			t.Fatal(err)
		}
		if want := slices.Contains(kept, a.guid); (rows == 1) != want || (artErr == nil) != want || (len(pics) == 1) != want {
			t.Fatalf("item %s: %d search rows, article error %v, %d images; kept: %v", a.guid, rows, artErr, len(pics), want)
		}
	}
}

func TestCleanupKeepsWhatTheFeedStillLists(t *testing.T) {
	s, _ := newStore(t)
	s.now = func() time.Time { return fetchTime }
	f := addFeed(t, s, "https://old-blog.example/rss", "")
	old := []feed.Item{
		{GUID: "2019", URL: "https://old-blog.example/2019", Title: "An old post", Published: fetchTime.AddDate(-7, 0, 0)},
		{GUID: "2020", URL: "https://old-blog.example/2020", Title: "Another", Published: fetchTime.AddDate(-6, 0, 0)},
	}
	saveFetch(t, s, f.ID, old...)
	rep, err := s.Cleanup(context.Background(), Retention{Limits: Limits{KeepDays: 30, KeepItems: 1}})
	if err != nil {
		t.Fatal(err)
	}
	if got := guids(t, s, f.ID); rep.Items != 0 || len(got) != 2 {
		t.Fatalf("removed %d items, kept %v: items still in the feed must stay", rep.Items, got)
	}
}

func TestCleanupLoneArticles(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	at := fetchTime.AddDate(0, 0, -100)
	s.now = func() time.Time { return at }
	old := feed.Article{URL: "https://x.example/related-old", Pictures: []feed.Picture{{URL: "https://x.example/a.png", Err: "404"}, {URL: "https://x.example/b.png", Err: "404"}}}
	if err := s.SaveArticle(ctx, old); err != nil {
		t.Fatal(err)
	}
	s.now = func() time.Time { return fetchTime }
	if err := s.SaveArticle(ctx, feed.Article{URL: "https://x.example/related-new"}); err != nil {
		t.Fatal(err)
	}
	rep, err := s.Cleanup(ctx, Retention{Limits: Limits{KeepDays: 30}})
	if err != nil {
		t.Fatal(err)
	}
	_, oldErr := s.Article(ctx, "https://x.example/related-old")
	_, newErr := s.Article(ctx, "https://x.example/related-new")
	if rep.Articles != 1 || rep.Images != 2 || oldErr == nil || newErr != nil {
		t.Fatalf("report %+v, old article %v, new article %v: want the old one gone", rep, oldErr, newErr)
	}
}

func TestDefaultRetention(t *testing.T) {
	r := DefaultRetention()
	if r.KeepDays < 365 || r.KeepItems < 1000 || r.UnreadDays < r.KeepDays || r.Vacuum {
		t.Fatalf("defaults %+v do not keep years of reading", r)
	}
	if !strings.Contains(strings.ToLower(r.limitsFor("https://x").String()), "365") {
		t.Fatalf("Limits.String() = %q", r.limitsFor("https://x").String())
	}
}

func TestCleanupVacuumGivesSpaceBack(t *testing.T) {
	s, path := generated(t, 600, 3)
	ctx := context.Background()
	starred := count(t, s, feed.ItemQuery{Starred: true})
	rep, err := s.Cleanup(ctx, Retention{Limits: Limits{KeepItems: 20}, Vacuum: true})
	if err != nil {
		t.Fatal(err)
	}
	left := count(t, s, feed.ItemQuery{})
	if rep.Items != 600-left || left > 3*(20+genFetchSize)+starred || rep.Articles != rep.Items {
		t.Fatalf("report %+v with %d items left (%d starred before)", rep, left, starred)
	}
	if got := count(t, s, feed.ItemQuery{Starred: true}); got != starred {
		t.Fatalf("%d starred items after cleanup, want %d", got, starred)
	}
	if _, err := s.w.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Freed < 1<<20 || info.Size() > 1<<20 {
		t.Fatalf("freed %d bytes, file now %d bytes: want most of 2 MB of articles given back", rep.Freed, info.Size())
	}
}

// TestCleanupAfterUpgrade: a cache made before feeds recorded their
// latest full fetch keeps what that fetch listed (the newest seen of
// each feed stands in for it), and judges the rest by age.
func TestCleanupAfterUpgrade(t *testing.T) {
	ctx := context.Background()
	path := t.TempDir() + "/old.db"
	db, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		t.Fatal(err)
	}
	for i, step := range migrations[:5] {
		must(t, migrateStep(ctx, db, i+1, step))
	}
	old := fetchTime.AddDate(-1, 0, 0)
	_, err = db.Exec(`INSERT INTO feeds (id, url) VALUES (1, 'https://old.example/rss')`)
	must(t, err)
	for i, seen := range []int64{fetchTime.Unix(), fetchTime.Unix(), fetchTime.Unix() - 3600} {
		_, err = db.Exec(`INSERT INTO items (id, feed_id, guid, fetched, sort_time, seen) VALUES (?, 1, ?, ?, ?, ?)`,
			fmt.Sprint("old-", i), fmt.Sprint("g", i), encTime(old), old.Unix(), seen)
		must(t, err)
	}
	must(t, db.Close())
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.now = func() time.Time { return fetchTime }
	rep, err := s.Cleanup(ctx, Retention{Limits: Limits{KeepDays: 30}, UnreadDays: 30})
	if err != nil {
		t.Fatal(err)
	}
	if got := guids(t, s, 1); rep.Items != 1 || !slices.Equal(got, []string{"g0", "g1"}) {
		t.Fatalf("after the upgrade cleanup removed %d, kept %v; want the two of the latest fetch", rep.Items, got)
	}
}
