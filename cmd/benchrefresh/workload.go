package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
)

// workload is a set of generated RSS feeds served on loopback.
type workload struct {
	feeds, items int
	bodies       [][]byte
	srv          *httptest.Server
}

// newWorkload generates feeds × items RSS items of about 2 KB each (a
// title, a link, a date and an HTML description; every other item in
// Arabic) and serves feed i at /feed/i.xml with the ETag "i", answering
// 304 to a matching If-None-Match. The bytes depend only on the sizes.
func newWorkload(feeds, items int) *workload {
	w := &workload{feeds: feeds, items: items, bodies: make([][]byte, feeds)}
	for i := range w.bodies {
		w.bodies[i] = rssFeed(i, items)
	}
	w.srv = httptest.NewServer(http.HandlerFunc(w.serve))
	return w
}

func (w *workload) close() { w.srv.Close() }

// url is the address of feed i.
func (w *workload) url(i int) string { return fmt.Sprintf("%s/feed/%d.xml", w.srv.URL, i) }

func (w *workload) serve(rw http.ResponseWriter, r *http.Request) {
	name, ok := strings.CutPrefix(r.URL.Path, "/feed/")
	i, err := strconv.Atoi(strings.TrimSuffix(name, ".xml"))
	if !ok || err != nil || i < 0 || i >= len(w.bodies) {
		http.NotFound(rw, r)
		return
	}
	etag := fmt.Sprintf(`"%d"`, i)
	rw.Header().Set("ETag", etag)
	if r.Header.Get("If-None-Match") == etag {
		rw.WriteHeader(http.StatusNotModified)
		return
	}
	rw.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
	_, _ = rw.Write(w.bodies[i]) // a client that hangs up is its own failure
}

// Sentences the descriptions are made of, written for this benchmark.
var (
	arabicWords = strings.Fields(`أعلنت الحكومة اليوم عن خطة جديدة لتطوير شبكة النقل العام في المدن الكبرى
		وقال وزير الاقتصاد إن الأسعار ستبقى مستقرة خلال الأشهر المقبلة رغم ارتفاع تكاليف الطاقة
		وتشهد المنطقة موجة حر غير مسبوقة دفعت السلطات إلى إغلاق المدارس والحدائق
		ويرى خبراء أن الاستثمار في التعليم والبحث العلمي هو الطريق إلى نمو مستدام`)
	englishWords = strings.Fields(`The city council approved a new budget for public libraries on Tuesday
		after a long debate about transport funding and the price of electricity
		Researchers said the results of the trial were encouraging but warned that
		more work is needed before the treatment reaches hospitals across the region`)
)

// rssFeed is feed i with n items.
func rssFeed(i, n int) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Feed %d</title><link>https://site%d.example/</link><description>Generated feed %d</description>
`, i, i, i)
	for j := range n {
		words, lang := englishWords, "Story"
		if j%2 == 1 {
			words, lang = arabicWords, "خبر"
		}
		fmt.Fprintf(&b, "<item><title>%s %d-%d: %s</title><link>https://site%d.example/%d/%d</link><guid>https://site%d.example/%d/%d</guid>",
			lang, i, j, strings.Join(pick(words, i*31+j*7, 8), " "), i, i, j, i, i, j)
		fmt.Fprintf(&b, "<pubDate>%s</pubDate><description><![CDATA[%s]]></description></item>\n",
			pubDate(j), description(words, i*131+j*17))
	}
	b.WriteString("</channel></rss>\n")
	return []byte(b.String())
}

// pick returns n words of words starting at seed, wrapping around.
func pick(words []string, seed, n int) []string {
	out := make([]string, n)
	for k := range out {
		out[k] = words[(seed+k*3)%len(words)]
	}
	return out
}

// description is about 2 KB of HTML: paragraphs with a link, bold text
// and an image.
func description(words []string, seed int) string {
	var b strings.Builder
	b.WriteString(`<p><img src="https://img.example/a.jpg" alt=""></p>`)
	for p := 0; b.Len() < 1900; p++ {
		b.WriteString("<p>")
		b.WriteString(strings.Join(pick(words, seed+p*5, 14), " "))
		fmt.Fprintf(&b, ` <a href="https://ref.example/%d">%s</a> <b>%s</b> `, seed+p, words[(seed+p)%len(words)], words[(seed+2*p)%len(words)])
		b.WriteString(strings.Join(pick(words, seed+p*11, 10), " "))
		b.WriteString(".</p>")
	}
	return b.String()
}

// pubDate is a date in November 2026, one minute apart per item.
func pubDate(j int) string {
	return fmt.Sprintf("Sat, 28 Nov 2026 %02d:%02d:00 GMT", j/60%24, j%60)
}
