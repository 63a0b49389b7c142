package cache

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/akhbar/akhbar/feed"
)

// benchCacheEnv names an existing generated cache (gencache -items 100000
// -feeds 500) for the 100k benchmarks to reuse instead of generating one.
const benchCacheEnv = "AKHBAR_BENCH_CACHE"

// bench100k generates the 100k-item cache once per test binary run, in a
// temporary directory that TestMain removes.
var bench100k = struct {
	once sync.Once
	dir  string
	path string
	err  error
}{}

func TestMain(m *testing.M) {
	code := m.Run()
	if bench100k.dir != "" {
		if err := os.RemoveAll(bench100k.dir); err != nil {
			fmt.Fprintln(os.Stderr, "remove benchmark cache:", err)
		}
	}
	os.Exit(code)
}

func cache100k(b *testing.B) string {
	b.Helper()
	bench100k.once.Do(func() {
		if p := os.Getenv(benchCacheEnv); p != "" {
			bench100k.path = p
			return
		}
		bench100k.dir, bench100k.err = os.MkdirTemp("", "akhbar-bench-")
		if bench100k.err != nil {
			return
		}
		bench100k.path = filepath.Join(bench100k.dir, "cache.db")
		start := time.Now()
		bench100k.err = Generate(bench100k.path, 100_000, 500)
		fmt.Fprintf(os.Stderr, "generated the 100k cache in %s\n", time.Since(start).Round(time.Second))
	})
	if bench100k.err != nil {
		b.Fatal(bench100k.err)
	}
	return bench100k.path
}

func open100k(b *testing.B) *Store {
	b.Helper()
	s, err := Open(cache100k(b))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() {
		if err := s.Close(); err != nil {
			b.Error(err)
		}
	})
	return s
}

// reportPercentiles reports the median and 95th percentile of ds.
func reportPercentiles(b *testing.B, ds []time.Duration) {
	if len(ds) == 0 {
		return
	}
	slices.Sort(ds)
	ms := func(p float64) float64 { return float64(ds[int(p*float64(len(ds)-1))]) / 1e6 }
	b.ReportMetric(ms(0.5), "p50-ms")
	b.ReportMetric(ms(0.95), "p95-ms")
}

func BenchmarkOpenFirstPage100k(b *testing.B) {
	path := cache100k(b)
	ctx := context.Background()
	for b.Loop() {
		s, err := Open(path)
		if err != nil {
			b.Fatal(err)
		}
		items, err := s.Items(ctx, feed.ItemQuery{Limit: 50})
		if err != nil || len(items) != 50 {
			b.Fatalf("first page: %d items, %v", len(items), err)
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkItemsPage100k(b *testing.B) {
	s := open100k(b)
	ctx := context.Background()
	tests := []struct {
		name string
		q    feed.ItemQuery
	}{
		{"newest", feed.ItemQuery{}},
		{"oldest", feed.ItemQuery{Order: feed.OldestFirst}},
		{"unread_first", feed.ItemQuery{Order: feed.UnreadFirst}},
		{"unread", feed.ItemQuery{Unread: true}},
		{"starred", feed.ItemQuery{Starred: true}},
		{"feed", feed.ItemQuery{FeedID: 7}},
		{"folder", feed.ItemQuery{Folder: "folder 3"}},
	}
	for _, tt := range tests {
		b.Run(tt.name, func(b *testing.B) {
			page := 0
			for b.Loop() {
				q := tt.q
				q.Offset, q.Limit = (page%20)*50, 50 // the first 20 pages
				page++
				if _, err := s.Items(ctx, q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	b.Run("count_all", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.CountItems(ctx, feed.ItemQuery{}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkFeedsUnread500(b *testing.B) {
	s := open100k(b)
	ctx := context.Background()
	for b.Loop() {
		feeds, err := s.Feeds(ctx)
		if err != nil || len(feeds) != 500 {
			b.Fatalf("Feeds: %d, %v", len(feeds), err)
		}
	}
}

// benchQueries are typical searches of the generated cache.
var benchQueries = []string{
	"التضخم", "البنك المركزي", "الدوحة", "الاقتصا*", `"أسعار الفائدة"`, "محمد الخطيب",
	"inflation", "central bank", "Tokyo", "invest*", `"interest rates"`, "Sarah Walker",
	"مشروع", "project", "المنتخب البطولة", "climate drought",
}

func BenchmarkSearch100k(b *testing.B) {
	s := open100k(b)
	ctx := context.Background()
	var ds []time.Duration
	i := 0
	for b.Loop() {
		q := benchQueries[i%len(benchQueries)]
		i++
		start := time.Now()
		hits, err := s.Search(ctx, q, 20)
		ds = append(ds, time.Since(start))
		if err != nil || len(hits) == 0 {
			b.Fatalf("Search(%q): %d hits, %v", q, len(hits), err)
		}
	}
	reportPercentiles(b, ds)
}

func BenchmarkRelated100k(b *testing.B) {
	s := open100k(b)
	ctx := context.Background()
	var ids []string
	for off := 0; off < 100_000; off += 997 {
		items, err := s.Items(ctx, feed.ItemQuery{Offset: off, Limit: 1})
		if err != nil {
			b.Fatal(err)
		}
		ids = append(ids, items[0].ID)
	}
	var ds []time.Duration
	i := 0
	for b.Loop() {
		id := ids[i%len(ids)]
		i++
		start := time.Now()
		rel, err := s.Related(ctx, id, 10)
		ds = append(ds, time.Since(start))
		if err != nil || len(rel) == 0 {
			b.Fatalf("Related(%s): %d items, %v", id, len(rel), err)
		}
	}
	reportPercentiles(b, ds)
}

func BenchmarkSaveFetch50(b *testing.B) {
	for _, fresh := range []bool{true, false} {
		name := map[bool]string{true: "new", false: "unchanged"}[fresh]
		b.Run(name, func(b *testing.B) {
			s, _ := newStore(b)
			ctx := context.Background()
			f := addFeed(b, s, "https://bench.example/rss", "")
			g := newGenerator(800)
			st := &g.stories[0][0]
			items := make([]feed.Item, 50)
			for i := range items {
				items[i], _ = g.item(f, st, i)
			}
			round := 0
			for b.Loop() {
				if fresh {
					for i := range items {
						items[i].GUID = fmt.Sprintf("%d-%d", round, i)
						items[i].URL = items[i].GUID
						items[i].ID = "" // computed from the new GUID
					}
				}
				round++
				if _, err := s.SaveFetch(ctx, f.ID, feed.FetchResult{Items: items}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
