package feed

import (
	"errors"
	"fmt"
	"os"
	"reflect"
	"runtime"
	"strings"
	"testing"
	"time"
)

var fetchTime = time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func utc(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestParseFormats(t *testing.T) {
	tests := []struct {
		file, feedURL        string
		title, siteURL, lang string
		items                []Item // ID, Fetched and Lang are checked apart
	}{
		{
			// The file declares windows-1256 but, as Parse expects, is
			// UTF-8: the declaration must not make it decode twice.
			file: "rss2_ar.xml", feedURL: "https://akhbar.example.org/ar/rss.xml",
			title: "أخبار اليوم", siteURL: "https://akhbar.example.org/ar/", lang: "ar",
			items: []Item{{
				GUID: "oil-2026-11-28", URL: "https://akhbar.example.org/ar/2026/11/oil.html",
				Title:      "ارتفاع أسعار النفط بنسبة 3% & تراجع الذهب",
				Summary:    "قفزت أسعار خام برنت صباح اليوم.\n\nوقال محللون إن \"الطلب\" ما زال قوياً.\nالمصدر: رويترز",
				Author:     "سارة المنصوري",
				Published:  utc("2026-11-28T06:30:00Z"),
				Categories: []string{"اقتصاد", "طاقة"},
				Image:      "https://akhbar.example.org/img/oil.jpg",
			}, {
				URL:       "https://example.org/ar/sport/clasico",
				Title:     "مباراة الكلاسيكو: ريال مدريد 2 – 1 برشلونة",
				Summary:   "نتيجة مثيرة في الدقائق الأخيرة",
				Published: utc("2026-11-27T21:00:00Z"),
				Image:     "https://cdn.example.org/clasico.png",
			}},
		},
		{
			file: "atom_he.xml", feedURL: "https://news.example.co.il/feeds/atom.xml",
			title: "חדשות הערב", siteURL: "https://news.example.co.il/", lang: "he",
			items: []Item{{
				GUID: "tag:news.example.co.il,2026:budget", URL: "https://news.example.co.il/politics/budget-2027",
				Title:      "הכנסת אישרה את התקציב לשנת 2027",
				Summary:    "ההצבעה נמשכה עד שעות הלילה.\n\n61 חברי כנסת תמכו.",
				Author:     "דנה לוי, Avi Cohen",
				Published:  utc("2026-11-28T15:45:00Z"),
				Updated:    utc("2026-11-28T16:00:00Z"),
				Categories: []string{"פוליטיקה"},
				Image:      "https://img.example.co.il/budget.jpg",
			}, {
				GUID: "tag:news.example.co.il,2026:rain", URL: "https://news.example.co.il/feeds/weather/rain",
				Title:     "מזג האוויר: גשם בצפון",
				Summary:   "צפויים גשמים עזים.",
				Published: utc("2026-11-28T06:00:00Z"),
				Updated:   utc("2026-11-28T06:00:00Z"),
			}},
		},
		{
			file: "rss1_fa.rdf", feedURL: "https://khabar.example.ir/rss",
			title: "خبرگزاری نمونه", siteURL: "https://khabar.example.ir/", lang: "fa",
			items: []Item{{
				URL:        "https://khabar.example.ir/news/1",
				Title:      "نمایشگاه کتاب تهران با ۱۲۰۰ ناشر گشایش یافت",
				Summary:    "نمایشگاه تا ده روز ادامه دارد.",
				Author:     "مریم احمدی",
				Published:  utc("2026-11-28T06:45:00Z"),
				Updated:    utc("2026-11-28T06:45:00Z"),
				Categories: []string{"فرهنگ"},
			}},
		},
		{
			file: "rss091_en.xml", feedURL: "https://gazette.example.com/rss",
			title: "Example Gazette", siteURL: "https://gazette.example.com/", lang: "en-gb",
			items: []Item{{
				URL: "https://gazette.example.com/bridge", Title: "Council approves new bridge",
				Summary: "Work begins in spring.", Published: fetchTime, // no date: now
			}, {
				Title: "Letters & opinions", Summary: "No link, no date, no guid.", Published: fetchTime,
			}},
		},
		{
			file: "jsonfeed_en.json", feedURL: "https://world.example.net/feed.json",
			title: "World Desk", siteURL: "https://world.example.net/", lang: "en",
			items: []Item{{
				GUID: "2026-11-28-summit", URL: "https://world.example.net/summit",
				Title:      "Leaders meet in Doha — قمة الدوحة",
				Summary:    "Talks lasted nine hours.\n\nTrade\n\nClimate",
				Author:     "Lina Haddad",
				Published:  utc("2026-11-28T12:00:00Z"),
				Categories: []string{"diplomacy", "gulf"},
				Image:      "https://world.example.net/images/summit.jpg",
			}, {
				GUID: "2026-11-28-markets", URL: "https://world.example.net/markets",
				Summary:   "Stocks closed higher.\n\nBonds were flat.",
				Published: utc("2026-11-28T16:30:00Z"),
				Updated:   utc("2026-11-28T16:30:00Z"),
			}},
		},
		{
			file: "itunes_en.xml", feedURL: "https://pod.example.com/rss",
			title: "Morning Briefing", siteURL: "https://pod.example.com/",
			items: []Item{{
				GUID: "https://pod.example.com/ep12", URL: "https://pod.example.com/ep12",
				Title: "Episode 12", Published: utc("2026-11-28T05:00:00Z"),
				Image: "https://pod.example.com/ep12.jpg",
			}},
		},
	}
	for _, tt := range tests {
		p, err := Parse(readFixture(t, tt.file), tt.feedURL, fetchTime)
		if err != nil {
			t.Errorf("%s: %v", tt.file, err)
			continue
		}
		if p.Title != tt.title || p.SiteURL != tt.siteURL || p.Lang != tt.lang {
			t.Errorf("%s: feed = %q %q %q, want %q %q %q", tt.file, p.Title, p.SiteURL, p.Lang, tt.title, tt.siteURL, tt.lang)
		}
		if len(p.Items) != len(tt.items) {
			t.Errorf("%s: %d items, want %d", tt.file, len(p.Items), len(tt.items))
			continue
		}
		for i, got := range p.Items {
			want := tt.items[i]
			want.ID, want.Fetched, want.Lang = got.ID, fetchTime, tt.lang
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s item %d:\n got %+v\nwant %+v", tt.file, i, got, want)
			}
		}
	}
}

