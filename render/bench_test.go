package render

import (
	"github.com/akhbar/akhbar/theme"

	"strings"
	"testing"

	"github.com/akhbar/akhbar/feed"
)

// longArabic repeats the Arabic fixture's blocks until the body has at
// least n words.
func longArabic(b *testing.B, n int) feed.Article {
	a := fixtures(b)["ar"]
	blocks := a.Blocks
	a.Blocks = nil
	words := 0
	for words < n {
		for _, bl := range blocks {
			a.Blocks = append(a.Blocks, bl)
			words += len(strings.Fields(bl.Text))
		}
	}
	return a
}

func BenchmarkArticleArabic5000Words(b *testing.B) {
	a := longArabic(b, 5000)
	for _, bc := range []struct {
		name string
		o    Options
	}{
		{"visual", Options{Width: 100, Shape: true}},
		{"logical", Options{Width: 100, Bidi: Logical}},
		{"visual-color", Options{Width: 100, Shape: true, Color: true, Theme: theme.Dark()}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			start, _ := cpuTime()
			for b.Loop() {
				if len(Article(a, bc.o)) == 0 {
					b.Fatal("no lines")
				}
			}
			reportCPU(b, start)
		})
	}
}

func BenchmarkCell(b *testing.B) {
	for _, bc := range []struct{ name, text string }{
		{"arabic", "محطة «الواحة» الشمسية تبدأ ضخ الكهرباء إلى الشبكة الوطنية بقدرة ٨٠٠ ميغاواط"},
		{"english", "Water ministers meet in Muscat as desalination costs fall by a third"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			o := Options{Shape: true}
			start, _ := cpuTime()
			for b.Loop() {
				if Cell(bc.text, 60, o) == "" {
					b.Fatal("empty cell")
				}
			}
			reportCPU(b, start)
		})
	}
}

func BenchmarkStyledCell(b *testing.B) {
	for _, bc := range []struct{ name, text, word string }{
		{"arabic", "محطة «الواحة» الشمسية تبدأ ضخ الكهرباء إلى الشبكة الوطنية بقدرة ٨٠٠ ميغاواط", "الكهرباء"},
		{"english", "Water ministers meet in Muscat as desalination costs fall by a third", "desalination"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			o := Options{Shape: true, Color: true, Theme: theme.Dark()}
			spans := matchOf(bc.text, bc.word)
			start, _ := cpuTime()
			for b.Loop() {
				if StyledCell(bc.text, spans, 60, o) == "" {
					b.Fatal("empty cell")
				}
			}
			reportCPU(b, start)
		})
	}
}
