package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/akhbar/akhbar/feed"
)

// savedPage is a news page as a browser saves it: relative links in the
// body and in a "Read also" list. base, when not "", adds a <base href>.
func savedPage(base string) string {
	head := `<meta charset="utf-8"><title>Tram line extended to the port</title>`
	if base != "" {
		head += `<base href="` + base + `">`
	}
	return `<!DOCTYPE html><html lang="en"><head>` + head + `</head><body><article>
<h1>Tram line extended to the port</h1>
<p>The tram line now runs all the way to the port, the city said on Friday, after ` +
		`<a href="../../04/11/tram-works-begin">eight months of works</a> on the old goods railway along the quay.</p>
<p>Trams leave every ten minutes during the day and every twenty minutes in the evening; the new stops ` +
		`serve the ferry terminal, the fish market and the warehouses that are being turned into flats.</p>
<div><h3>Read also</h3>
<ul><li><a href="/2024/03/02/new-ferry-timetable-published">New ferry timetable published</a></li>
<li><a href="/2024/02/20/fish-market-gets-a-roof">Fish market gets a roof</a></li></ul></div>
</article></body></html>`
}

// readJSON runs `akhbar read --json` with stdin and returns the article.
func readJSONArticle(t *testing.T, stdin string, args ...string) feed.Article {
	t.Helper()
	cmd := exec.Command(binary, append([]string{"read", "--json"}, args...)...)
	cmd.Env = append(os.Environ(), xdgEnv(t)...)
	cmd.Stdin = strings.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("akhbar read --json %s: %v\nstderr: %s", strings.Join(args, " "), err, stderr.String())
	}
	var a feed.Article
	if err := json.Unmarshal(stdout.Bytes(), &a); err != nil {
		t.Fatalf("read --json output: %v\n%s", err, stdout.String())
	}
	return a
}

// urls lists the addresses of links.
func urls(links []feed.Link) []string {
	var out []string
	for _, l := range links {
		out = append(out, l.URL)
	}
	return out
}

// TestReadSavedPage checks that `read FILE --url` and `read -` give a
// saved page its address, so that its relative links and related
// stories resolve, and that a <base href> moves them.
func TestReadSavedPage(t *testing.T) {
	const addr = "https://city.example.org/news/2024/05/03/tram-port"
	path := filepath.Join(t.TempDir(), "tram.html")
	if err := os.WriteFile(path, []byte(savedPage("")), 0o644); err != nil {
		t.Fatal(err)
	}
	wantLinks := []string{"https://city.example.org/news/2024/04/11/tram-works-begin"}
	wantRelated := []string{"https://city.example.org/2024/03/02/new-ferry-timetable-published",
		"https://city.example.org/2024/02/20/fish-market-gets-a-roof"}
	for name, a := range map[string]feed.Article{
		"file --url":  readJSONArticle(t, "", path, "--url", addr),
		"stdin --url": readJSONArticle(t, savedPage(""), "-", "--url", addr),
	} {
		if a.URL != addr || !slices.Equal(urls(a.Links), wantLinks) || !slices.Equal(urls(a.Related), wantRelated) {
			t.Errorf("%s: url %q\nlinks %v\nrelated %v", name, a.URL, urls(a.Links), urls(a.Related))
		}
	}
	if a := readJSONArticle(t, savedPage(""), "-"); len(a.Links) != 0 || len(a.Related) != 0 || !strings.Contains(a.Text(), "every ten minutes") {
		t.Errorf("stdin without an address: relative links should not resolve: %+v", a)
	}
	a := readJSONArticle(t, savedPage("https://archive.example.net/city/news/"), "-", "--url", addr)
	if got := urls(a.Links); !slices.Equal(got, []string{"https://archive.example.net/04/11/tram-works-begin"}) || a.URL != addr {
		t.Errorf("<base href>: url %q, links %v", a.URL, got)
	}
	if got := urls(a.Related); len(got) != 2 || got[0] != "https://archive.example.net/2024/03/02/new-ferry-timetable-published" {
		t.Errorf("<base href>: related %v", got)
	}

	env := xdgEnv(t)
	if msg := akhbarFails(t, env, "read", path, "--url", "ftp://city.example.org/x"); !strings.Contains(msg, "not an http(s) address") {
		t.Errorf("read --url ftp: %q", msg)
	}
	if msg := akhbarFails(t, env, "read", "no-such-item", "--url", addr); !strings.Contains(msg, "--url applies to a FILE or -") {
		t.Errorf("read ID --url: %q", msg)
	}
}