func TestParseItemIDs(t *testing.T) {
	const feedURL = "https://gazette.example.com/rss"
	body := readFixture(t, "rss091_en.xml")
	first, err := Parse(body, feedURL, fetchTime)
	if err != nil {
		t.Fatal(err)
	}
	later, err := Parse(body, feedURL, fetchTime.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for i, it := range first.Items {
		if len(it.ID) != 16 || seen[it.ID] {
			t.Errorf("item %d: ID %q is malformed or repeated", i, it.ID)
		}
		seen[it.ID] = true
		// An item without GUID, link or date still keeps its ID when
		// fetched again later.
		if later.Items[i].ID != it.ID {
			t.Errorf("item %d: ID changed between fetches: %s, %s", i, it.ID, later.Items[i].ID)
		}
	}
	if want := ItemID(feedURL, Item{URL: "https://gazette.example.com/bridge"}); first.Items[0].ID != want {
		t.Errorf("ID by link = %s, want %s", first.Items[0].ID, want)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, body string
		want       error  // nil: any error
		text       string // the error text starts with this
	}{
		{"empty", "", ErrEmpty, "parse feed: empty document"},
		{"blank", " \n\t ", ErrEmpty, "parse feed: empty document"},
		{"html page", "<!DOCTYPE html><html><head><title>x</title></head><body>hi</body></html>", ErrHTMLPage, "parse feed: not a feed (looks like an HTML page)"},
		{"html no doctype", "\n<html lang=ar><body>مرحبا</body></html>", ErrHTMLPage, "parse feed: not a feed (looks like an HTML page)"},
		{"other xml", `<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>`, ErrNotFeed, "parse feed: not a feed (unknown format)"},
		{"plain text", "hello", ErrNotFeed, "parse feed: not a feed (unknown format)"},
		{"invalid json", `{"version": "https://jsonfeed.org/version/1.1", "items": [`, nil, "parse feed: "},
		{"truncated xml", `<rss version="2.0"><channel><title>x</title><item><title>`, nil, "parse feed: "},
	}
	for _, tt := range tests {
		_, err := Parse([]byte(tt.body), "https://example.org/feed", fetchTime)
		if err == nil || (tt.want != nil && !errors.Is(err, tt.want)) || !strings.HasPrefix(err.Error(), tt.text) {
			t.Errorf("%s: err = %v, want %v starting %q", tt.name, err, tt.want, tt.text)
		}
	}
}

func TestHTMLText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"  a\n\n\n\nb  ", "a\n\nb"},
		{"Tom &amp; Jerry &#1575;&#x644;", "Tom & Jerry ال"},
		{"<b>bold</b>\n  text", "bold text"},
		{"<p>one</p><p>two<br>three</p>", "one\n\ntwo\nthree"},
		{"<script>evil()</script><style>p{}</style>kept", "kept"},
		{"<ul><li>a</li><li>b</li></ul>", "a\n\nb"},
		{"<h2>عنوان</h2>نص <a href='x'>رابط</a>.", "عنوان\n\nنص رابط."},
		{"a\u00a0\u00a0b", "a b"},
	}
	for _, tt := range tests {
		if got := htmlText(tt.in); got != tt.want {
			t.Errorf("htmlText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// bigFeed is an RSS document of n items.
func bigFeed(n int) []byte {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>كبير</title><link>https://big.example.org/</link>`)
	for i := range n {
		fmt.Fprintf(&b, `<item><title>خبر رقم %d — headline %d</title><link>/n/%d</link><guid>g%d</guid>`+
			`<pubDate>Sat, 28 Nov 2026 09:30:00 GMT</pubDate><description>&lt;p&gt;نص الخبر %d&lt;/p&gt;</description></item>`, i, i, i, i, i)
	}
	b.WriteString(`</channel></rss>`)
	return []byte(b.String())
}

func TestParseHugeFeed(t *testing.T) {
	if testing.Short() {
		t.Skip("100,000 items")
	}
	body := bigFeed(100_000)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	p, err := Parse(body, "https://big.example.org/rss", fetchTime)
	if err != nil {
		t.Fatal(err)
	}
	runtime.ReadMemStats(&after)
	// All have the same date: the first MaxItems of the document are kept.
	if len(p.Items) != MaxItems || p.Dropped != 100_000-MaxItems || p.Items[MaxItems-1].URL != "https://big.example.org/n/999" {
		t.Fatalf("got %d items (%d dropped), last %+v", len(p.Items), p.Dropped, p.Items[len(p.Items)-1])
	}
	// Live heap after parsing (the result included) stays within a small
	// multiple of the 17 MB document.
	if grown := int64(after.HeapInuse) - int64(before.HeapInuse); grown > 400<<20 {
		t.Errorf("heap in use grew by %d MiB", grown>>20)
	}
}

func BenchmarkParse100k(b *testing.B) {
	body := bigFeed(100_000)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(body, "https://big.example.org/rss", fetchTime); err != nil {
			b.Fatal(err)
		}
	}
}

func FuzzParse(f *testing.F) {
	for _, name := range []string{"rss2_ar.xml", "atom_he.xml", "rss1_fa.rdf", "rss091_en.xml", "jsonfeed_en.json", "itunes_en.xml"} {
		f.Add(readFixture(f, name))
	}
	f.Add([]byte("<html><body>x</body></html>"))
	f.Fuzz(func(t *testing.T, body []byte) {
		p, err := Parse(body, "https://fuzz.example.org/feed", fetchTime)
		if err != nil {
			return
		}
		for _, it := range p.Items {
			if it.ID == "" || it.Published.IsZero() {
				t.Fatalf("item without ID or date: %+v", it)
			}
		}
	})
}
