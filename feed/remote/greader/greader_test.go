package greader_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/akhbar/akhbar/feed/feedtest"
	"github.com/akhbar/akhbar/feed/remote/greader"
	"github.com/akhbar/akhbar/feed/remote/internal/engine"
	"github.com/akhbar/akhbar/feed/remote/synctest"
	"miniflux.app/v2/client"
)

func rss(name string, n int) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0"?><rss version="2.0"><channel><title>%s</title><link>http://example.com/</link>`, name)
	// Distinct dates: Miniflux orders item IDs by date alone and pages by
	// offset, so equal dates would page in no fixed order.
	base := time.Date(2026, 1, 2, 3, 0, 0, 0, time.UTC)
	for i := range n {
		date := base.Add(time.Duration(i) * time.Minute).Format(time.RFC1123Z)
		fmt.Fprintf(&b, `<item><title>%s %d</title><link>http://example.com/%s/%d</link><guid>%s-%d</guid><pubDate>%s</pubDate><description>نص %d</description></item>`,
			name, i, name, i, name, i, date, i)
	}
	b.WriteString(`</channel></rss>`)
	return []byte(b.String())
}

// TestAgainstMiniflux drives the client against Miniflux's own Google
// Reader endpoint.
func TestAgainstMiniflux(t *testing.T) {
	s := synctest.Start(t)
	fix := feedtest.NewServer(t)
	fix.Handle("/a.xml", feedtest.Route{ContentType: "application/rss+xml", Body: rss("alpha", 7)})
	ctx := context.Background()
	u := s.NewUser(t, "gr")
	cat, err := u.Client.CreateCategoryContext(ctx, "أخبار")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := u.Client.CreateFeedContext(ctx, &client.FeedCreationRequest{FeedURL: fix.URL("/a.xml"), CategoryID: cat.ID}); err != nil {
		t.Fatal(err)
	}
	s.EnableGoogleReader(t, u, "grlogin", "gr-password")

	c := greader.New(s.URL, nil)
	if err := c.Login(ctx, "grlogin", "wrong"); !errors.Is(err, greader.ErrUnauthorized) {
		t.Fatalf("login with a wrong password: %v, want ErrUnauthorized", err)
	}
	if err := c.Login(ctx, "grlogin", "gr-password"); err != nil {
		t.Fatal(err)
	}
	if err := c.Token(ctx); err != nil {
		t.Fatal(err)
	}
	// Miniflux answers stream/contents with "[]": the client says so.
	if _, err := c.StreamContents(ctx, greader.StreamQuery{Stream: greader.ReadingList}); !errors.Is(err, greader.ErrNotSupported) {
		t.Errorf("stream contents on Miniflux: %v, want ErrNotSupported", err)
	}

	tags, err := c.Tags(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(tags, func(tg greader.Tag) bool { return tg.Label == "أخبار" && tg.Type == "folder" }) {
		t.Errorf("tags = %+v, want the folder أخبار", tags)
	}
	subs, err := c.Subscriptions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(subs) != 1 || subs[0].URL != fix.URL("/a.xml") || len(subs[0].Categories) != 1 || subs[0].Categories[0].Label != "أخبار" {
		t.Fatalf("subscriptions = %+v", subs)
	}

	// Page through 7 items 3 at a time.
	first, err := c.ItemIDs(ctx, greader.StreamQuery{Stream: greader.ReadingList, N: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(first.IDs) != 3 || first.Continuation == "" {
		t.Errorf("first page = %+v, want 3 IDs and a continuation", first)
	}
	ids, err := allItemIDs(ctx, c, greader.StreamQuery{Stream: greader.ReadingList, N: 3})
	if err != nil {
		t.Fatal(err)
	}
	if len(ids) != 7 || len(uniq(ids)) != 7 {
		t.Fatalf("all ids = %v, want 7 distinct", ids)
	}

	items, err := c.Items(ctx, ids[:2])
	if err != nil {
		t.Fatal(err)
	}
	if len(items) != 2 || !strings.HasPrefix(items[0].Title, "alpha ") || !strings.Contains(items[0].Content.Content, "نص") {
		t.Fatalf("items = %+v", items)
	}

	// Read and starred through edit-tag, checked through both APIs.
	if err := c.EditTag(ctx, ids[:1], []string{greader.ReadTag, greader.StarredTag}, nil); err != nil {
		t.Fatal(err)
	}
	unread, err := allItemIDs(ctx, c, greader.StreamQuery{Stream: greader.ReadingList, Exclude: []string{greader.ReadTag}})
	if err != nil {
		t.Fatal(err)
	}
	starred, err := allItemIDs(ctx, c, greader.StreamQuery{Stream: greader.StarredTag})
	if err != nil {
		t.Fatal(err)
	}
	if len(unread) != 6 || slices.Contains(unread, ids[0]) || !slices.Equal(starred, ids[:1]) {
		t.Errorf("after edit-tag: unread %v starred %v, want %s read and starred", unread, starred, ids[0])
	}
	got, err := c.Items(ctx, ids[:1])
	if err != nil {
		t.Fatal(err)
	}
	if !got[0].HasTag(greader.ReadTag) || !got[0].HasTag(greader.StarredTag) {
		t.Errorf("item categories %v lack read and starred", got[0].Categories)
	}
	if err := c.EditTag(ctx, ids[:1], nil, []string{greader.ReadTag, greader.StarredTag}); err != nil {
		t.Fatal(err)
	}
	res, err := u.Client.EntriesContext(ctx, &client.Filter{Status: client.EntryStatusUnread, Limit: 20})
	if err != nil {
		t.Fatal(err)
	}
	if res.Total != 7 {
		t.Errorf("Miniflux has %d unread entries after removing the read tag, want 7", res.Total)
	}
}

// TestLoginNotRedirected checks that the password is not posted to
// another host when the login URL redirects there.
func TestLoginNotRedirected(t *testing.T) {
	other := feedtest.NewServer(t)
	other.HandleFunc("/accounts/ClientLogin", func(w http.ResponseWriter, r *http.Request) { fmt.Fprintln(w, "Auth=stolen") })
	redirector := feedtest.NewServer(t)
	redirector.HandleFunc("/accounts/ClientLogin", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.URL(r.URL.Path), http.StatusTemporaryRedirect)
	})
	err := greader.New(redirector.URL(""), engine.NewHTTPClient(nil)).Login(context.Background(), "u", "pw")
	if !errors.Is(err, engine.ErrRedirect) {
		t.Errorf("login err = %v, want ErrRedirect", err)
	}
	if n := other.Hits("/accounts/ClientLogin"); n != 0 {
		t.Errorf("the other host got %d login requests", n)
	}
}

func uniq(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return slices.Compact(s)
}

func TestShortID(t *testing.T) {
	tests := []struct{ in, want string }{
		{"tag:google.com,2005:reader/item/00000000000004d2", "1234"},
		{"tag:google.com,2005:reader/item/4d2", "1234"},
		{"1234", "1234"},
		{"tag:google.com,2005:reader/item/ffffffffffffffff", "-1"},
		{"tag:google.com,2005:reader/item/5d0cbf5e1b2c3d4e5f607182", "5d0cbf5e1b2c3d4e5f607182"},
	}
	for _, tt := range tests {
		if got := greader.ShortID(tt.in); got != tt.want {
			t.Errorf("ShortID(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// allItemIDs follows continuations until the last page, at most 100.
func allItemIDs(ctx context.Context, c *greader.Client, q greader.StreamQuery) ([]string, error) {
	var all []string
	for range 100 {
		p, err := c.ItemIDs(ctx, q)
		if err != nil {
			return nil, err
		}
		all = append(all, p.IDs...)
		if p.Continuation == "" || len(p.IDs) == 0 {
			return all, nil
		}
		q.Continuation = p.Continuation
	}
	return nil, errors.New("item ids: more than 100 pages")
}
