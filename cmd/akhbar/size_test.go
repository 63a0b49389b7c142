package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestHugeFeed serves on loopback a feed of 1,500 items, the first with
// a one-word title of 10 MiB: refresh keeps the newest 1,000 and says so
// in `feeds`, and `read` of the huge item prints a title within the cap.
// It logs the time and peak RSS of `read` (no timing assertion).
func TestHugeFeed(t *testing.T) {
	var doc bytes.Buffer
	doc.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Huge</title>`)
	day := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := range 1500 {
		title := fmt.Sprintf("item %d", i)
		if i == 0 {
			title = strings.Repeat("ب", 5<<20)
		}
		fmt.Fprintf(&doc, `<item><guid>g%d</guid><title>%s</title><pubDate>%s</pubDate></item>`,
			i, title, day.Add(-time.Duration(i)*time.Minute).Format(time.RFC1123Z))
	}
	doc.WriteString(`</channel></rss>`)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write(doc.Bytes())
	}))
	defer srv.Close()
	env := xdgEnv(t)
	akhbar(t, env, "add", srv.URL+"/feed.xml")
	akhbar(t, env, "refresh")
	if out := akhbar(t, env, "feeds"); !strings.Contains(out, "note: the feed listed 1500 items; only the newest 1000 were kept") {
		t.Errorf("feeds does not tell of the items left out:\n%s", out)
	}
	var items []struct {
		ID    string `json:"id"`
		Title string `json:"title"`
	}
	if err := json.Unmarshal([]byte(akhbar(t, env, "list", "--json", "--limit", "5000")), &items); err != nil {
		t.Fatal(err)
	}
	if len(items) != 1000 {
		t.Errorf("%d items cached, want the newest 1000", len(items))
	}
	huge := ""
	for _, it := range items {
		if strings.HasPrefix(it.Title, "ببب") {
			huge = it.ID
		}
	}
	if huge == "" {
		t.Fatal("the item with the huge title was not kept")
	}
	cmd := exec.Command(binary, "read", "--width", "80", huge)
	cmd.Env = append(os.Environ(), env...)
	start := time.Now()
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("read: %v", err)
	}
	elapsed := time.Since(start)
	if len(out) > 16<<10 {
		t.Errorf("read printed %d bytes for one capped title", len(out))
	}
	rss := int64(0)
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = ru.Maxrss // KiB on Linux
	}
	t.Logf("read of the huge item: %d bytes out, %v, peak RSS %d KiB", len(out), elapsed, rss)
}
