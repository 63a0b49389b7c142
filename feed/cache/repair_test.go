package cache

import (
	"context"
	"database/sql"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/internal/testenv"
)

// truth is what a healthy cache held, read before damaging it.
type truth struct {
	feeds    map[string]bool
	read     map[string]bool // item ID → read, for every item
	starred  map[string]bool
	articles int
}

func readTruth(t *testing.T, path string) truth {
	t.Helper()
	db, err := sql.Open("sqlite", salvageDSN(path))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	tr := truth{feeds: map[string]bool{}, read: map[string]bool{}, starred: map[string]bool{}}
	rows, err := db.Query(`SELECT url FROM feeds`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var u string
		if err := rows.Scan(&u); err != nil {
			t.Fatal(err)
		}
		tr.feeds[u] = true
	}
	rows, err = db.Query(`SELECT id, read, starred FROM items`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id string
		var read, starred bool
		if err := rows.Scan(&id, &read, &starred); err != nil {
			t.Fatal(err)
		}
		tr.read[id], tr.starred[id] = read, starred
	}
	if err := db.QueryRow(`SELECT count(*) FROM articles`).Scan(&tr.articles); err != nil {
		t.Fatal(err)
	}
	return tr
}

// damagePages overwrites n random leaf or overflow pages of table with
// random bytes and returns a bound on the rows that loses: n times the
// most rows any leaf page of table holds.
func damagePages(t *testing.T, path, table string, n int, rng *rand.Rand) int {
	t.Helper()
	db, err := sql.Open("sqlite", salvageDSN(path))
	if err != nil {
		t.Fatal(err)
	}
	rows, err := db.Query(`SELECT pageno, ncell FROM dbstat WHERE name = ? AND pagetype IN ('leaf', 'overflow')`, table)
	if err != nil {
		t.Fatal(err)
	}
	type page struct{ no, cells int64 }

	var pages []page
	most := int64(1)
	for rows.Next() {
		var p page
		if err := rows.Scan(&p.no, &p.cells); err != nil {
			t.Fatal(err)
		}
		pages = append(pages, p)
		most = max(most, p.cells)
	}
	var size int64
	if err := db.QueryRow(`PRAGMA page_size`).Scan(&size); err != nil {
		t.Fatal(err)
	}
	db.Close()
	fh, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	for _, i := range rng.Perm(len(pages))[:n] {
		junk := make([]byte, size)
		for j := range junk {
			junk[j] = byte(rng.UintN(256))
		}
		if _, err := fh.WriteAt(junk, (pages[i].no-1)*size); err != nil {
			t.Fatal(err)
		}
	}
	return n * int(most)
}

