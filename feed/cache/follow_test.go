package cache

import (
	"context"
	"errors"
	"strconv"
	"testing"
	"time"

	"github.com/akhbar/akhbar/feed"
)

func TestFollow(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	f := addFeed(t, s, "https://a.example/rss", "")
	day := func(d int) time.Time { return fetchTime.Add(-time.Duration(d) * time.Hour) }
	added := saveFetch(t, s, f.ID,
		feed.Item{GUID: "1", Title: "فيضانات في مدينة الإسكندرية", Summary: "أمطار غزيرة", Published: day(5)},
		feed.Item{GUID: "2", Title: "Markets rally", Summary: "Stocks rose in Cairo", Published: day(4)},
		feed.Item{GUID: "3", Title: "الإسكندريّة تستعد لموجة فيضانات جديدة", Published: day(3)},
		feed.Item{GUID: "4", Title: "Weather", Summary: "فيضانات متوقعة في الاسكندرية غدا", Published: day(2)},
	)
	must(t, s.SetRead(ctx, []string{added[0].ID}, true))

	fl, err := s.AddFollow(ctx, "  فيضانات   الاسكندرية ")
	if err != nil {
		t.Fatal(err)
	}
	if fl.Query != "فيضانات الاسكندرية" || fl.Total != 3 || fl.Unread != 2 || fl.Created.IsZero() {
		t.Fatalf("AddFollow = %+v, want 3 matches, 2 unread", fl)
	}
	// A later refresh adds to it at once.
	saveFetch(t, s, f.ID, feed.Item{GUID: "5", Title: "فيضانات الإسكندرية: الحصيلة", Published: day(1)})
	items, err := s.Items(ctx, feed.ItemQuery{Follow: fl.ID, Limit: 2})
	if err != nil {
		t.Fatal(err)
	}
	if got := titles(items); got != "فيضانات الإسكندرية: الحصيلة"+"Weather" {
		t.Fatalf("first page of the follow: %s", got)
	}
	next, err := s.Items(ctx, feed.ItemQuery{Follow: fl.ID, Limit: 2, Offset: 2})
	if err != nil || len(next) != 2 {
		t.Fatalf("second page: %d items, %v", len(next), err)
	}
	if n := count(t, s, feed.ItemQuery{Follow: fl.ID, Unread: true}); n != 3 {
		t.Fatalf("%d unread in the follow, want 3", n)
	}
	other, err := s.AddFollow(ctx, `"markets rally"`)
	if err != nil {
		t.Fatal(err)
	}
	list, err := s.Follows(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(list) != 2 || list[0].Total != 4 || list[0].Unread != 3 || list[1].Total != 1 || list[1].ID != other.ID {
		t.Fatalf("Follows = %+v", list)
	}
	must(t, s.RemoveFollow(ctx, fl.ID))
	if err := s.RemoveFollow(ctx, fl.ID); !errors.Is(err, feed.ErrNotFound) {
		t.Fatalf("removing twice: %v, want not found", err)
	}
	if n := count(t, s, feed.ItemQuery{Follow: fl.ID}); n != 0 {
		t.Fatalf("%d items in a removed follow", n)
	}
	if n := count(t, s, feed.ItemQuery{}); n != 5 {
		t.Fatalf("unfollowing removed items: %d left", n)
	}
	if _, err := s.AddFollow(ctx, ` " * `); err == nil {
		t.Fatal("a follow with no words was saved")
	}
}

func TestFollowQuery(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	f := addFeed(t, s, "https://a.example/rss", "")
	var items []feed.Item
	for i, title := range []string{
		"Floods hit Alexandria as the Nile delta braces",
		"Alexandria floods: evacuations begin",
		"Nile delta farmers count losses after Alexandria floods",
		"Football results",
		"Football transfer news",
	} {
		items = append(items, feed.Item{GUID: strconv.Itoa(i), Title: title, Summary: "Reported by our correspondent."})
	}
	added := saveFetch(t, s, f.ID, items...)
	q, err := s.FollowQuery(ctx, added[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	fl, err := s.AddFollow(ctx, q)
	if err != nil {
		t.Fatal(err)
	}
	if words := len(parseQuery(q)); words < 1 || words > followTerms || fl.Total < 2 {
		t.Fatalf("suggested %q (%d matches), want a few key terms matching the story", q, fl.Total)
	}
	for _, w := range []string{"Football", "the", "as"} {
		if containsWord(q, w) {
			t.Fatalf("suggested %q contains %q", q, w)
		}
	}
	if _, err := s.FollowQuery(ctx, "missing"); !errors.Is(err, feed.ErrNotFound) {
		t.Fatalf("FollowQuery of a missing item: %v", err)
	}
}

func containsWord(q, w string) bool {
	for _, sp := range wordSpans(q) {
		if q[sp.start:sp.end] == w {
			return true
		}
	}
	return false
}

func TestOriginalWords(t *testing.T) {
	tests := []struct {
		text  string
		words []string
		want  string
	}{
		{"Floods in ALEXANDRIA, floods again", []string{"alexandria", "floods"}, "Floods ALEXANDRIA"},
		{"فيضانات في الإسكندريّة", []string{"الاسكندريه"}, "الإسكندريّة"},
		{"nothing here", []string{"missing"}, ""},
	}
	for _, tt := range tests {
		if got := originalWords(tt.text, tt.words); got != tt.want {
			t.Errorf("originalWords(%q, %q) = %q, want %q", tt.text, tt.words, got, tt.want)
		}
	}
}
