package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// With the fixture server stopped, everything cached still opens: the TUI
// says "offline" once, and list, read, related and search all work.
func TestOfflineEverythingOpensFromTheCache(t *testing.T) {
	srv := fixtureServer(t)
	env := xdgEnv(t)
	writeConfig(t, env, "[display]\nbidi = \"logical\"\n")
	akhbar(t, env, "add", srv.URL("/feed.xml"))
	akhbar(t, env, "add", srv.URL("/feed2.xml"))
	akhbar(t, env, "refresh")
	srv.Close()

	var items []struct {
		ID    string `json:"id"`
		Title string `json:"title"`
	}
	if err := json.Unmarshal([]byte(akhbar(t, env, "list", "--json")), &items); err != nil || len(items) != 3 {
		t.Fatalf("list offline: %d items, %v", len(items), err)
	}
	if out := akhbar(t, env, "read", items[0].ID, "--width", "60"); !strings.Contains(out, "افتتحت بلدية المدينة") {
		t.Fatalf("read offline:\n%s", out)
	}
	if out := akhbar(t, env, "related", items[0].ID); !strings.Contains(out, "متحف الخط العربي") {
		t.Fatalf("related offline:\n%s", out)
	}
	if out := akhbar(t, env, "search", "المكتبة"); !strings.Contains(out, items[0].ID) {
		t.Fatalf("search offline:\n%s", out)
	}

	term := startTmux(t, env, 110, 30, binary)
	term.waitFor("Night trains")
	term.send("R")
	s := term.waitFor("offline — showing the cache")
	if strings.Contains(s, "failed") {
		t.Fatalf("offline refresh reported per-feed failures:\n%s", s)
	}
	term.send("j", "Enter")
	term.waitFor("sleeper cars were rebuilt")
}