// checkSalvage checks the repaired cache at path against tr: every feed,
// the read and starred state of every item that survived, and no more
// lost items than the damaged pages held.
func checkSalvage(t *testing.T, path string, tr truth, rep RepairReport, lostItems, lostArticles int) {
	t.Helper()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if s.Recovered() != "" {
		t.Fatalf("the repaired cache was found damaged again")
	}
	feeds, err := s.Feeds(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(feeds) != len(tr.feeds) || rep.Feeds != len(tr.feeds) {
		t.Errorf("%d feeds salvaged (report %d), want all %d", len(feeds), rep.Feeds, len(tr.feeds))
	}
	items, err := s.Items(context.Background(), feed.ItemQuery{Limit: len(tr.read) + 10})
	if err != nil {
		t.Fatal(err)
	}
	if len(items) < len(tr.read)-lostItems || rep.Items != len(items) {
		t.Errorf("%d of %d items salvaged (report %d), want all but the %d on damaged pages", len(items), len(tr.read), rep.Items, lostItems)
	}
	starred := 0
	for _, it := range items {
		read, known := tr.read[it.ID]
		if !known || it.Read != read || it.Starred != tr.starred[it.ID] {
			t.Fatalf("item %s: read %v starred %v, was known %v read %v starred %v", it.ID, it.Read, it.Starred, known, read, tr.starred[it.ID])
		}
		if it.Starred {
			starred++
		}
	}
	if starred == 0 {
		t.Error("no starred item salvaged")
	}
	if rep.Articles < tr.articles-lostArticles {
		t.Errorf("%d of %d articles salvaged, want all but the %d on damaged pages", rep.Articles, tr.articles, lostArticles)
	}
	if !exists(rep.Aside) {
		t.Errorf("the damaged file is not kept at %q", rep.Aside)
	}
}

// TestOpenSalvagesSmallDamagedCache: a cache of about 1 MB with pages
// overwritten at random places is found damaged when opened, and what is
// readable — subscriptions, read and starred state, items, articles — is
// salvaged into the fresh cache.
func TestOpenSalvagesSmallDamagedCache(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cache.db")
	if err := Generate(path, 300, 6); err != nil {
		t.Fatal(err)
	}
	tr := readTruth(t, path)
	rng := rand.New(rand.NewPCG(1, 2))
	lostItems := damagePages(t, path, "items", 2, rng)
	lostArticles := damagePages(t, path, "articles", 3, rng)

	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	rep := s.Salvaged()
	if s.Recovered() == "" || rep.Aside != s.Recovered() {
		t.Fatalf("the damaged cache was not repaired: %+v", rep)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	checkSalvage(t, path, tr, rep, lostItems, lostArticles)
}

// TestLargeDamagedCacheStopsWritesAndRepairs: in a cache too large for
// Open's full check, the first write that meets damage switches writes
// off — every later write fails at once with feed.ErrCacheDamaged, and
// the file is not written again — and Repair salvages it. The 200 MB case
// runs with AKHBAR_TEST_BIG_CACHE=1 (a few minutes).
func TestLargeDamagedCacheStopsWritesAndRepairs(t *testing.T) {
	testenv.SkipShort(t, "builds a 10 MB cache")
	sizes := []struct{ items, feeds int }{{1700, 20}} // about 10 MB, over quickCheckMax
	if os.Getenv("AKHBAR_TEST_BIG_CACHE") == "1" {
		sizes = append(sizes, struct{ items, feeds int }{34000, 200}) // about 200 MB
	} else {
		t.Log("the 200 MB case runs with AKHBAR_TEST_BIG_CACHE=1")
	}
	for _, sz := range sizes {
		path := filepath.Join(t.TempDir(), "cache.db")
		if err := Generate(path, sz.items, sz.feeds); err != nil {
			t.Fatal(err)
		}
		if info, err := os.Stat(path); err != nil || info.Size() <= quickCheckMax {
			t.Fatalf("generated cache: %v, %v; want over %d bytes", info, err, quickCheckMax)
		}
		tr := readTruth(t, path)
		rng := rand.New(rand.NewPCG(uint64(sz.items), 7))
		lostItems := damagePages(t, path, "items", 3, rng)
		lostArticles := damagePages(t, path, "articles", 5, rng)

		s, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		if s.Recovered() != "" {
			t.Fatal("Open checked a large cache in full; this test needs the damage found later")
		}
		ids := make([]string, 0, len(tr.read))
		for id := range tr.read {
			ids = append(ids, id)
		}
		ctx := context.Background()
		if err := s.SetRead(ctx, ids, true); !errors.Is(err, feed.ErrCacheDamaged) {
			t.Fatalf("write over damaged pages: err = %v, want ErrCacheDamaged", err)
		}
		before, err := os.Stat(path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := s.AddFeed(ctx, feed.Feed{URL: "https://after.example/rss"}); !errors.Is(err, feed.ErrCacheDamaged) {
			t.Errorf("a later write: err = %v, want ErrCacheDamaged at once", err)
		}
		if s.Damaged() == nil {
			t.Error("Damaged() = nil after damage was met")
		}
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		if after, err := os.Stat(path); err != nil || !after.ModTime().Equal(before.ModTime()) || after.Size() != before.Size() {
			t.Errorf("the damaged file changed after writes stopped: %v → %v", before, after)
		}

		rep, err := Repair(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("%d items: %+v", sz.items, rep)
		checkSalvage(t, path, tr, rep, lostItems, lostArticles)
	}
}
