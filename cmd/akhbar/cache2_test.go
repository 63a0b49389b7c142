package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/cache"
)

// envValue returns the value of name in env.
func envValue(env []string, name string) string {
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, name+"="); ok {
			return v
		}
	}
	return ""
}

// listed runs `akhbar list --json` and returns the items.
func listed(t *testing.T, env []string) []feed.Item {
	t.Helper()
	var items []feed.Item
	if err := json.Unmarshal([]byte(akhbar(t, env, "list", "--json")), &items); err != nil {
		t.Fatal(err)
	}
	return items
}

func TestStateExportImport(t *testing.T) {
	srv := fixtureServer(t)
	old, fresh := xdgEnv(t), xdgEnv(t)
	akhbar(t, old, "add", "--folder", "news", srv.URL("/feed.xml"))
	akhbar(t, old, "refresh")
	items := listed(t, old)
	if len(items) < 2 {
		t.Fatalf("%d items in the fixture feed", len(items))
	}
	// Mark state straight in the old machine's cache.
	st, err := cache.Open(filepath.Join(envValue(old, "XDG_DATA_HOME"), "akhbar", "cache.db"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(st.SetRead(ctx, []string{items[0].ID}, true))
	must(st.SetStarred(ctx, items[1].ID, true))
	must(st.SetPosition(ctx, items[1].ID, 0.25))
	must(st.Close())

	file := filepath.Join(t.TempDir(), "state.json")
	must(os.WriteFile(file, []byte(akhbar(t, old, "export", "--state")), 0o600))
	out := akhbar(t, fresh, "import", "--state", file)
	if !strings.Contains(out, "1 starred item(s) added") {
		t.Fatalf("import said %q", out)
	}
	akhbar(t, fresh, "refresh")
	got := map[string]feed.Item{}
	for _, it := range listed(t, fresh) {
		got[it.ID] = it
	}
	if it := got[items[0].ID]; !it.Read || it.Starred {
		t.Fatalf("read item on the new machine: %+v", it)
	}
	if it := got[items[1].ID]; !it.Starred || it.Position != 0.25 || it.Title != items[1].Title {
		t.Fatalf("starred item on the new machine: %+v", it)
	}
	if !strings.Contains(akhbar(t, fresh, "feeds"), "news/") {
		t.Fatal("the feed's folder did not move along")
	}
}

func TestCleanupCommand(t *testing.T) {
	srv := fixtureServer(t)
	env := xdgEnv(t)
	akhbar(t, env, "add", srv.URL("/feed.xml"))
	var rep cache.CleanupReport
	if err := json.Unmarshal([]byte(akhbar(t, env, "cleanup", "--keep-items", "1", "--json")), &rep); err != nil {
		t.Fatal(err)
	}
	// Every item is still in the feed, so none goes.
	if rep.Items != 0 || len(listed(t, env)) < 2 {
		t.Fatalf("cleanup removed %+v of a feed that still lists its items", rep)
	}
	if out := akhbar(t, env, "cleanup"); !strings.HasPrefix(out, "Removed 0 item(s)") {
		t.Fatalf("cleanup said %q", out)
	}
}

func TestFollowCommands(t *testing.T) {
	srv := fixtureServer(t)
	env := xdgEnv(t)
	akhbar(t, env, "add", srv.URL("/feed.xml"))
	items := listed(t, env)
	word := strings.Fields(items[0].Title)[0]
	out := akhbar(t, env, "follow", word)
	if !strings.HasPrefix(out, "Following 1: "+word) || strings.Contains(out, "(0 item") {
		t.Fatalf("follow said %q", out)
	}
	var follows []feed.Follow
	if err := json.Unmarshal([]byte(akhbar(t, env, "following", "--json")), &follows); err != nil {
		t.Fatal(err)
	}
	if len(follows) != 1 || follows[0].Query != word || follows[0].Total < 1 || follows[0].Unread != follows[0].Total {
		t.Fatalf("following: %+v", follows)
	}
	akhbar(t, env, "unfollow", "1")
	if out := akhbar(t, env, "following"); out != "" {
		t.Fatalf("following after unfollow: %q", out)
	}
}
