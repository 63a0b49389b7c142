package demo

import (
	"io"
	"net/http"
	"testing"
)

// BenchmarkRender measures rendering the whole edition, which Start does
// once before serving.
func BenchmarkRender(b *testing.B) {
	ed, err := loadEdition()
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := ed.render("http://127.0.0.1:1", epoch); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkServePage measures one request for an article page over
// loopback.
func BenchmarkServePage(b *testing.B) {
	s, err := start(epoch)
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	url := s.URL() + "/ar/news/oasis-solar-plant.html"
	for b.Loop() {
		resp, err := http.Get(url)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := io.Copy(io.Discard, resp.Body); err != nil {
			b.Fatal(err)
		}
		resp.Body.Close()
	}
}
