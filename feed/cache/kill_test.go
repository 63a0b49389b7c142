package cache

import (
	"bufio"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/akhbar/akhbar/feed"
)

// killChildEnv names the cache that a re-executed test binary refreshes
// in a loop until it is killed.
const killChildEnv = "AKHBAR_CACHE_KILL_CHILD"

// killBatch is how many new items each fetch of the killed writer saves.
const killBatch = 40

// killWriters is how many goroutines of the killed writer save at once,
// so that its fetches are saved in batches of several feeds (batcher).
const killWriters = 4

// refreshForever saves fetches of killBatch new items to five feeds, from
// killWriters goroutines at once, and prints "writing" once the first
// one is saved.
func refreshForever(path string) error {
	s, err := Open(path)
	if err != nil {
		return err
	}
	ctx := context.Background()
	feeds := make([]feed.Feed, 5)
	for i := range feeds {
		if feeds[i], err = s.AddFeed(ctx, feed.Feed{URL: fmt.Sprintf("https://killed%d.example/rss", i)}); err != nil {
			return err
		}
	}
	errs := make(chan error, killWriters)
	var once sync.Once
	for g := range killWriters {
		go func() {
			for i := 0; ; i++ {
				f := feeds[(i+g)%len(feeds)]
				items := sampleItems(killBatch, fmt.Sprintf("%d-%d-%d", os.Getpid(), g, i))
				for j := range items {
					items[j].URL = fmt.Sprintf("%s/%d/%d/%d/%d", f.URL, os.Getpid(), g, i, j)
					items[j].Summary = "نص الخبر الكامل مع بعض الكلمات للفهرس"
				}
				if _, err := s.SaveFetch(ctx, f.ID, feed.FetchResult{Items: items}); err != nil {
					errs <- err
					return
				}
				once.Do(func() { fmt.Println("writing") })
			}
		}()
	}
	return <-errs
}

// TestKillDuringRefresh kills a process refreshing the cache at random
// points, again and again, and checks after each kill that the file is
// sound, the read, starred and position state saved before is intact, and
// every fetch was saved whole or not at all.
func TestKillDuringRefresh(t *testing.T) {
	if path := os.Getenv(killChildEnv); path != "" {
		if err := refreshForever(path); err != nil {
			t.Fatal(err)
		}
		return
	}
	if testing.Short() {
		t.Skip("re-executes the test binary a dozen times")
	}
	s, path := newStore(t)
	ctx := context.Background()
	f := addFeed(t, s, "https://state.example/rss", "")
	kept := saveFetch(t, s, f.ID, sampleItems(10, "state")...)
	ids := []string{kept[0].ID, kept[1].ID, kept[2].ID}
	if err := s.SetRead(ctx, ids, true); err != nil {
		t.Fatal(err)
	}
	if err := s.SetStarred(ctx, kept[3].ID, true); err != nil {
		t.Fatal(err)
	}
	if err := s.SetPosition(ctx, kept[4].ID, 0.5); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	for round := range 12 {
		killWriter(t, path, time.Duration(rand.IntN(150))*time.Millisecond)
		checkAfterKill(t, path, round, kept)
	}
}

// killWriter starts the writer on path, waits until it has saved once,
// lets it run for after, and kills it with SIGKILL.
func killWriter(t *testing.T, path string, after time.Duration) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestKillDuringRefresh$", "-test.count=1")
	cmd.Env = append(os.Environ(), killChildEnv+"="+path)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil || line != "writing\n" {
		t.Fatalf("writer did not start writing: %q, %v (%v)", line, err, cmd.Wait())
	}
	time.Sleep(after)
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	if err := cmd.Wait(); err == nil {
		t.Fatal("the writer exited by itself")
	}
}

func checkAfterKill(t *testing.T, path string, round int, kept []feed.Item) {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatalf("round %d: open after kill: %v", round, err)
	}
	defer func() {
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	}()
	if moved := s.Recovered(); moved != "" {
		t.Fatalf("round %d: the cache was found damaged and moved to %s", round, moved)
	}
	var res string
	if err := s.r.QueryRow(`PRAGMA integrity_check`).Scan(&res); err != nil || res != "ok" {
		t.Fatalf("round %d: integrity_check = %q, %v", round, res, err)
	}
	ctx := context.Background()
	for i, want := range kept[:5] {
		it, err := s.Item(ctx, want.ID)
		if err != nil {
			t.Fatalf("round %d: %v", round, err)
		}
		if it.Read != (i < 3) || it.Starred != (i == 3) || (it.Position == 0.5) != (i == 4) {
			t.Fatalf("round %d: item %d is read %v, starred %v, at %v: state lost", round, i, it.Read, it.Starred, it.Position)
		}
	}
	feeds, err := s.Feeds(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range feeds {
		n := count(t, s, feed.ItemQuery{FeedID: f.ID})
		if n != f.Total || (f.URL != "https://state.example/rss" && n%killBatch != 0) {
			t.Fatalf("round %d: feed %s has %d items (count %d): a fetch was saved in part", round, f.URL, n, f.Total)
		}
	}
	// The search rows are written at the end of each transaction: every
	// saved item has its row, and no row outlives its item.
	var indexed, items int
	if err := s.r.QueryRow(`SELECT count(*) FROM items_fts WHERE items_fts MATCH 'الكامل'`).Scan(&indexed); err != nil {
		t.Fatal(err)
	}
	if err := s.r.QueryRow(`SELECT count(*) FROM items WHERE summary LIKE '%الكامل%'`).Scan(&items); err != nil {
		t.Fatal(err)
	}
	if indexed != items || items == 0 {
		t.Fatalf("round %d: %d items hold the word, %d search rows match it", round, items, indexed)
	}
}
