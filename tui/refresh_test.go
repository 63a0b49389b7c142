package tui

import (
	"testing"
	"time"

	"github.com/akhbar/akhbar/feed"
)

func TestDueFeedsFollowPerFeedIntervals(t *testing.T) {
	m := New(Deps{Now: func() time.Time { return testNow }}, Options{
		AutoRefresh: 30 * time.Minute,
		Settings:    map[string]feed.Settings{"https://slow/rss": {Interval: 6 * time.Hour}},
	})
	m.feeds.set([]feed.Feed{
		{ID: 1, URL: "https://fresh/rss", LastFetch: testNow.Add(-10 * time.Minute)},
		{ID: 2, URL: "https://stale/rss", LastFetch: testNow.Add(-40 * time.Minute)},
		{ID: 3, URL: "https://slow/rss", LastFetch: testNow.Add(-2 * time.Hour)},
		{ID: 4, URL: "https://never/rss"},
	}, nil, 0)
	var got []int64
	for _, f := range m.dueFeeds() {
		got = append(got, f.ID)
	}
	if len(got) != 2 || got[0] != 2 || got[1] != 4 {
		t.Fatalf("due feeds %v, want [2 4]", got)
	}
	if m.scheduleAutoRefresh() == nil {
		t.Fatal("no auto-refresh tick with an interval set")
	}
	off := New(Deps{Now: func() time.Time { return testNow }}, Options{})
	if off.scheduleAutoRefresh() != nil {
		t.Fatal("auto-refresh ticks with every interval off")
	}
}
