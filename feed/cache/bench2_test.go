package cache

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/akhbar/akhbar/feed"
)

// copyFile copies the closed cache at src to dst.
func copyFile(b *testing.B, src, dst string) {
	b.Helper()
	in, err := os.Open(src)
	if err != nil {
		b.Fatal(err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		b.Fatal(err)
	}
	if _, err := io.Copy(out, in); err != nil {
		b.Fatal(err)
	}
	if err := out.Close(); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkCleanup100k removes the half of a 100k cache dated more than
// 182 days before the generator's fetch time (about 50,000 items and
// their articles), in a fresh copy of the cache each time; "vacuum" also
// compacts the file.
func BenchmarkCleanup100k(b *testing.B) {
	src := cache100k(b)
	for _, vacuum := range []bool{false, true} {
		b.Run(map[bool]string{false: "delete", true: "vacuum"}[vacuum], func(b *testing.B) {
			dst := filepath.Join(b.TempDir(), "cache.db")
			ctx := context.Background()
			var rep CleanupReport
			for b.Loop() {
				b.StopTimer()
				copyFile(b, src, dst)
				s, err := Open(dst)
				if err != nil {
					b.Fatal(err)
				}
				s.now = func() time.Time { return time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC) }
				b.StartTimer()
				rep, err = s.Cleanup(ctx, Retention{Limits: Limits{KeepDays: 182}, UnreadDays: 182, Vacuum: vacuum})
				if err != nil {
					b.Fatal(err)
				}
				b.StopTimer()
				if err := s.Close(); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
			}
			b.ReportMetric(float64(rep.Items), "items-removed")
			b.ReportMetric(float64(rep.Freed)/(1<<20), "MB-freed")
		})
	}
}

// benchFollows adds ten follows suggested from items spread over the
// cache, removing them when the benchmark ends.
func benchFollows(b *testing.B, s *Store) []feed.Follow {
	b.Helper()
	ctx := context.Background()
	var out []feed.Follow
	for off := 0; off < 100_000; off += 10_007 {
		items, err := s.Items(ctx, feed.ItemQuery{Offset: off, Limit: 1})
		if err != nil {
			b.Fatal(err)
		}
		q, err := s.FollowQuery(ctx, items[0].ID)
		if err != nil {
			b.Fatal(err)
		}
		f, err := s.AddFollow(ctx, q)
		if err != nil {
			b.Fatal(err)
		}
		out = append(out, f)
	}
	b.Cleanup(func() {
		for _, f := range out {
			if err := s.RemoveFollow(ctx, f.ID); err != nil {
				b.Error(err)
			}
		}
	})
	return out
}

func BenchmarkFollows100k(b *testing.B) {
	s := open100k(b)
	follows := benchFollows(b, s)
	ctx := context.Background()
	b.Run("list-10-with-counts", func(b *testing.B) {
		matches := 0
		for b.Loop() {
			list, err := s.Follows(ctx)
			if err != nil || len(list) != len(follows) {
				b.Fatalf("Follows: %d, %v", len(list), err)
			}
			matches = 0
			for _, f := range list {
				matches += f.Total
			}
		}
		b.ReportMetric(float64(matches)/float64(len(follows)), "matches/follow")
	})
	b.Run("first-page", func(b *testing.B) {
		i := 0
		for b.Loop() {
			f := follows[i%len(follows)]
			i++
			if _, err := s.Items(ctx, feed.ItemQuery{Follow: f.ID, Limit: 50}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("suggest-query", func(b *testing.B) {
		items, err := s.Items(ctx, feed.ItemQuery{Limit: 20})
		if err != nil {
			b.Fatal(err)
		}
		i := 0
		for b.Loop() {
			if _, err := s.FollowQuery(ctx, items[i%len(items)].ID); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
}
