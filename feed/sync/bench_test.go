package sync_test

import (
	"context"
	"path/filepath"
	"testing"
	"time"

	"github.com/akhbar/akhbar/feed/feedtest"
	"github.com/akhbar/akhbar/feed/sync/synctest"
)

// BenchmarkMinifluxSync measures a first sync of 50 feeds × 100 entries
// into an empty local database, and a sync of the unchanged account,
// with the requests each makes. Run by hand:
//
//	go test -run '^$' -bench MinifluxSync -benchtime 3x ./feed/sync/
func BenchmarkMinifluxSync(b *testing.B) {
	s := synctest.Start(b)
	fix := feedtest.NewServer(b)
	f := newFixture(b, s, fix, "bench", 50, 100)
	time.Sleep(1100 * time.Millisecond) // past the entries' changed_at second
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
