package greader

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/cache"
	"github.com/akhbar/akhbar/feed/remote/internal/engine"
)

// endlessGR is a Google Reader API server that pages for ever where its
// test says: item ID lists, stream contents, or a reading list so long
// that fetching its items by ID takes many batches. Every page carries
// new item IDs. It fails the test past maxPages requests to one path,
// which only a sync without bounds reaches.
type endlessGR struct {
	t        *testing.T
	idsLoop  bool // item ID lists never end
	contents bool // serve stream/contents, and never end it; else 404
	window   int  // IDs of the reading list since the last sync (contents off)
	maxPages int

	mu    sync.Mutex
	next  int64          // next item ID
	pages map[string]int // requests by path
}

const endlessAPI = "/reader/api/0/"

func newEndlessGR(t *testing.T, s *endlessGR) *httptest.Server {
	s.t, s.pages, s.next, s.maxPages = t, map[string]int{}, 1, 30
	mux := http.NewServeMux()
	mux.HandleFunc("POST /accounts/ClientLogin", func(w http.ResponseWriter, _ *http.Request) {
		fmt.Fprintln(w, "SID=x\nAuth=endless-auth")
	})
	mux.HandleFunc("GET "+endlessAPI+"token", func(w http.ResponseWriter, _ *http.Request) { fmt.Fprintln(w, "endless-edit") })
	mux.HandleFunc("GET "+endlessAPI+"subscription/list", func(w http.ResponseWriter, _ *http.Request) {
		grJSON(w, map[string]any{"subscriptions": []map[string]any{{"id": "feed/1", "title": "סוף אין", "url": "http://example.com/e.xml",
			"htmlUrl": "http://example.com/", "categories": []map[string]any{{"id": "user/-/label/News", "label": "News"}}}}})
	})
	mux.HandleFunc("GET "+endlessAPI+"stream/items/ids", s.counted(s.ids))
	mux.HandleFunc("GET "+endlessAPI+"stream/contents/", s.counted(s.streamContents))
	mux.HandleFunc("POST "+endlessAPI+"stream/items/contents", s.counted(s.itemContents))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	return srv
}

// counted counts a paged request and fails the test past maxPages.
func (s *endlessGR) counted(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		path := strings.TrimPrefix(r.URL.Path, endlessAPI)
		path, _, _ = strings.Cut(path, "/user/") // stream/contents/<stream>
		s.mu.Lock()
		s.pages[path]++
		n := s.pages[path]
		s.mu.Unlock()
		if n > s.maxPages {
			s.t.Errorf("%s: request %d: the sync did not stop paging", path, n)
			http.Error(w, "enough", http.StatusInternalServerError)
			return
		}
		h(w, r)
	}
}

func (s *endlessGR) requests(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.pages[path]
}

// newIDs returns n item IDs not used before.
func (s *endlessGR) newIDs(n int) []int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	ids := make([]int64, n)
	for i := range ids {
		ids[i] = s.next
		s.next++
	}
	return ids
}

func (s *endlessGR) ids(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	n := 0
	switch {
	case s.idsLoop:
		n = 3
	case q.Get("s") == ReadingList && q.Get("xt") == "" && q.Get("c") == "":
		n = s.window
	}
	refs := []map[string]string{}
	for _, id := range s.newIDs(n) {
		refs = append(refs, map[string]string{"id": strconv.FormatInt(id, 10)})
	}
	out := map[string]any{"itemRefs": refs}
	if s.idsLoop {
		out["continuation"] = "more-" + strconv.Itoa(len(refs))
	}
	grJSON(w, out)
}

func (s *endlessGR) streamContents(w http.ResponseWriter, _ *http.Request) {
	if !s.contents {
		http.NotFound(w, nil)
		return
	}
	var items []map[string]any
	for _, id := range s.newIDs(2) {
		items = append(items, endlessItem(id))
	}
	grJSON(w, map[string]any{"items": items, "continuation": "again"})
}

