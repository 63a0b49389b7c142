package article

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// BenchmarkExtract extracts each page of the evaluation set and samples.
func BenchmarkExtract(b *testing.B) {
	pages, err := filepath.Glob("testdata/*/*.html")
	if err != nil {
		b.Fatal(err)
	}
	for _, p := range pages {
		body, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		ct := "text/html"
		if strings.Contains(p, "nometa") {
			ct = "text/html; charset=windows-1256"
		}
		b.Run(filepath.Base(p), func(b *testing.B) {
			b.SetBytes(int64(len(body)))
			for b.Loop() {
				if _, err := Extract("https://news.example.com/2024/01/01/story", body, ct); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
