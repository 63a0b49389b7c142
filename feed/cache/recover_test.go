package cache

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/akhbar/akhbar/feed"
)

// writeRealCache writes a closed cache of 300 items with articles at
// path and returns its size.
func writeRealCache(t *testing.T, path string) int64 {
	t.Helper()
	if err := Generate(path, 300, 3); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if hasWAL(path) {
		t.Fatal("a closed cache left a write-ahead log behind")
	}
	return info.Size()
}

func TestOpenRecoversDamagedFile(t *testing.T) {
	tests := []struct {
		name    string
		damage  func(t *testing.T, path string)
		recover bool
	}{
		{"garbage bytes", func(t *testing.T, path string) {
			writeFile(t, path, strings.Repeat("not a database\x00\xff", 300))
			writeFile(t, path+"-wal", "stale log")
			writeFile(t, path+"-shm", "stale shared memory")
		}, true},
		{"a short text file", func(t *testing.T, path string) { writeFile(t, path, "hello") }, true},
		{"empty file", func(t *testing.T, path string) { writeFile(t, path, "") }, false},
		{"truncated real cache", func(t *testing.T, path string) {
			size := writeRealCache(t, path)
			if err := os.Truncate(path, size/2); err != nil {
				t.Fatal(err)
			}
		}, true},
		{"damaged pages in a real cache", func(t *testing.T, path string) {
			size := writeRealCache(t, path)
			fh, err := os.OpenFile(path, os.O_WRONLY, 0)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := fh.WriteAt([]byte(strings.Repeat("\xde\xad", 8192)), size/2); err != nil {
				t.Fatal(err)
			}
			if err := fh.Close(); err != nil {
				t.Fatal(err)
			}
		}, true},
		{"healthy real cache", func(t *testing.T, path string) { writeRealCache(t, path) }, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "cache.db")
			tt.damage(t, path)
			hadLog := exists(path + "-wal")
			s, err := Open(path)
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			defer func() {
				if err := s.Close(); err != nil {
					t.Error(err)
				}
			}()
			moved := s.Recovered()
			if !tt.recover {
				if moved != "" {
					t.Fatalf("a usable file was moved aside to %s", moved)
				}
				return
			}
			if !strings.HasPrefix(filepath.Base(moved), "cache.db.corrupt-") {
				t.Fatalf("Recovered() = %q, want cache.db.corrupt-<time>", moved)
			}
			if !exists(moved) {
				t.Fatalf("the damaged file is not at %s", moved)
			}
			if hadLog && (!exists(moved+"-wal") || !exists(moved+"-shm")) {
				t.Fatal("the -wal and -shm files were not moved along")
			}
			// The fresh cache works (it holds what was salvaged).
			had := count(t, s, feed.ItemQuery{})
			f := addFeed(t, s, "https://fresh.example/rss", "")
			saveFetch(t, s, f.ID, sampleItems(3, "x")...)
			if n := count(t, s, feed.ItemQuery{}); n != had+3 {
				t.Fatalf("%d items in the fresh cache, want %d", n, had+3)
			}
		})
	}
}

func TestOpenTwiceKeepsEachDamagedFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cache.db")
	var moved []string
	for range 2 {
		writeFile(t, path, "garbage garbage garbage garbage garbage garbage garbage garbage garbage garbage garbage garbage")
		s, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		moved = append(moved, s.Recovered())
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		if err := os.Remove(path); err != nil {
			t.Fatal(err)
		}
	}
	if moved[0] == moved[1] || !exists(moved[0]) || !exists(moved[1]) {
		t.Fatalf("moved to %q and %q, want two distinct kept files", moved[0], moved[1])
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestDiskFull(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	f := addFeed(t, s, "https://full.example/rss", "")
	saved := saveFetch(t, s, f.ID, sampleItems(5, "before")...)
	var pages int
	if err := s.w.QueryRowContext(ctx, `PRAGMA page_count`).Scan(&pages); err != nil {
		t.Fatal(err)
	}
	// The write pool has one connection, so the limit holds for every
	// write that follows: a real SQLITE_FULL, as from a full disk.
	if _, err := s.w.ExecContext(ctx, `PRAGMA max_page_count = `+strconv.Itoa(pages+2)); err != nil {
		t.Fatal(err)
	}
	var err error
	for i := 0; err == nil && i < 50; i++ {
		big := sampleItems(50, "big"+strconv.Itoa(i))
		for j := range big {
			big[j].Summary = strings.Repeat("نص طويل جدا ", 400)
			big[j].URL += "/" + strconv.Itoa(i)
		}
		_, err = s.SaveFetch(ctx, f.ID, feed.FetchResult{Items: big, At: fetchTime})
	}
	if !errors.Is(err, ErrFull) {
		t.Fatalf("saving into a full cache: %v, want ErrFull", err)
	}
	if msg := err.Error(); !strings.Contains(msg, "save fetch of feed") || !strings.Contains(msg, "full") {
		t.Fatalf("error %q does not name the operation and the full disk", msg)
	}
	// Reads keep working and see everything saved before.
	items, err := s.Items(ctx, feed.ItemQuery{FeedID: f.ID, Limit: 100})
	if err != nil {
		t.Fatalf("reading a full cache: %v", err)
	}
	if len(items) != len(saved) {
		t.Fatalf("%d items after the failed save, want the %d saved before (all or nothing)", len(items), len(saved))
	}
	// Once there is room again, writes work.
	if _, err := s.w.ExecContext(ctx, `PRAGMA max_page_count = 1000000`); err != nil {
		t.Fatal(err)
	}
	if err := s.SetStarred(ctx, saved[0].ID, true); err != nil {
		t.Fatalf("writing once there is room: %v", err)
	}
}
