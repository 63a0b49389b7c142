package refresh

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/akhbar/akhbar/feed/feedtest"
	"github.com/akhbar/akhbar/feed/fetch"
)

// BenchmarkRefresh200x50 refreshes 200 feeds of 50 items each from a
// loopback server into a new SQLite cache: 10,000 new items per run,
// each with a description of about 2 KB of HTML, every other one Arabic.
func BenchmarkRefresh200x50(b *testing.B) {
	s := feedtest.NewServer(b)
	paths := make([]string, 200)
	for i := range paths {
		paths[i] = fmt.Sprintf("/feed/%d.xml", i)
		s.Handle(paths[i], feedtest.Route{Body: richRSS(i, 50), ContentType: "application/rss+xml"})
	}
	client := fetch.New(fetch.Options{PerHost: 16})
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		store := openStore(b)
		feeds := subscribe(b, store, s, paths...)
		r := &Refresher{Store: store, Client: client, Options: Options{Concurrency: 16, Now: fixedNow}}
		b.StartTimer()
		sum, err := r.Run(context.Background(), feeds, nil)
		if err != nil || sum.New != 200*50 || len(sum.Failed) != 0 {
			b.Fatalf("summary %+v, err %v", sum, err)
		}
	}
}

// BenchmarkRefresh200x50Unchanged refreshes the same 200 feeds again:
// each answers 304 Not Modified to the ETag of the first refresh.
func BenchmarkRefresh200x50Unchanged(b *testing.B) {
	s := feedtest.NewServer(b)
	paths := make([]string, 200)
	for i := range paths {
		paths[i] = fmt.Sprintf("/feed/%d.xml", i)
		s.Handle(paths[i], feedtest.Route{Body: rss(fmt.Sprintf("Feed %d", i), 50, fmt.Sprintf("https://example.org/%d/", i)), ETag: fmt.Sprintf(`"%d"`, i)})
	}
	store := openStore(b)
	r := &Refresher{Store: store, Client: fetch.New(fetch.Options{PerHost: 16}), Options: Options{Concurrency: 16, Now: fixedNow}}
	if _, err := r.Run(context.Background(), subscribe(b, store, s, paths...), nil); err != nil {
		b.Fatal(err)
	}
	feeds, err := store.Feeds(context.Background())
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		sum, err := r.Run(context.Background(), feeds, nil)
		if err != nil || sum.New != 0 || len(sum.Failed) != 0 {
			b.Fatalf("summary %+v, err %v", sum, err)
		}
	}
}

// richRSS is feed i with n items of about 2 KB: a title, a link, a date
// and an HTML description with paragraphs, a link, bold text and an
// image; every other item is in Arabic.
func richRSS(i, n int) []byte {
	en := strings.Fields("The council approved a new budget for public libraries after a long debate about transport and the price of electricity")
	ar := strings.Fields("أعلنت الحكومة اليوم عن خطة جديدة لتطوير شبكة النقل العام في المدن الكبرى وقال وزير الاقتصاد إن الأسعار ستبقى مستقرة")
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Feed %d</title><link>https://example.org/</link>`, i)
	for j := range n {
		words := en
		if j%2 == 1 {
			words = ar
		}
		fmt.Fprintf(&b, `<item><title>%d-%d %s %s %s</title><link>https://example.org/%d/%d</link><pubDate>Sat, 28 Nov 2026 %02d:%02d:00 GMT</pubDate><description><![CDATA[<p><img src="https://img.example/a.jpg"></p>`,
			i, j, words[j%len(words)], words[(j+3)%len(words)], words[(i+j)%len(words)], i, j, j/60%24, j%60)
		for p := 0; p < 9; p++ {
			fmt.Fprintf(&b, `<p>%s <a href="https://ref.example/%d">%s</a> <b>%s</b>.</p>`,
				strings.Join(words[(p+j)%5:], " "), p, words[p], words[(p+i)%len(words)])
		}
		b.WriteString(`]]></description></item>`)
	}
	b.WriteString(`</channel></rss>`)
	return []byte(b.String())
}
