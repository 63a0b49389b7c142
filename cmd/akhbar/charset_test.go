package main

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"

	"github.com/akhbar/akhbar/feed/feedtest"
)

// legacyFeed is an Arabic feed written for this test; its XML declaration
// names no encoding.
const legacyFeed = `<?xml version="1.0"?>
<rss version="2.0"><channel><title>أخبار المدينة</title><link>http://news.invalid/</link>
<item><title>افتتاح الجسر الجديد فوق النهر</title><link>http://news.invalid/bridge</link>
<guid>bridge-1</guid><description>قالت البلدية إن حركة السير ستعود إلى طبيعتها صباح الغد.</description></item>
<item><title>مهرجان الكتاب يستقبل زواره في الساحة القديمة</title><link>http://news.invalid/books</link>
<guid>books-1</guid><description>يشارك في المعرض أكثر من مئة ناشر من المنطقة.</description></item>
</channel></rss>`

var legacyTitles = []string{"افتتاح الجسر الجديد فوق النهر", "مهرجان الكتاب يستقبل زواره في الساحة القديمة"}

func cp1256(t *testing.T, s string) []byte {
	t.Helper()
	b, err := charmap.Windows1256.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// listTitles runs `akhbar list --json` and returns the item titles, sorted.
func listTitles(t *testing.T, env []string) []string {
	t.Helper()
	var items []struct {
		Title string `json:"title"`
	}
	if err := json.Unmarshal([]byte(akhbar(t, env, "list", "--json")), &items); err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, it := range items {
		titles = append(titles, it.Title)
	}
	slices.Sort(titles)
	return titles
}

// TestRefreshDetectsWindows1256: a windows-1256 feed served with no
// charset anywhere is read as Arabic, not mojibake.
func TestRefreshDetectsWindows1256(t *testing.T) {
	srv := feedtest.NewServer(t)
	srv.Handle("/ar.xml", feedtest.Route{Body: cp1256(t, legacyFeed), ContentType: "application/rss+xml", ETag: `"v1"`})
	env := xdgEnv(t)
	akhbar(t, env, "add", srv.URL("/ar.xml"))
	akhbar(t, env, "refresh")
	if got := listTitles(t, env); !slices.Equal(got, legacyTitles) {
		t.Fatalf("titles %q, want %q", got, legacyTitles)
	}
}

// TestRefreshRedecodesAfterServerFix: a server that first declares the
// wrong charset (UTF-8, for windows-1256 bytes) leaves U+FFFD garbage;
// once it declares windows-1256 the next refresh replaces the garbage,
// even though the document and its ETag did not change (a conditional
// fetch would get 304 and keep it).
func TestRefreshRedecodesAfterServerFix(t *testing.T) {
	srv := feedtest.NewServer(t)
	body := cp1256(t, legacyFeed)
	srv.Handle("/ar.xml", feedtest.Route{Body: body, ContentType: "application/rss+xml; charset=utf-8", ETag: `"v1"`})
	env := xdgEnv(t)
	akhbar(t, env, "add", srv.URL("/ar.xml"))
	akhbar(t, env, "refresh")
	if got := listTitles(t, env); len(got) != 2 || !strings.ContainsRune(got[0], '\uFFFD') {
		t.Fatalf("with the wrong charset declared, titles %q: want U+FFFD garbage", got)
	}
	srv.Handle("/ar.xml", feedtest.Route{Body: body, ContentType: "application/rss+xml; charset=windows-1256", ETag: `"v1"`})
	akhbar(t, env, "refresh")
	if got := listTitles(t, env); !slices.Equal(got, legacyTitles) {
		t.Fatalf("after the server was fixed, titles %q, want %q", got, legacyTitles)
	}
	akhbar(t, env, "refresh") // decoded well now: conditional again, and the answer is 304
	reqs := srv.Requests("/ar.xml")
	if last := reqs[len(reqs)-1]; last.Get("If-None-Match") != `"v1"` {
		t.Fatalf("third fetch sent If-None-Match %q, want \"v1\"", last.Get("If-None-Match"))
	}
	if got := listTitles(t, env); !slices.Equal(got, legacyTitles) {
		t.Fatalf("after a 304, titles %q, want %q", got, legacyTitles)
	}
}
