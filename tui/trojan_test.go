package tui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/cache"
	"github.com/akhbar/akhbar/feed/opml"
)

// trojanOPML is a subscription list whose folder and feed names carry
// direction overrides, as an exported list from elsewhere could.
const trojanOPML = `<?xml version="1.0"?>
<opml version="2.0"><body>
<outline text="Finance&#x202E;fdp.exe">
  <outline text="Bank&#x202E;gnp.exe" type="rss" xmlUrl="http://127.0.0.1:9/bank.xml"/>
</outline>
</body></opml>`

// TestTrojanHeadlinesAndNames checks that an override in a headline, a
// feed name or a folder name (from OPML) shows its letters in the order
// written, in the headline list and the feeds pane, in visual mode.
func TestTrojanHeadlinesAndNames(t *testing.T) {
	st, err := cache.Open(filepath.Join(t.TempDir(), "cache.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	feeds, _, err := opml.Read(strings.NewReader(trojanOPML))
	if err != nil || len(feeds) != 1 {
		t.Fatalf("read opml: %v, %d feeds", err, len(feeds))
	}
	it := feed.Item{GUID: "g", URL: "http://127.0.0.1:9/i", Title: "invoice\u202etxt.exe", Published: testNow}
	saveFeed(t, st, feeds[0], feed.FetchResult{Items: []feed.Item{it}, At: testNow})
	m := start(t, st, 120, 16)
	s := screen(m)
	for _, want := range []string{"invoicetxt.exe", "Financefdp.exe", "Bankgnp.exe"} {
		if !strings.Contains(s, want) {
			t.Errorf("screen does not show %q:\n%s", want, s)
		}
	}
	items, err := st.Items(context.Background(), feed.ItemQuery{})
	if err != nil || len(items) != 1 || items[0].Title != it.Title {
		t.Fatalf("the cache must keep the title as received: %v %+v", err, items)
	}
}
