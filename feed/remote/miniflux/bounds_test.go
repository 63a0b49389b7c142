package miniflux

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/cache"
	"github.com/akhbar/akhbar/feed/remote/internal/engine"
)

// endless is a Miniflux API server that never stops paging: every
// listing of entries, of the account or of one feed, answers a full page
// of new IDs after the one asked for and a total of 10^9. Its counters
// disagree with any cache, so a sync always relists the feed. It fails
// the test past maxPages listing requests, which only a sync without
// bounds reaches.
type endless struct {
	t        *testing.T
	mu       sync.Mutex
	pages    map[string]int   // listing requests by path
	after    map[string][]int // after_entry_id of each listing request, by path
	relist   bool             // list entries of the feed; else the account's changed entries are none
	maxPages int
}

func newEndless(t *testing.T, relist bool) (*endless, *httptest.Server) {
	s := &endless{t: t, pages: map[string]int{}, after: map[string][]int{}, relist: relist, maxPages: 12}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /v1/me", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, map[string]any{"id": 1, "username": "u"})
	})
	mux.HandleFunc("GET /v1/feeds", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, []map[string]any{{"id": 1, "title": "أخبار بلا نهاية", "feed_url": "http://example.com/endless.xml",
			"site_url": "http://example.com/", "category": map[string]any{"id": 1, "title": "News"}}})
	})
	mux.HandleFunc("GET /v1/feeds/counters", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, map[string]any{"reads": map[string]int{"1": 1_000_000_000}, "unreads": map[string]int{}})
	})
	mux.HandleFunc("GET /v1/entries", s.list(!relist))
	mux.HandleFunc("GET /v1/feeds/1/entries", s.list(relist))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return s, srv
}

// list answers a listing: full pages for ever when endless, else none.
func (s *endless) list(endless bool) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		after, _ := strconv.Atoi(r.URL.Query().Get("after_entry_id"))
		s.mu.Lock()
		s.pages[r.URL.Path]++
		s.after[r.URL.Path] = append(s.after[r.URL.Path], after)
		n := s.pages[r.URL.Path]
		s.mu.Unlock()
		if n > s.maxPages {
			s.t.Errorf("%s: request %d: the sync did not stop paging", r.URL.Path, n)
			http.Error(w, "enough", http.StatusInternalServerError)
			return
		}
		if !endless {
			writeJSON(w, map[string]any{"total": 0, "entries": []any{}})
			return
		}
		entries := make([]map[string]any, pageSize)
		at := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
		for i := range entries {
			id := after + 1 + i
			entries[i] = map[string]any{"id": id, "feed_id": 1, "status": "read", "title": "خبر " + strconv.Itoa(id),
				"url": "http://example.com/" + strconv.Itoa(id), "content": "<p>نص</p>", "published_at": at, "changed_at": at,
				"feed": map[string]any{"id": 1, "feed_url": "http://example.com/endless.xml", "title": "أخبار بلا نهاية"}}
		}
		writeJSON(w, map[string]any{"total": 1_000_000_000, "entries": entries})
	}
}

func (s *endless) requests(path string) (int, []int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.pages[path], append([]int(nil), s.after[path]...)
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	if err := json.NewEncoder(w).Encode(v); err != nil {
		panic(err)
	}
}

