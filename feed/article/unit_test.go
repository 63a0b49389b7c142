package article

import (
	"encoding/json"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/akhbar/akhbar/feed"
	"golang.org/x/net/html"
	"golang.org/x/text/encoding/charmap"
)

func cp1256(t *testing.T, s string) []byte {
	t.Helper()
	b, err := charmap.Windows1256.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDecode(t *testing.T) {
	const arabic = "اقتصاد وسياسة"
	tests := []struct {
		name        string
		body        []byte
		contentType string
	}{
		{"utf-8, no label", []byte("<p>" + arabic + "</p>"), ""},
		{"cp1256 from the header", cp1256(t, "<p>"+arabic+"</p>"), "text/html; charset=windows-1256"},
		{"cp1256 from meta charset", cp1256(t, `<meta charset="windows-1256"><p>`+arabic+"</p>"), "text/html"},
		{"cp1256 from http-equiv", cp1256(t, `<meta http-equiv="Content-Type" content="text/html; charset=windows-1256"><p>`+arabic+"</p>"), ""},
		{"utf-8 labelled cp1256", []byte(`<meta charset="windows-1256"><p>` + arabic + "</p>"), ""},
		{"utf-8 header says cp1256", []byte("<p>" + arabic + "</p>"), "text/html; charset=windows-1256"},
		{"utf-8 BOM", append([]byte{0xEF, 0xBB, 0xBF}, "<p>"+arabic+"</p>"...), "text/html; charset=iso-8859-1"},
		{"meta after a long comment", cp1256(t, "<!--"+strings.Repeat("x", 5000)+`--><meta charset="windows-1256"><p>`+arabic+"</p>"), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := decode(tt.body, tt.contentType)
			if !strings.Contains(got, arabic) {
				t.Errorf("decode = %q, want it to contain %q", got, arabic)
			}
		})
	}
}

func TestDecodeInvalidUTF8(t *testing.T) {
	got := decode([]byte("caf\xe9 \xff ok"), "text/html; charset=utf-8")
	if got != "caf\uFFFD \uFFFD ok" {
		t.Errorf("decode = %q", got)
	}
}

func TestPageLang(t *testing.T) {
	arabic := strings.Repeat("قال الوزير إن الاتفاق خطوة مهمة ", 3)
	persian := strings.Repeat("مدارس تهران روز سه\u200cشنبه تعطیل است و آموزش مجازی خواهد بود ", 2)
	hebrew := strings.Repeat("נמל המפרץ בחיפה חנך מזח חדש ", 3)
	english := strings.Repeat("The council approved the budget ", 3)
	tests := []struct {
		name, page, text string
		ld               string
		lang             string
		dir              feed.Dir
	}{
		{"html lang and dir", `<html lang="ar" dir="rtl"><body><article>x</article></body></html>`, arabic, "", "ar", feed.DirRTL},
		{"dir from lang", `<html lang="he"><body><article>x</article></body></html>`, hebrew, "", "he", feed.DirRTL},
		{"container lang wins", `<html lang="en"><body><article lang="fa">x</article></body></html>`, persian, "", "fa", feed.DirRTL},
		{"JSON-LD inLanguage", `<html><body><article>x</article></body></html>`, english, "fr-FR", "fr", feed.DirLTR},
		{"guessed Arabic", `<html><body><table dir="rtl"><tr><td>x</td></tr></table></body></html>`, arabic, "", "ar", feed.DirRTL},
		{"guessed Persian", `<html><body><div>x</div></body></html>`, persian, "", "fa", feed.DirRTL},
		{"wrong lang on Arabic text", `<html lang="en"><body><article>x</article></body></html>`, arabic, "", "ar", feed.DirRTL},
		{"region subtag", `<html lang="en-GB"><body><article>x</article></body></html>`, english, "", "en", feed.DirLTR},
		{"unknown Latin", `<html><body><div>x</div></body></html>`, english, "", "", feed.DirLTR},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader(tt.page))
			if err != nil {
				t.Fatal(err)
			}
			lang, dir := pageLang(articleContainer(doc), ldInfo{lang: tt.ld}, headMap{}, tt.text)
			if lang != tt.lang || dir != tt.dir {
				t.Errorf("pageLang = %q/%q, want %q/%q", lang, dir, tt.lang, tt.dir)
			}
		})
	}
}

