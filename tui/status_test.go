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
