package refresh

import (
	"context"
	"fmt"
	"testing"

	"github.com/akhbar/akhbar/feed/feedtest"
	"github.com/akhbar/akhbar/feed/fetch"
)

// BenchmarkRefresh200x50 refreshes 200 feeds of 50 items each from a
// loopback server into a new SQLite cache: 10,000 new items per run.
func BenchmarkRefresh200x50(b *testing.B) {
	s := feedtest.NewServer(b)
	paths := make([]string, 200)
	for i := range paths {
		paths[i] = fmt.Sprintf("/feed/%d.xml", i)
		s.Handle(paths[i], feedtest.Route{Body: rss(fmt.Sprintf("Feed %d", i), 50, fmt.Sprintf("https://example.org/%d/", i)), ContentType: "application/rss+xml"})
	}
	client := fetch.New(fetch.Options{PerHost: 16})
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		store := openStore(b)
		feeds := subscribe(b, store, s, paths...)
		r := &Refresher{Store: store, Client: client, Options: Options{Concurrency: 16, Now: fixedNow}}
		b.StartTimer()
		sum, err := r.Run(context.Background(), feeds, nil)
		if err != nil || sum.New != 200*50 || len(sum.Failed) != 0 {
			b.Fatalf("summary %+v, err %v", sum, err)
		}
	}
}

// BenchmarkRefresh200x50Unchanged refreshes the same 200 feeds again:
// each answers 304 Not Modified to the ETag of the first refresh.
func BenchmarkRefresh200x50Unchanged(b *testing.B) {
	s := feedtest.NewServer(b)
	paths := make([]string, 200)
	for i := range paths {
		paths[i] = fmt.Sprintf("/feed/%d.xml", i)
		s.Handle(paths[i], feedtest.Route{Body: rss(fmt.Sprintf("Feed %d", i), 50, fmt.Sprintf("https://example.org/%d/", i)), ETag: fmt.Sprintf(`"%d"`, i)})
	}
	store := openStore(b)
	r := &Refresher{Store: store, Client: fetch.New(fetch.Options{PerHost: 16}), Options: Options{Concurrency: 16, Now: fixedNow}}
	if _, err := r.Run(context.Background(), subscribe(b, store, s, paths...), nil); err != nil {
		b.Fatal(err)
	}
	feeds, err := store.Feeds(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		sum, err := r.Run(context.Background(), feeds, nil)
		if err != nil || sum.New != 0 || len(sum.Failed) != 0 {
			b.Fatalf("summary %+v, err %v", sum, err)
		}
	}
}