func TestNormAndLabels(t *testing.T) {
	tests := []struct {
		text    string
		related bool
	}{
		{"اقرأ أيضاً:", true},
		{"إقرأ ايضا", true},
		{"  اقرأ\u00a0أيضا على يورونيوز :", true},
		{"أخبار ذات صلة", true},
		{"بیشتر بخوانید:", true},
		{"مطالب\u200cمرتبط", true},
		{"קראו עוד", true},
		{"Lire aussi", true},
		{"MEHR ZUM THEMA", true},
		{"Leer más:", true},
		{"You might also like:", true},
		{"Relatedness of things", false},
		{"قرأ الوزير البيان", false},
		{"Already read", false},
	}
	for _, tt := range tests {
		if got := isRelatedLabel(norm(tt.text)); got != tt.related {
			t.Errorf("isRelatedLabel(%q) = %v, want %v", tt.text, got, tt.related)
		}
	}
	markers := []struct {
		text   string
		marker bool
	}{
		{"إعلان", true}, {"اعلان", true}, {"Advertisement", true}, {"Publicité", true},
		{"פרסומת", true}, {"تبلیغات", true}, {"Copied", true}, {"شارك هذا المقال", true},
		{"إعلان الاستقلال", false}, {"Ad hoc committee", false},
	}
	for _, tt := range markers {
		if got := isMarker(norm(tt.text)); got != tt.marker {
			t.Errorf("isMarker(%q) = %v, want %v", tt.text, got, tt.marker)
		}
	}
}

func TestLooksLikeArticle(t *testing.T) {
	tests := []struct {
		url  string
		want bool
	}{
		{"https://a.example.com/2023/06/05/italy-state-of-emergency", true},
		{"http://daily.example.ar/news.asp?id=88121", true},
		{"https://a.example.com/news/uk-england-67012345", true},
		{"https://a.example.com/world/long-hyphenated-story-slug", true},
		{"https://a.example.com/", false},
		{"https://a.example.com/news/europe", false},
		{"https://a.example.com/tag/migration", false},
		{"https://a.example.com/author/laila-mansour", false},
		{"https://widgets.outbrain.com/2024/01/01/x", false},
	}
	for _, tt := range tests {
		u, err := url.Parse(tt.url)
		if err != nil {
			t.Fatal(err)
		}
		if got := looksLikeArticle(u); got != tt.want {
			t.Errorf("looksLikeArticle(%s) = %v, want %v", tt.url, got, tt.want)
		}
	}
}

func TestToBlocks(t *testing.T) {
	page := `<div>
<h2>Heading <i>two</i></h2>
<p>Plain <b>bold</b> and <a href="https://x.example/a">a link</a> and <a href="https://x.example/a">again</a>.</p>
<p>line one<br>line two</p>
<ul><li>outer<ul><li>inner</li></ul></li></ul>
<blockquote><p>quoted</p></blockquote>
<pre>code  stays
  as is</pre>
<p lang="en" dir="ltr">English inside</p>
<figure><figcaption>The caption <span>Credit AFP</span></figcaption></figure>
</div>`
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	blocks, _, links := toBlocks(doc, "ar", feed.DirRTL)
	want := []feed.Block{
		{Kind: feed.Heading, Text: "Heading two", Level: 2, Spans: []feed.Span{{Start: 8, End: 11, Style: feed.Italic}}},
		{Kind: feed.Paragraph, Text: "Plain bold and a link and again.", Spans: []feed.Span{
			{Start: 6, End: 10, Style: feed.Bold}, {Start: 15, End: 21, Style: feed.Anchor, Link: 1},
			{Start: 26, End: 31, Style: feed.Anchor, Link: 1}}},
		{Kind: feed.Paragraph, Text: "line one"},
		{Kind: feed.Paragraph, Text: "line two"},
		{Kind: feed.ListItem, Text: "outer"},
		{Kind: feed.ListItem, Text: "inner", Level: 1},
		{Kind: feed.Quote, Text: "quoted"},
		{Kind: feed.Code, Text: "code  stays\n  as is"},
		{Kind: feed.Paragraph, Text: "English inside", Lang: "en", Dir: feed.DirLTR},
		{Kind: feed.Caption, Text: "The caption Credit AFP"},
	}
	if len(blocks) != len(want) {
		t.Fatalf("got %d blocks, want %d: %+v", len(blocks), len(want), blocks)
	}
	for i := range want {
		if !sameBlock(blocks[i], want[i]) {
			t.Errorf("block %d = %+v, want %+v", i, blocks[i], want[i])
		}
	}
	if len(links) != 1 || links[0].URL != "https://x.example/a" || links[0].Title != "a link" {
		t.Errorf("links = %+v", links)
	}
}

