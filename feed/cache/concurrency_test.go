package cache

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"sync"
	"testing"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/internal/testenv"
)

// writeBatches saves batches fetches of 10 new items each to the feed at
// url, through s, marking half of each batch read.
func writeBatches(ctx context.Context, s *Store, url string, batches int) error {
	f, err := s.AddFeed(ctx, feed.Feed{URL: url})
	if err != nil {
		return err
	}
	for b := range batches {
		added, err := s.SaveFetch(ctx, f.ID, feed.FetchResult{Items: sampleItems(10*(b+1), url)})
		if err != nil {
			return err
		}
		if len(added) != 10 {
			return fmt.Errorf("batch %d: %d new items, want 10", b, len(added))
		}
		if err := s.SetRead(ctx, []string{added[0].ID, added[1].ID, added[2].ID, added[3].ID, added[4].ID}, true); err != nil {
			return err
		}
	}
	return nil
}

func TestTwoStoresWriteAtOnce(t *testing.T) {
	s1, path := newStore(t)
	s2, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := s2.Close(); err != nil {
			t.Error(err)
		}
	}()
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i, s := range []*Store{s1, s2, s1, s2} {
		wg.Go(func() { errs[i] = writeBatches(ctx, s, fmt.Sprintf("https://f%d.example/rss", i), 15) })
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("writer %d: %v", i, err)
		}
	}
	for _, s := range []*Store{s1, s2} {
		if n := count(t, s, feed.ItemQuery{}); n != 4*150 {
			t.Fatalf("%d items, want %d", n, 4*150)
		}
		if n := count(t, s, feed.ItemQuery{Unread: true}); n != 4*75 {
			t.Fatalf("%d unread items, want %d", n, 4*75)
		}
	}
}

// childEnv names the cache a re-executed test binary writes to.
const childEnv = "AKHBAR_CACHE_TEST_CHILD"

// TestSecondProcessWrites re-executes the test binary, which writes to the
// cache while this process reads and writes it too.
func TestSecondProcessWrites(t *testing.T) {
	if path := os.Getenv(childEnv); path != "" {
		s, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := writeBatches(context.Background(), s, "https://child.example/rss", 40); err != nil {
			t.Fatal(err)
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		return
	}
	testenv.SkipShort(t, "re-executes the test binary")
	s, path := newStore(t)
	ctx := context.Background()
	cmd := exec.Command(os.Args[0], "-test.run=^TestSecondProcessWrites$", "-test.count=1")
	cmd.Env = append(os.Environ(), childEnv+"="+path)
	out := make(chan error, 1)
	var output []byte
	go func() {
		var err error
		output, err = cmd.CombinedOutput()
		out <- err
	}()
	parentErr := make(chan error, 1)
	go func() { parentErr <- writeBatches(ctx, s, "https://parent.example/rss", 40) }()
	reads := 0
	for done := false; !done; reads++ {
		select {
		case err := <-out:
			if err != nil {
				t.Fatalf("child process: %v\n%s", err, output)
			}
			done = true
		default:
		}
		if _, err := s.Items(ctx, feed.ItemQuery{Limit: 20}); err != nil {
			t.Fatalf("read %d while the child writes: %v", reads, err)
		}
		if _, err := s.Feeds(ctx); err != nil {
			t.Fatalf("read %d while the child writes: %v", reads, err)
		}
	}
	if err := <-parentErr; err != nil {
		t.Fatalf("parent writer: %v", err)
	}
	if n := count(t, s, feed.ItemQuery{}); n != 2*400 {
		t.Fatalf("%d items after both processes wrote, want %d", n, 2*400)
	}
}
