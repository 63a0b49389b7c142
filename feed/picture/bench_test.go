package picture

import (
	"testing"

	"github.com/akhbar/akhbar/feed/feedtest"
)

// BenchmarkLoadFiveCached decodes five pictures as the cache keeps them
// (1600×900 JPEG), as opening an article with five images does.
func BenchmarkLoadFiveCached(b *testing.B) {
	p := Encode("u", feedtest.PNG(feedtest.Quadrants(1600, 900)))
	if p.Err != "" {
		b.Fatal(p.Err)
	}
	for b.Loop() {
		for range 5 {
			if _, err := Load(p); err != nil {
				b.Fatal(err)
			}
		}
	}
}