func sameBlock(a, b feed.Block) bool {
	if a.Kind != b.Kind || a.Text != b.Text || a.Level != b.Level || a.Lang != b.Lang || a.Dir != b.Dir || len(a.Spans) != len(b.Spans) {
		return false
	}
	for i := range a.Spans {
		if a.Spans[i] != b.Spans[i] {
			return false
		}
	}
	return true
}

// TestReadabilityAloneKeepsFurniture shows that the pages marked so in
// the evaluation set really need akhbar's own passes: readability by
// itself keeps some of their furniture (TestEvalSet shows Extract does
// not).
func TestReadabilityAloneKeepsFurniture(t *testing.T) {
	marked := 0
	for _, e := range loadEval(t) {
		if !e.KeepsJunk {
			continue
		}
		marked++
		body, err := os.ReadFile(e.File)
		if err != nil {
			t.Fatal(err)
		}
		u, err := url.Parse(e.URL)
		if err != nil {
			t.Fatal(err)
		}
		ra, err := readability.FromReader(strings.NewReader(string(body)), u)
		if err != nil || ra.Node == nil {
			t.Fatalf("%s: readability: %v", e.File, err)
		}
		var text strings.Builder
		if err := ra.RenderText(&text); err != nil {
			t.Fatal(err)
		}
		var kept []string
		for _, f := range e.Furniture {
			if strings.Contains(text.String(), f) {
				kept = append(kept, f)
			}
		}
		t.Logf("%s: readability alone keeps %d of %d furniture strings: %q", e.File, len(kept), len(e.Furniture), kept)
		if len(kept) < 3 {
			t.Errorf("%s: readability alone keeps only %q; the page does not test what it claims", e.File, kept)
		}
	}
	if marked == 0 {
		t.Fatal("no page of the evaluation set is marked readability_keeps_furniture")
	}
}

func TestLDValues(t *testing.T) {
	tests := []struct {
		name string
		json string
		key  string
		want []string
	}{
		{"string", `"Salma"`, "name", []string{"Salma"}},
		{"object", `{"@type":"Person","name":"Salma"}`, "name", []string{"Salma"}},
		{"array of objects and strings", `[{"name":"Salma"},"Youssef",{"url":"x"}]`, "name", []string{"Salma", "Youssef"}},
		{"image object", `{"@type":"ImageObject","url":"https://e.org/a.jpg"}`, "url", []string{"https://e.org/a.jpg"}},
		{"names in an array field", `{"name":["A","B"]}`, "name", []string{"A", "B"}},
		{"number", `42`, "name", nil},
	}
	for _, tt := range tests {
		var v any
		if err := json.Unmarshal([]byte(tt.json), &v); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if got := ldValues(v, tt.key); !slices.Equal(got, tt.want) {
			t.Errorf("%s: ldValues = %q, want %q", tt.name, got, tt.want)
		}
	}
}