// newBoundedEngine opens a real cache with an account on the server and
// returns its engine with these limits.
func newBoundedEngine(t *testing.T, url string, l engine.Limits) (*Engine, *cache.Store, feed.Account) {
	t.Helper()
	ctx := context.Background()
	st, err := cache.Open(filepath.Join(t.TempDir(), "cache.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	t.Setenv("AKHBAR_TEST_ENDLESS_TOKEN", "token")
	a, err := st.SaveAccount(ctx, feed.Account{Kind: feed.KindMiniflux, URL: url,
		Credential: feed.Credential{Kind: feed.SecretToken, Env: "AKHBAR_TEST_ENDLESS_TOKEN"}})
	if err != nil {
		t.Fatal(err)
	}
	e, err := New(ctx, a, st, nil)
	if err != nil {
		t.Fatal(err)
	}
	e.limits = l
	return e, st, a
}

// TestSyncStopsAtBound: a server whose entry listing never ends (total
// 10^9, full pages) stops the sync after its bound of requests or of
// entries, with ErrBound; the pages read stay saved, and the next sync
// continues after the last entry saved.
func TestSyncStopsAtBound(t *testing.T) {
	tests := []struct {
		name      string
		limits    engine.Limits
		wantPages int
	}{
		{"requests", engine.Limits{Requests: 2, Entries: 1 << 30, IDs: 1 << 30}, 2},
		{"entries", engine.Limits{Requests: 1 << 30, Entries: pageSize + 1, IDs: 1 << 30}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			srv, hs := newEndless(t, false)
			e, st, a := newBoundedEngine(t, hs.URL, tt.limits)
			stats, err := e.Sync(ctx)
			if !errors.Is(err, engine.ErrBound) {
				t.Fatalf("sync of an endless listing: %v, want ErrBound", err)
			}
			n, _ := srv.requests("/v1/entries")
			if n != tt.wantPages {
				t.Fatalf("the sync asked for %d pages, want %d", n, tt.wantPages)
			}
			if stats.Entries != tt.wantPages*pageSize {
				t.Errorf("stats.Entries = %d, want %d", stats.Entries, tt.wantPages*pageSize)
			}
			items, err := st.Items(ctx, feed.ItemQuery{Account: a.ID, Limit: 10 * pageSize})
			if err != nil {
				t.Fatal(err)
			}
			if len(items) != tt.wantPages*pageSize {
				t.Errorf("the cache holds %d entries, want the %d of the pages read", len(items), tt.wantPages*pageSize)
			}

			if _, err := e.Sync(ctx); !errors.Is(err, engine.ErrBound) {
				t.Fatalf("second sync: %v, want ErrBound", err)
			}
			n, after := srv.requests("/v1/entries")
			if n != 2*tt.wantPages || after[tt.wantPages] != tt.wantPages*pageSize {
				t.Errorf("second sync: %d pages in all, after_entry_id %v: want it to continue after entry %d", n, after, tt.wantPages*pageSize)
			}
		})
	}
}

// TestRelistStopsAtBound: a feed whose counts always disagree and whose
// listing never ends stops the relisting at the bound, with ErrBound,
// and removes nothing from an incomplete listing.
func TestRelistStopsAtBound(t *testing.T) {
	ctx := context.Background()
	srv, hs := newEndless(t, true)
	e, st, a := newBoundedEngine(t, hs.URL, engine.Limits{Requests: 3, Entries: 1 << 30, IDs: 1 << 30})
	// An entry the cache holds that the endless listing never reaches:
	// a complete listing would remove it.
	kept := feed.Entry{RemoteID: "999999999", RemoteFeedID: "1", Item: feed.Item{ID: "kept", Title: "باقٍ", Read: true}}
	if _, err := e.Sync(ctx); !errors.Is(err, engine.ErrBound) {
		t.Fatalf("first sync: %v, want ErrBound", err)
	}
	if err := st.SaveEntries(ctx, a.ID, []feed.Entry{kept}); err != nil {
		t.Fatal(err)
	}
	_, err := e.Sync(ctx)
	if !errors.Is(err, engine.ErrBound) {
		t.Fatalf("sync of an endless feed: %v, want ErrBound", err)
	}
	if n, _ := srv.requests("/v1/entries"); n != 2 {
		t.Errorf("%d listings of changed entries, want 1 per sync", n)
	}
	if n, _ := srv.requests("/v1/feeds/1/entries"); n != 2*2 {
		t.Errorf("%d pages of the feed in two syncs, want 2 each (the bound of 3 less the changed entries' page)", n)
	}
	held, err := st.Held(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, h := range held {
		found = found || h.RemoteID == kept.RemoteID
	}
	if !found || len(held) != 2*pageSize+1 {
		t.Errorf("the cache holds %d entries (entry %s there: %v), want the %d listed and that one", len(held), kept.RemoteID, found, 2*pageSize)
	}
}
