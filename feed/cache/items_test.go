package cache

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/akhbar/akhbar/feed"
)

// datedItems are saved in this order; their dates test the clamping of
// sort_time to [fetched − 20 years, fetched].
func datedItems() []feed.Item {
	mk := func(title string, pub time.Time) feed.Item {
		return feed.Item{GUID: title, URL: "https://news.example/" + title, Title: title, Published: pub}
	}
	return []feed.Item{
		mk("A", fetchTime.Add(-time.Hour)),
		mk("B", time.Date(2100, 1, 1, 0, 0, 0, 0, time.UTC)), // future: sorts as fetched
		mk("C", time.Time{}),                                 // undated: sorts as fetched
		mk("D", time.Date(1970, 1, 1, 0, 0, 0, 0, time.UTC)), // sorts as fetched − 20 years
		mk("E", fetchTime.Add(-2*time.Hour)),
	}
}

func titles(items []feed.Item) string {
	var b strings.Builder
	for _, it := range items {
		b.WriteString(it.Title)
	}
	return b.String()
}

func TestItemsOrder(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	f := addFeed(t, s, "https://news.example/rss", "")
	added := saveFetch(t, s, f.ID, datedItems()...)
	if err := s.SetRead(ctx, []string{added[0].ID, added[2].ID}, true); err != nil { // A, C
		t.Fatal(err)
	}
	tests := []struct {
		name string
		q    feed.ItemQuery
		want string
	}{
		{"newest first", feed.ItemQuery{}, "BCAED"},
		{"oldest first", feed.ItemQuery{Order: feed.OldestFirst}, "DEACB"},
		{"unread first", feed.ItemQuery{Order: feed.UnreadFirst}, "BEDCA"},
		{"unread only", feed.ItemQuery{Unread: true}, "BED"},
		{"of the feed", feed.ItemQuery{FeedID: f.ID, Order: feed.UnreadFirst}, "BEDCA"},
		{"second page", feed.ItemQuery{Offset: 2, Limit: 2}, "AE"},
		{"past the end", feed.ItemQuery{Offset: 5}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			items, err := s.Items(ctx, tt.q)
			if err != nil {
				t.Fatal(err)
			}
			if got := titles(items); got != tt.want {
				t.Fatalf("Items(%+v) = %s, want %s", tt.q, got, tt.want)
			}
		})
	}
}

func TestItemsPagingAndCounts(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	a := addFeed(t, s, "https://a.example/rss", "news")
	b := addFeed(t, s, "https://b.example/rss", "tech")
	var read []string
	for i, f := range []feed.Feed{a, b} {
		added := saveFetch(t, s, f.ID, sampleItems(20+i*7, f.URL)...) // 20 and 27 items
		for j, it := range added {
			if j%3 == 0 {
				read = append(read, it.ID)
			}
			if j%5 == 0 {
				if err := s.SetStarred(ctx, it.ID, true); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	if err := s.SetRead(ctx, read, true); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		q    feed.ItemQuery
		want int
	}{
		{feed.ItemQuery{}, 47},
		{feed.ItemQuery{FeedID: a.ID}, 20},
		{feed.ItemQuery{Folder: "tech"}, 27},
		{feed.ItemQuery{Unread: true}, 47 - 7 - 9},
		{feed.ItemQuery{FeedID: b.ID, Unread: true}, 27 - 9},
		{feed.ItemQuery{Starred: true}, 4 + 6},
		{feed.ItemQuery{Folder: "news", Starred: true, Order: feed.OldestFirst}, 4},
		{feed.ItemQuery{Order: feed.UnreadFirst}, 47},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%+v", tt.q), func(t *testing.T) {
			if n := count(t, s, tt.q); n != tt.want {
				t.Fatalf("CountItems = %d, want %d", n, tt.want)
			}
			all := tt.q
			all.Limit = 1000
			whole, err := s.Items(ctx, all)
			if err != nil {
				t.Fatal(err)
			}
			var paged []feed.Item
			for off := 0; ; off += 6 {
				page := tt.q
				page.Offset, page.Limit = off, 6
				items, err := s.Items(ctx, page)
				if err != nil {
					t.Fatal(err)
				}
				if len(items) == 0 {
					break
				}
				paged = append(paged, items...)
			}
			if len(whole) != tt.want || !reflect.DeepEqual(paged, whole) {
				t.Fatalf("pages of 6 give %d items, one page %d, want %d in the same order", len(paged), len(whole), tt.want)
			}
		})
	}
	feeds, err := s.Feeds(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprint(feeds[0].Unread, feeds[0].Total, feeds[1].Unread, feeds[1].Total)
	if got != "13 20 18 27" {
		t.Fatalf("Feeds unread/total = %s, want 13 20 18 27", got)
	}
}

// TestItemsQueryPlans checks that every headline page is found by reading
// one index in the order asked for, rather than by sorting matching rows
// or reading the table (folders are the exception: their items are
// gathered per feed, then their numbers sorted).
func TestItemsQueryPlans(t *testing.T) {
	s, _ := newStore(t)
	tests := []struct {
		q        feed.ItemQuery
		covering bool // the page is found in the index alone
	}{
		{feed.ItemQuery{}, true},
		{feed.ItemQuery{FeedID: 1}, true},
		{feed.ItemQuery{Unread: true}, true},
		{feed.ItemQuery{Starred: true}, true},
		{feed.ItemQuery{FeedID: 1, Unread: true}, true},
		{feed.ItemQuery{Folder: "x", Unread: true}, false},
		{feed.ItemQuery{FeedID: 1, Starred: true}, false},
	}
	for _, tt := range tests {
		for _, order := range []feed.Order{feed.NewestFirst, feed.OldestFirst, feed.UnreadFirst} {
			q := tt.q
			q.Order = order
			covering := tt.covering && !(q.Starred && order == feed.UnreadFirst)
			w, args := where(q)
			rows, err := s.r.Query(`EXPLAIN QUERY PLAN `+pageSQL(w, q.Order), append(args, 5, 0)...)
			if err != nil {
				t.Fatal(err)
			}
			var plan []string
			for rows.Next() {
				var id, parent, unused int
				var detail string
				if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
					t.Fatal(err)
				}
				plan = append(plan, detail)
			}
			if err := rows.Close(); err != nil {
				t.Fatal(err)
			}
			text := strings.Join(plan, "; ")
			if strings.Contains(text, "TEMP B-TREE") || !strings.Contains(text, "INDEX items_") {
				t.Errorf("%+v: plan %q sorts or scans the table", q, text)
			}
			if covering && !strings.Contains(text, "COVERING INDEX items_") {
				t.Errorf("%+v: plan %q reads the table", q, text)
			}
		}
	}
}
