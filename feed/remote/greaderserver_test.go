package remote_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// grServer is a minimal in-memory Google Reader API server of the kind
// FreshRSS and Inoreader are: it serves stream/contents, puts the user's
// numeric ID in tags, takes the edit token (not the auth token) as T,
// uses microsecond crawl times as item IDs, sends the content as
// "summary", and says nothing of when an item's state changed
// ("updated" is the crawl time). It lives under a path prefix, as
// FreshRSS's /api/greader.php does.
type grServer struct {
	URL string // base URL, prefix included

	mu       sync.Mutex
	now      time.Time
	user, pw string
	auth     string
	maxN     int // stream/contents page size cap, as real servers have
	edit     string
	feeds    []grFeed
	items    []*grItem // in crawl order
}

type grFeed struct{ id, title, url, folder string }

type grItem struct {
	id             int64 // crawl time in microseconds
	feed           int
	title, content string
	read, starred  bool
}

const grPrefix = "/api/greader.php"

func newGRServer(t testing.TB, user, pw string) *grServer {
	s := &grServer{user: user, pw: pw, auth: user + "/auth-token", edit: "edit-token-distinct", maxN: 5, now: time.Now().Truncate(time.Second)}
	mux := http.NewServeMux()
	mux.HandleFunc("POST "+grPrefix+"/accounts/ClientLogin", s.login)
	api := grPrefix + "/reader/api/0/"
	mux.HandleFunc("GET "+api+"token", s.authed(s.token))
	mux.HandleFunc("GET "+api+"subscription/list", s.authed(s.subscriptions))
	mux.HandleFunc("GET "+api+"stream/items/ids", s.authed(s.ids))
	mux.HandleFunc("GET "+api+"stream/contents/", s.authed(s.streamContents))
	mux.HandleFunc("POST "+api+"stream/items/contents", s.authed(s.itemContents))
	mux.HandleFunc("POST "+api+"edit-tag", s.authed(s.editTag))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	s.URL = srv.URL + grPrefix
	return s
}

// addFeed adds a subscription and returns its index.
func (s *grServer) addFeed(title, url, folder string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.feeds = append(s.feeds, grFeed{"feed/" + url, title, url, folder})
	return len(s.feeds) - 1
}

// advance moves the server's clock.
func (s *grServer) advance(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.now = s.now.Add(d)
}

// addItem adds an item crawled ago before the server's now and returns
// its ID.
func (s *grServer) addItem(feed int, title string, ago time.Duration, read, starred bool) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	id := s.now.Add(-ago).UnixMicro()
	for _, it := range s.items {
		id = max(id, it.id+1)
	}
	s.items = append(s.items, &grItem{id: id, feed: feed, title: title, content: "<p>" + title + "</p>", read: read, starred: starred})
	return id
}

// set changes an item's state as another client of the server would.
func (s *grServer) set(id int64, read, starred bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	it := s.find(id)
	it.read, it.starred = read, starred
}

// state returns an item's read and starred state.
func (s *grServer) state(id int64) (read, starred bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	it := s.find(id)
	return it.read, it.starred
}

func (s *grServer) find(id int64) *grItem {
	for _, it := range s.items {
		if it.id == id {
			return it
		}
	}
	return nil
}

func (s *grServer) login(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	w.Header().Set("Date", s.now.UTC().Format(http.TimeFormat))
	s.mu.Unlock()
	if r.PostFormValue("Email") != s.user || r.PostFormValue("Passwd") != s.pw {
		http.Error(w, "Error=BadAuthentication", http.StatusUnauthorized)
		return
	}
	fmt.Fprintf(w, "SID=%s\nLSID=null\nAuth=%s\n", s.auth, s.auth)
}

// authed checks the auth header, and T on writes, then locks the state.
func (s *grServer) authed(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if err := r.ParseForm(); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		if r.Header.Get("Authorization") != "GoogleLogin auth="+s.auth {
			http.Error(w, "Unauthorized!", http.StatusUnauthorized)
			return
		}
		if strings.HasSuffix(r.URL.Path, "/edit-tag") && r.PostFormValue("T") != s.edit {
			w.Header().Set("X-Reader-Google-Bad-Token", "true")
			http.Error(w, "Unauthorized!", http.StatusUnauthorized)
			return
		}
		s.mu.Lock()
		defer s.mu.Unlock()
		w.Header().Set("Date", s.now.UTC().Format(http.TimeFormat))
		h(w, r)
	}
}

func (s *grServer) token(w http.ResponseWriter, r *http.Request) { fmt.Fprintln(w, s.edit) }

