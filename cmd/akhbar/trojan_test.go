package main

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// trojanRSS is a feed whose title, item title, summary and link text
// carry direction overrides.
const trojanRSS = `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Bills&#x202E;fdp.exe</title><link>%s/</link>
<item><guid>t1</guid><link>%s/missing</link><title>invoice&#x202E;txt.exe</title>
<description>Please open invoice&#x202E;txt.exe today (it is safe).</description></item>
</channel></rss>`

// TestTrojanRead checks that `read --bidi visual` shows an item's title
// and text in the order they were written, whatever overrides they hold.
func TestTrojanRead(t *testing.T) {
	var srv *httptest.Server
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/feed.xml" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		w.Write([]byte(strings.ReplaceAll(trojanRSS, "%s", srv.URL)))
	}))
	defer srv.Close()
	env := xdgEnv(t)
	akhbar(t, env, "add", srv.URL+"/feed.xml")
	akhbar(t, env, "refresh")
	var items []struct {
		ID string `json:"id"`
	}
	if err := json.Unmarshal([]byte(akhbar(t, env, "list", "--json")), &items); err != nil || len(items) != 1 {
		t.Fatalf("list --json: %v, %d items", err, len(items))
	}
	out := akhbar(t, env, "read", "--bidi", "visual", "--width", "80", items[0].ID)
	for _, want := range []string{"invoicetxt.exe", "Please open invoicetxt.exe today (it is safe)."} {
		if !strings.Contains(out, want) {
			t.Errorf("read --bidi visual does not show %q:\n%s", want, out)
		}
	}
}
