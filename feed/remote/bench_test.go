package remote_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/feedtest"
	"github.com/akhbar/akhbar/feed/remote/synctest"
)

// BenchmarkMinifluxSync measures a first sync of 50 feeds × 100 entries
// into an empty local database, and a sync of the unchanged account,
// with the requests each makes. Run by hand:
//
//	go test -run '^$' -bench MinifluxSync -benchtime 3x ./feed/remote/
func BenchmarkMinifluxSync(b *testing.B) {
	s := synctest.Start(b)
	fix := feedtest.NewServer(b)
	f := newFixture(b, s, fix, "bench", 50, 100)
	time.Sleep(1100 * time.Millisecond) // past the entries' changed_at second
	benchSyncs(b, f)
}

// freshLocal is f with an empty local database holding only the account.
func freshLocal(b *testing.B, f *fixture) *fixture {
	fresh := *f
	fresh.local = nil
	fresh.path = filepath.Join(b.TempDir(), "fresh.db")
	fresh.reopen(b)
	a := f.account
	a.ID = 0
	a, err := fresh.local.SaveAccount(context.Background(), a)
	if err != nil {
		b.Fatal(err)
	}
	fresh.account = a
	return &fresh
}

// BenchmarkGReaderSync is BenchmarkMinifluxSync through Miniflux's
// Google Reader endpoint (item IDs, then contents 250 at a time). Run by
// hand:
//
//	go test -run '^$' -bench GReaderSync -benchtime 3x ./feed/remote/
func BenchmarkGReaderSync(b *testing.B) {
	s := synctest.Start(b)
	fix := feedtest.NewServer(b)
	f := newFixture(b, s, fix, "grbench", 50, 100)
	f.useGReader(b, s)
	benchSyncs(b, f)
}

// BenchmarkGReaderStandardSync is the same through the loopback server
// of the standard kind (stream/contents, pages capped at 1000 here).
func BenchmarkGReaderStandardSync(b *testing.B) {
	srv := newGRServer(b, "bench", "bench-pw")
	srv.maxN = 1000
	for i := range 50 {
		fd := srv.addFeed(fmt.Sprintf("feed %d", i), fmt.Sprintf("http://example.com/%d.xml", i), []string{"أخبار", "Tech"}[i%2])
		for j := range 100 {
			srv.addItem(fd, fmt.Sprintf("خبر %d من %d", j, i), time.Hour, false, false)
		}
	}
	f := &fixture{path: filepath.Join(b.TempDir(), "local.db"), count: &counter{}}
	f.reopen(b)
	b.Setenv("AKHBAR_TEST_GR_BENCH", "bench-pw")
	a, err := f.local.SaveAccount(context.Background(), feed.Account{Kind: feed.KindGReader, URL: srv.URL,
		Username: "bench", Credential: feed.Credential{Kind: feed.SecretPassword, Env: "AKHBAR_TEST_GR_BENCH"}})
	if err != nil {
		b.Fatal(err)
	}
	f.account = a
	benchSyncs(b, f)
}

// benchSyncs runs the first-sync and no-change benchmarks on f's
// account of 50×100 entries.
func benchSyncs(b *testing.B, f *fixture) {
	b.Run("First50x100", func(b *testing.B) {
		var reqs []string
		for b.Loop() {
			b.StopTimer()
			fresh := freshLocal(b, f)
			b.StartTimer()
			st, r := fresh.mustSync(b)
			if st.Entries != 5000 {
				b.Fatalf("first sync got %d entries", st.Entries)
			}
			reqs = r
		}
		b.ReportMetric(float64(len(reqs)), "requests")
	})
	f.mustSync(b)
	b.Run("NoChange", func(b *testing.B) {
		var reqs []string
		for b.Loop() {
			st, r := f.mustSync(b)
			if st.Entries != 0 {
				b.Fatalf("no-change sync got %d entries", st.Entries)
			}
			reqs = r
		}
		b.ReportMetric(float64(len(reqs)), "requests")
	})
}
