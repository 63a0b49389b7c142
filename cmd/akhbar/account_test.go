package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"strings"
	"sync/atomic"
	"testing"

	"miniflux.app/v2/client"

	"github.com/akhbar/akhbar/feed/feedtest"
	"github.com/akhbar/akhbar/feed/remote/synctest"
)

// The account commands, refresh and the TUI against a real Miniflux (with
// PostgreSQL), which serves a loopback fixture feed.
func TestMinifluxAccountEndToEnd(t *testing.T) {
	s := synctest.Start(t)
	fix := feedtest.NewServer(t)
	body, err := os.ReadFile("testdata/e2e/feed2.xml")
	if err != nil {
		t.Fatal(err)
	}
	fix.Handle("/feed2.xml", feedtest.Route{ContentType: "application/rss+xml",
		Body: bytes.ReplaceAll(body, []byte("{{BASE}}"), []byte(strings.TrimSuffix(fix.URL("/"), "/")))})
	page, err := os.ReadFile("testdata/e2e/news-2026-ferry-winter-timetable.html")
	if err != nil {
		t.Fatal(err)
	}
	fix.Handle("/news-2026-ferry-winter-timetable.html", feedtest.Route{ContentType: "text/html; charset=utf-8", Body: page})
	u := s.NewUser(t, "reader")
	ctx := context.Background()
	cat, err := u.Client.CreateCategoryContext(ctx, "Harbour")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := u.Client.CreateFeedContext(ctx, &client.FeedCreationRequest{FeedURL: fix.URL("/feed2.xml"), CategoryID: cat.ID}); err != nil {
		t.Fatal(err)
	}

	env := append(xdgEnv(t), "AKHBAR_TEST_MINIFLUX_PASSWORD="+u.Password)
	out := akhbar(t, env, "account", "add", "miniflux", s.URL, "--username", "reader", "--password-env", "AKHBAR_TEST_MINIFLUX_PASSWORD")
	if !strings.Contains(out, "1 feed(s), 1 entr") {
		t.Fatalf("account add:\n%s", out)
	}
	if strings.Contains(out, u.Password) || strings.Contains(akhbar(t, env, "account", "list"), u.Password) {
		t.Fatal("the password was printed")
	}
	if feeds := akhbar(t, env, "feeds"); !strings.Contains(feeds, "Harbour/Harbour Gazette") {
		t.Fatalf("the account's feed is not listed in its folder:\n%s", feeds)
	}
	var items []struct {
		ID, Title string
		Read      bool
		Starred   bool
	}
	list := func() {
		t.Helper()
		items = nil
		if err := json.Unmarshal([]byte(akhbar(t, env, "list", "--json")), &items); err != nil || len(items) != 1 {
			t.Fatalf("list: %d items, %v", len(items), err)
		}
	}
	list()
	if items[0].Title != "Ferry timetable changes for the winter season" || items[0].Read {
		t.Fatalf("synced item = %+v", items[0])
	}
	fix.Close() // the full text was fetched during the sync: it reads offline
	if out := akhbar(t, env, "read", items[0].ID); !strings.Contains(out, "Season tickets bought before the change") {
		t.Fatalf("the synced entry's full text was not cached:\n%s", out)
	}

	// Read in akhbar → read on the server after the next refresh.
	term := startTmux(t, env, 100, 20, binary)
	term.waitFor("Ferry timetable")
	term.send("Enter")
	term.waitFor("article ")
	term.send("q", "q")
	term.waitExit()
	akhbar(t, env, "refresh")
	entries, err := u.Client.EntriesContext(ctx, &client.Filter{})
	if err != nil || entries.Total != 1 {
		t.Fatalf("server entries: %+v, %v", entries, err)
	}
	if entries.Entries[0].Status != client.EntryStatusRead {
		t.Fatalf("the server still has the entry %s after akhbar read it", entries.Entries[0].Status)
	}

	// Starred on the server → starred in akhbar after the next refresh.
	if err := u.Client.ToggleStarredContext(ctx, entries.Entries[0].ID); err != nil {
		t.Fatal(err)
	}
	akhbar(t, env, "refresh")
	list()
	if !items[0].Starred || !items[0].Read {
		t.Fatalf("after the server starred it: %+v", items[0])
	}

	akhbar(t, env, "account", "remove", s.URL)
	if out := akhbar(t, env, "account", "list"); strings.TrimSpace(out) != "" {
		t.Fatalf("account list after remove:\n%s", out)
	}
}

// TestAccountAddRefusesClearTextPassword: `account add` with http:// to a
// server not on this machine is refused before any request (the password
// would travel in clear), unless --insecure-http is given.
func TestAccountAddRefusesClearTextPassword(t *testing.T) {
	ip := ""
	if addrs, err := net.InterfaceAddrs(); err == nil {
		for _, a := range addrs {
			if n, ok := a.(*net.IPNet); ok && n.IP.To4() != nil && !n.IP.IsLoopback() {
				ip = n.IP.String()
				break
			}
		}
	}
	if ip == "" {
		t.Skip("no non-loopback interface address to play a remote server on")
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(ip, "0"))
	if err != nil {
		t.Skipf("cannot listen on %s: %v", ip, err)
	}
	var hits atomic.Int32
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		hits.Add(1)
		http.Error(w, "no", http.StatusUnauthorized)
	})}
	go srv.Serve(ln)
	defer srv.Close()
	remote := "http://" + ln.Addr().String() + "/"
	env := append(xdgEnv(t), "AKHBAR_TEST_TOKEN=secret-token")

	msg := akhbarFails(t, env, "account", "add", "miniflux", remote, "--token-env", "AKHBAR_TEST_TOKEN")
	if !strings.Contains(msg, "in clear") || !strings.Contains(msg, "--insecure-http") {
		t.Errorf("refusal: %q", msg)
	}
	if n := hits.Load(); n != 0 {
		t.Fatalf("the server got %d request(s) before the refusal", n)
	}
	akhbarFails(t, env, "account", "add", "miniflux", remote, "--token-env", "AKHBAR_TEST_TOKEN", "--insecure-http")
	if hits.Load() == 0 {
		t.Error("--insecure-http: the server was not asked")
	}

	// insecure_http in the account's config.toml table accepts it too.
	hits.Store(0)
	env = append(xdgEnv(t), "AKHBAR_TEST_TOKEN=secret-token")
	writeConfig(t, env, fmt.Sprintf("[accounts.%q]\ntoken_env = \"AKHBAR_TEST_TOKEN\"\ninsecure_http = true\n", remote))
	akhbarFails(t, env, "account", "add", "miniflux", remote)
	if hits.Load() == 0 {
		t.Error("insecure_http = true: the server was not asked")
	}
}
