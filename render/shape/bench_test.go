package shape

import (
	"testing"
	"unicode/utf8"
)

// benchLines are 80-column display lines: Arabic with a few harakat and digits, and Latin.
func benchLines() []struct{ name, line string } {
	return []struct{ name, line string }{
		{"arabic", "أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد يضمّ 300 سرير في شمال المدينة."},
		{"latin", "The ministry of health announced today that a new hospital with 300 beds opened."},
	}
}

func BenchmarkShape(b *testing.B) {
	for _, bl := range benchLines() {
		line := []rune(bl.line)
		b.Run(bl.name, func(b *testing.B) {
			b.SetBytes(int64(len(bl.line)))
			b.ReportAllocs()
			for b.Loop() {
				Shape(line)
			}
		})
	}
}

func BenchmarkNeedsShaping(b *testing.B) {
	for _, bl := range benchLines() {
		line := []rune(bl.line)
		b.Run(bl.name, func(b *testing.B) {
			b.SetBytes(int64(len(bl.line)))
			for b.Loop() {
				NeedsShaping(line)
			}
		})
	}
}

func TestBenchLinesAreEightyColumns(t *testing.T) {
	for _, bl := range benchLines() {
		if n := utf8.RuneCountInString(bl.line); n < 76 || n > 80 {
			t.Errorf("%s bench line has %d runes, want about 80", bl.name, n)
		}
	}
}
