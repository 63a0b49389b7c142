package article

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"
)

// FuzzExtract feeds arbitrary pages to Extract: it must not panic, must
// give the same result twice, and must return well-formed articles
// (valid UTF-8, spans inside their text, link indexes in range).
func FuzzExtract(f *testing.F) {
	pages, err := filepath.Glob("testdata/*/*.html")
	if err != nil {
		f.Fatal(err)
	}
	for _, p := range pages {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b, "text/html")
	}
	f.Add([]byte("<p>short</p>"), "text/html; charset=windows-1256")
	f.Add([]byte("<div><b>a<br>b</b></div><p>"+paragraphs(2)), "")
	f.Add([]byte("\xff\xfe<\x00p\x00>\x00"), "text/html; charset=utf-16")
	f.Fuzz(func(t *testing.T, body []byte, contentType string) {
		a, err := Extract("https://news.example.com/2024/01/01/story", body, contentType)
		b, err2 := Extract("https://news.example.com/2024/01/01/story", body, contentType)
		if (err == nil) != (err2 == nil) {
			t.Fatalf("non-deterministic error: %v / %v", err, err2)
		}
		if err != nil {
			return
		}
		ja, errA := json.Marshal(a)
		jb, errB := json.Marshal(b)
		if errA != nil || errB != nil || string(ja) != string(jb) {
			t.Fatalf("non-deterministic article (%v, %v)", errA, errB)
		}
		for _, blk := range a.Blocks {
			if !utf8.ValidString(blk.Text) {
				t.Fatalf("invalid UTF-8 in %q", blk.Text)
			}
			for _, s := range blk.Spans {
				if s.Start < 0 || s.End > len(blk.Text) || s.Start >= s.End {
					t.Fatalf("span %+v outside %q", s, blk.Text)
				}
				if s.Link < 0 || s.Link > len(a.Links) || (s.Link > 0) != (s.Style == "link") {
					t.Fatalf("span %+v with %d links", s, len(a.Links))
				}
			}
		}
	})
}
