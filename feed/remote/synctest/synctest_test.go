package synctest

import (
	"context"
	"errors"
	"syscall"
	"testing"

	"github.com/akhbar/akhbar/feed/feedtest"
	"miniflux.app/v2/client"
)

const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Fixture</title><link>http://example.com/</link>
<item><title>أخبار اليوم</title><link>http://example.com/1</link><guid>1</guid><description>نص</description></item>
<item><title>Second</title><link>http://example.com/2</link><guid>2</guid></item>
</channel></rss>`

// TestHarness starts the real servers, subscribes a user to a loopback
// feed, survives a Miniflux restart, and leaves no process behind.
func TestHarness(t *testing.T) {
	s := Start(t)
	fix := feedtest.NewServer(t)
	fix.Handle("/feed.xml", feedtest.Route{ContentType: "application/rss+xml", Body: []byte(rss)})

	u := s.NewUser(t, "reader")
	ctx := context.Background()
	feedID, err := u.Client.CreateFeedContext(ctx, &client.FeedCreationRequest{FeedURL: fix.URL("/feed.xml")})
	if err != nil {
		t.Fatalf("create feed on a loopback URL: %v", err)
	}
	entries, err := u.Client.FeedEntriesContext(ctx, feedID, nil)
	if err != nil {
		t.Fatal(err)
	}
	if entries.Total != 2 || entries.Entries[0].Feed == nil {
		t.Fatalf("entries = %d, want 2 with their feed", entries.Total)
	}

	s.Stop()
	if err := u.Client.HealthcheckContext(ctx); err == nil {
		t.Fatal("healthcheck succeeded while Miniflux is stopped")
	}
	s.Restart(t)
	if _, err := u.Client.MeContext(ctx); err != nil {
		t.Fatalf("after restart: %v", err)
	}

	pids := []int{s.mf.proc.cmd.Process.Pid, s.pg.proc.cmd.Process.Pid}
	s.close(t)
	for _, pid := range pids {
		if err := syscall.Kill(pid, 0); !errors.Is(err, syscall.ESRCH) {
			t.Errorf("process %d still exists after close (kill 0: %v)", pid, err)
		}
	}
}
