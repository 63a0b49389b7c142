package article

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// paragraphs returns n paragraphs of plain prose.
func paragraphs(n int) string {
	p := "<p>The council approved the new budget after a long debate about road repairs, school meals and the cost of heating public buildings in winter.</p>\n"
	return strings.Repeat(p, n)
}

func TestBadPages(t *testing.T) {
	nested := strings.Repeat("<div>", 5000) + paragraphs(3) + strings.Repeat("</div>", 5000)
	tests := []struct {
		name        string
		body        []byte
		contentType string
		notArticle  bool // the error must wrap ErrNotArticle
		wantErr     bool // any error
		wantText    string
	}{
		{name: "empty", body: nil, notArticle: true},
		{name: "blank", body: []byte(" \n\t "), contentType: "text/html", notArticle: true},
		{name: "png", body: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"), contentType: "image/png", notArticle: true},
		{name: "png served as html", body: []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00"), contentType: "text/html", notArticle: true},
		{name: "pdf", body: []byte("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"), contentType: "application/pdf", notArticle: true},
		{name: "pdf served as html", body: []byte("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"), contentType: "text/html; charset=utf-8", notArticle: true},
		{name: "no body text", body: []byte(`<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav></body></html>`), notArticle: true},
		{name: "only furniture", body: []byte(`<html><body><p>Advertisement</p><p>Share</p><div class="share">Share this</div></body></html>`), notArticle: true},
		{name: "10 MB of nested divs", body: []byte(strings.Repeat("<div>", 2<<20)), wantErr: true},
		{name: "5000 nested divs", body: []byte(nested), wantText: "council approved the new budget"},
		{name: "59000 small elements", body: []byte("<html><body>" + strings.Repeat("<p>tiny <b>x</b></p>", 29000) + paragraphs(2) + "</body></html>"), wantText: "council approved"},
		{name: "5 MB paragraph", body: []byte("<html><body><p>" + strings.Repeat("word and another word, ", 5<<20/23) + "</p></body></html>"), wantText: "word and another word"},
		{name: "invalid UTF-8", body: []byte("<html><body><p>Caf\xe9 owners \xff\xfe said the rent had doubled in two years, and that several would close before the end of the season.</p></body></html>"), contentType: "text/html; charset=utf-8", wantText: "owners"},
		{name: "nul bytes in text", body: []byte("<html><body><p>The council approved\x00 the budget after a debate that went on until late in the evening on Tuesday.</p></body></html>"), wantText: "the budget"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Extract("https://news.example.com/2024/01/01/story", tt.body, tt.contentType)
			if err != nil {
				if strings.ContainsAny(err.Error(), "\n\r") {
					t.Errorf("error is not one line: %q", err)
				}
				if tt.notArticle && !errors.Is(err, ErrNotArticle) {
					t.Errorf("error %v does not wrap ErrNotArticle", err)
				}
				if !tt.notArticle && !tt.wantErr {
					t.Errorf("unexpected error: %v", err)
				}
				return
			}
			if tt.notArticle || tt.wantErr {
				t.Fatalf("got an article, want an error")
			}
			if !strings.Contains(a.Text(), tt.wantText) {
				t.Errorf("text lacks %q", tt.wantText)
			}
			for _, b := range a.Blocks {
				if !utf8.ValidString(b.Text) {
					t.Errorf("invalid UTF-8 in block %q", b.Text)
				}
			}
			if len(a.Text()) > maxInput {
				t.Errorf("text is %d bytes, more than the input cap", len(a.Text()))
			}
		})
	}
}

func TestBoundPage(t *testing.T) {
	tests := []struct {
		name      string
		page      string
		wantErr   bool
		wantDepth int  // most nested start tags in the result
		unchanged bool // the page is not deep: it must come back as it is
	}{
		{name: "markup in scripts, comments and attributes does not count", unchanged: true,
			page: "<SCRIPT>" + strings.Repeat("<div>", 1000) + "</Script><!-- " + strings.Repeat("<div>", 1000) +
				" --><p title='" + strings.Repeat("<div>", 1000) + "'>x</p><textarea>" + strings.Repeat("<div>", 1000) + "</textarea>"},
		{name: "self-closing and void tags do not nest", unchanged: true, page: strings.Repeat("<div/><br><img src=x>", 1000) + "x"},
		{name: "upper-case deep nesting flattened", page: strings.Repeat("<DIV class=\"a>b\">", 1000) + "x", wantDepth: maxDepth},
		{name: "shallow page unchanged", page: "<div><p>x</p></div>", wantDepth: 2},
		{name: "deep nesting flattened", page: strings.Repeat("<div>", 1000) + "x" + strings.Repeat("</div>", 1000), wantDepth: maxDepth},
		{name: "unclosed paragraphs do not count", page: strings.Repeat("<p>x", 1000), wantDepth: 1000},
		{name: "too many elements", page: strings.Repeat("<b></b>", maxElements+1), wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := boundPage(tt.page)
			if tt.unchanged {
				if err != nil || got != tt.page {
					t.Fatalf("page changed (err %v):\n%.200s", err, got)
				}
				return
			}
			if (err != nil) != tt.wantErr {
				t.Fatalf("err = %v, want error %v", err, tt.wantErr)
			}
			if err != nil {
				return
			}
			if n := strings.Count(strings.ToLower(got), "<div") + strings.Count(got, "<p>"); n != tt.wantDepth {
				t.Errorf("%d start tags left, want %d", n, tt.wantDepth)
			}
			if !strings.Contains(got, "x") {
				t.Errorf("text lost")
			}
		})
	}
}

func TestHostileLinks(t *testing.T) {
	page := `<html><body><article><h1>Headline</h1>
<p>Click <a href="javascript:alert(1)">here</a> or <a href="data:text/html,x">there</a> or <a href="file:///etc/passwd">this</a>, then read <a href="/2024/05/05/real-story">the real story</a> about the council budget and its long debate.</p>
<p>The council approved the new budget after a long debate about road repairs and school meals in the town.</p>
</article></body></html>`
	a, err := Extract("https://news.example.com/2024/05/06/budget", []byte(page), "text/html")
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Links) != 1 || a.Links[0].URL != "https://news.example.com/2024/05/05/real-story" {
		t.Errorf("links = %+v, want only the http one", a.Links)
	}
	if !bytes.Contains([]byte(a.Text()), []byte("Click here or there or this")) {
		t.Errorf("anchor text of unsafe links lost: %q", a.Text())
	}
}