func (s *endlessGR) itemContents(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		http.Error(w, err.Error(), http.StatusBadRequest)
		return
	}
	var items []map[string]any
	for _, long := range r.PostForm["i"] {
		id, err := strconv.ParseInt(ShortID(long), 10, 64)
		if err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		items = append(items, endlessItem(id))
	}
	grJSON(w, map[string]any{"items": items})
}

func endlessItem(id int64) map[string]any {
	return map[string]any{"id": LongID(strconv.FormatInt(id, 10)), "title": fmt.Sprintf("خبر %d", id), "published": 1777777777,
		"alternate": []map[string]string{{"href": fmt.Sprintf("http://example.com/%d", id)}}, "summary": map[string]string{"content": "<p>متن</p>"},
		"categories": []string{ReadTag}, "origin": map[string]string{"streamId": "feed/1", "title": "סוף אין"}}
}

func grJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	if err := json.NewEncoder(w).Encode(v); err != nil {
		panic(err)
	}
}

// TestSyncStopsAtBound: a Google Reader server that never stops paging
// (a continuation on every page of item IDs or of stream contents, or a
// reading list of more items than a sync takes) stops the sync at its
// bound with ErrBound; the items saved stay saved and the cursor does
// not move, so the next sync reads from the same position.
func TestSyncStopsAtBound(t *testing.T) {
	big := 1 << 30
	tests := []struct {
		name      string
		server    *endlessGR
		limits    engine.Limits
		path      string // the paged requests that the bound stops
		wantPages int
		wantSaved int
	}{
		{"item ids, requests", &endlessGR{idsLoop: true}, engine.Limits{Requests: 6, Entries: big, IDs: big},
			"stream/items/ids", 6, 0},
		{"item ids, ids", &endlessGR{idsLoop: true}, engine.Limits{Requests: big, Entries: big, IDs: 10},
			"stream/items/ids", 4, 0},
		{"stream contents, requests", &endlessGR{contents: true}, engine.Limits{Requests: 6, Entries: big, IDs: big},
			"stream/contents", 4, 8},
		{"stream contents, entries", &endlessGR{contents: true}, engine.Limits{Requests: big, Entries: 5, IDs: big},
			"stream/contents", 3, 6},
		{"items by id, requests", &endlessGR{window: 20 * grItemsBatch}, engine.Limits{Requests: 6, Entries: big, IDs: big},
			"stream/items/contents", 2, 2 * grItemsBatch},
		{"items by id, entries", &endlessGR{window: 20 * grItemsBatch}, engine.Limits{Requests: big, Entries: 3*grItemsBatch - 1, IDs: big},
			"stream/items/contents", 3, 3 * grItemsBatch},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ctx := context.Background()
			srv := newEndlessGR(t, tt.server)
			st, err := cache.Open(filepath.Join(t.TempDir(), "cache.db"))
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { st.Close() })
			t.Setenv("AKHBAR_TEST_ENDLESS_PW", "pw")
			a, err := st.SaveAccount(ctx, feed.Account{Kind: feed.KindGReader, URL: srv.URL, Username: "u",
				Credential: feed.Credential{Kind: feed.SecretPassword, Env: "AKHBAR_TEST_ENDLESS_PW"}})
			if err != nil {
				t.Fatal(err)
			}
			g, err := NewEngine(ctx, a, st, nil)
			if err != nil {
				t.Fatal(err)
			}
			g.limits = tt.limits

			if _, err := g.Sync(ctx); !errors.Is(err, engine.ErrBound) {
				t.Fatalf("sync: %v, want ErrBound", err)
			}
			if n := tt.server.requests(tt.path); n != tt.wantPages {
				t.Errorf("%d requests to %s, want %d", n, tt.path, tt.wantPages)
			}
			held, err := st.Held(ctx, a.ID)
			if err != nil {
				t.Fatal(err)
			}
			if len(held) != tt.wantSaved {
				t.Errorf("the cache holds %d items, want the %d received", len(held), tt.wantSaved)
			}
			if c, err := st.Cursor(ctx, a.ID); err != nil || c != "" {
				t.Errorf("cursor %q, %v: want it where it was", c, err)
			}
		})
	}
}
