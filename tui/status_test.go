package tui

import (
	"errors"
	"strings"
	"testing"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/refresh"
	"github.com/akhbar/akhbar/tui/i18n"
)

func TestStatusShowsAFailedSyncAccount(t *testing.T) {
	cat := i18n.New(i18n.EN, i18n.Latin)
	var s status
	s.startRefresh(2)
	s.progress(refresh.Progress{Done: 1, Total: 2, Feed: feed.Feed{Title: "miniflux account 1"}, Err: errors.New("401 Unauthorized")})
	s.progress(refresh.Progress{Done: 2, Total: 2, Feed: feed.Feed{ID: 7, Title: "local"}, New: 3})
	s.finish(nil, cat)
	if !s.isErr || !strings.Contains(s.text, "miniflux account 1: 401 Unauthorized") || !strings.Contains(s.text, "3 new") {
		t.Fatalf("status = %q (error %v)", s.text, s.isErr)
	}
}

func TestStatusSaysWhyTheOneFailedFeedFailed(t *testing.T) {
	cat := i18n.New(i18n.EN, i18n.Latin)
	var s status
	s.startRefresh(1)
	url := "https://example.org/feed.xml"
	s.progress(refresh.Progress{Done: 1, Total: 1, Feed: feed.Feed{ID: 3, URL: url, Title: "Gazette"}, Err: errors.New("fetch " + url + ": 404 Not Found")})
	s.finish(nil, cat)
	if !strings.Contains(s.text, "1 failed") || !strings.Contains(s.text, "Gazette") || !strings.Contains(s.text, "404 Not Found") || strings.Contains(s.text, url) {
		t.Fatalf("status = %q", s.text)
	}
}

func TestWhyFailedDropsTheFeedsAddress(t *testing.T) {
	url := "http://127.0.0.1:8080/a.xml"
	for err, want := range map[string]string{
		"fetch " + url + ": timed out after 1s":   "timed out after 1s",
		`Get "` + url + `": connection refused`:   "connection refused",
		"parse feed: not a feed (unknown format)": "parse feed: not a feed (unknown format)",
		"fetch " + url + ": ":                     "fetch " + url + ": ",
	} {
		if got := whyFailed(url, err); got != want {
			t.Errorf("whyFailed(%q) = %q, want %q", err, got, want)
		}
	}
}