func (s *grServer) subscriptions(w http.ResponseWriter, r *http.Request) {
	var subs []map[string]any
	for _, f := range s.feeds {
		c := []map[string]string{{"id": "user/1/label/" + f.folder, "label": f.folder}}
		subs = append(subs, map[string]any{"id": f.id, "title": f.title, "url": f.url, "htmlUrl": f.url, "categories": c})
	}
	writeJSON(w, map[string]any{"subscriptions": subs})
}

// selected returns the stream's items, newest first, after the query's
// xt and ot, and the page the query's n (at most maxN) and c ask for.
func (s *grServer) selected(r *http.Request, stream string, maxN int) ([]*grItem, string) {
	q := r.URL.Query()
	ot, _ := strconv.ParseInt(q.Get("ot"), 10, 64)
	var out []*grItem
	for _, it := range slices.Backward(s.items) {
		switch {
		case stream == "user/-/state/com.google/starred" && !it.starred,
			slices.Contains(q["xt"], "user/-/state/com.google/read") && it.read,
			it.id/1e6 <= ot:
			continue
		}
		out = append(out, it)
	}
	from, _ := strconv.Atoi(q.Get("c"))
	n, err := strconv.Atoi(q.Get("n"))
	if err != nil || n <= 0 || n > maxN {
		n = maxN
	}
	out = out[min(from, len(out)):]
	if len(out) <= n {
		return out, ""
	}
	return out[:n], strconv.Itoa(from + n)
}

func (s *grServer) ids(w http.ResponseWriter, r *http.Request) {
	items, c := s.selected(r, r.URL.Query().Get("s"), 10000)
	refs := []map[string]string{}
	for _, it := range items {
		refs = append(refs, map[string]string{"id": strconv.FormatInt(it.id, 10)})
	}
	writeJSON(w, map[string]any{"itemRefs": refs, "continuation": c})
}

func (s *grServer) streamContents(w http.ResponseWriter, r *http.Request) {
	stream := strings.TrimPrefix(r.URL.Path, grPrefix+"/reader/api/0/stream/contents/")
	items, c := s.selected(r, stream, s.maxN)
	writeJSON(w, map[string]any{"id": stream, "items": s.render(items), "continuation": c})
}

func (s *grServer) itemContents(w http.ResponseWriter, r *http.Request) {
	var items []*grItem
	for _, id := range r.PostForm["i"] {
		if it := s.find(parseGRID(id)); it != nil {
			items = append(items, it)
		}
	}
	writeJSON(w, map[string]any{"items": s.render(items)})
}

func (s *grServer) editTag(w http.ResponseWriter, r *http.Request) {
	for _, id := range r.PostForm["i"] {
		it := s.find(parseGRID(id))
		if it == nil {
			continue
		}
		for _, a := range r.PostForm["a"] {
			setTag(it, a, true)
		}
		for _, a := range r.PostForm["r"] {
			setTag(it, a, false)
		}
	}
	fmt.Fprint(w, "OK")
}

func setTag(it *grItem, tag string, v bool) {
	switch tag {
	case "user/-/state/com.google/read":
		it.read = v
	case "user/-/state/com.google/starred":
		it.starred = v
	}
}

// parseGRID reads the long (hex) or short (decimal) form of an item ID.
func parseGRID(id string) int64 {
	if h, ok := strings.CutPrefix(id, "tag:google.com,2005:reader/item/"); ok {
		n, _ := strconv.ParseUint(h, 16, 64)
		return int64(n)
	}
	n, _ := strconv.ParseInt(id, 10, 64)
	return n
}

func (s *grServer) render(items []*grItem) []map[string]any {
	out := []map[string]any{}
	for _, it := range items {
		f := s.feeds[it.feed]
		cats := []string{"user/1/state/com.google/reading-list", "user/1/label/" + f.folder}
		if it.read {
			cats = append(cats, "user/1/state/com.google/read")
		}
		if it.starred {
			cats = append(cats, "user/1/state/com.google/starred")
		}
		out = append(out, map[string]any{
			"id":            fmt.Sprintf("tag:google.com,2005:reader/item/%016x", it.id),
			"crawlTimeMsec": strconv.FormatInt(it.id/1000, 10),
			"timestampUsec": strconv.FormatInt(it.id, 10),
			"published":     it.id / 1e6,
			"updated":       it.id / 1e6,
			"title":         it.title,
			"alternate":     []map[string]string{{"href": f.url + "/" + strconv.FormatInt(it.id, 10), "type": "text/html"}},
			"summary":       map[string]string{"content": it.content},
			"categories":    cats,
			"origin":        map[string]string{"streamId": f.id, "title": f.title, "htmlUrl": f.url},
		})
	}
	return out
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	if err := json.NewEncoder(w).Encode(v); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}
