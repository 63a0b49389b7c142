package tui

import (
	"context"
	"io"
	"net/http"
	"path/filepath"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/cache"
	"github.com/akhbar/akhbar/feed/feedtest"
	"github.com/akhbar/akhbar/feed/fetch"
	"github.com/akhbar/akhbar/feed/refresh"
	"github.com/akhbar/akhbar/feed/service"
)

// shutdownCheck is how long a test lets Run take to return after a quit.
// Run itself gives up waiting after shutdownBound; this only catches a
// Run that does not return at all, so it is generous.
const shutdownCheck = 10 * time.Second

// TestQuitDuringASlowRefresh quits while a refresh is stuck on a feed
// that never finishes answering. Run must return, having cancelled the
// refresh and waited for it, so that the cache can be closed at once —
// under -race, with no data race and no use of a closed cache.
func TestQuitDuringASlowRefresh(t *testing.T) {
	srv := feedtest.NewServer(t)
	stalled := make(chan struct{}) // closed when the stalled request has ended
	drip := feedtest.Drip(20 * time.Millisecond)
	srv.HandleFunc("/stall.xml", func(w http.ResponseWriter, r *http.Request) {
		defer close(stalled)
		drip(w, r)
	})
	srv.Handle("/ok.xml", feedtest.Route{ContentType: "application/rss+xml",
		Body: []byte(`<rss version="2.0"><channel><title>ok</title><item><title>خبر</title><link>https://example.org/1</link></item></channel></rss>`)})
	st, err := cache.Open(filepath.Join(t.TempDir(), "cache.db"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, p := range []string{"/stall.xml", "/ok.xml"} {
		if _, err := st.AddFeed(ctx, feed.Feed{URL: srv.URL(p)}); err != nil {
			t.Fatal(err)
		}
	}
	svc := service.New(st, fetch.New(fetch.Options{Timeout: time.Hour}), service.Options{})
	in, keys := io.Pipe()
	done := make(chan error, 1)
	go func() {
		done <- Run(ctx, Deps{Store: st, Service: svc, Now: time.Now},
			Options{Theme: "dark", RefreshOnStart: true},
			tea.WithInput(in), tea.WithOutput(io.Discard), tea.WithWindowSize(100, 30), tea.WithoutSignals())
	}()
	for srv.Hits("/stall.xml") == 0 {
		time.Sleep(10 * time.Millisecond)
	}
	quit := time.Now()
	if _, err := keys.Write([]byte("q")); err != nil {
		t.Fatal(err)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("Run: %v", err)
		}
		t.Logf("Run returned %s after the quit key", time.Since(quit).Round(time.Millisecond))
	case <-time.After(shutdownCheck):
		t.Fatalf("Run did not return %s after quit", shutdownCheck)
	}
	// The refresh was cancelled, not left to run into its timeout.
	select {
	case <-stalled:
	case <-time.After(shutdownCheck):
		t.Fatal("the stalled request still runs after Run returned")
	}
	// Nothing of the TUI runs any more: the cache closes cleanly.
	if err := st.Close(); err != nil {
		t.Fatalf("close the cache: %v", err)
	}
	if err := keys.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestRefreshNeverBlocksOnAReaderThatHasGone sends far more progress than
// the channel holds, with nobody reading: ending the lifetime must still
// end the refresh goroutine.
func TestRefreshNeverBlocksOnAReaderThatHasGone(t *testing.T) {
	life := newLifetime(context.Background())
	svc := funcService{refresh: func(ctx context.Context, feeds []feed.Feed, progress func(refresh.Progress)) error {
		for i := range 1000 {
			progress(refresh.Progress{Done: i + 1, Total: 1000})
		}
		return ctx.Err()
	}}
	if msg := startRefresh(life, svc, []feed.Feed{{URL: "https://example.org/rss"}})(); msg == nil {
		t.Fatal("the refresh did not start")
	}
	if err := life.end(shutdownCheck); err != nil {
		t.Fatal(err)
	}
	if cmd := loadFeeds(life, nil); cmd() != nil {
		t.Fatal("a command ran after the end")
	}
}
