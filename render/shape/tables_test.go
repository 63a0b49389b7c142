package shape

import (
	"bytes"
	"os"
	"testing"

	"github.com/akhbar/akhbar/internal/ucd"
	"golang.org/x/text/unicode/norm"
)

func TestTypeOf(t *testing.T) {
	tests := []struct {
		r    rune
		want joinType
	}{
		{'a', jtU},
		{' ', jtU},
		{-1, jtU},
		{0x10FFFF, jtU},
		{0x00AD, jtT}, // soft hyphen
		{0x0301, jtT}, // combining acute accent
		{0x064E, jtT}, // fatha
		{0x0651, jtT}, // shadda
		{0x0670, jtT}, // superscript alef
		{0x200F, jtT}, // right-to-left mark
		{0x0640, jtC}, // tatweel
		{0x200D, jtC}, // zero width joiner
		{0x200C, jtU}, // zero width non-joiner
		{0x0621, jtU}, // hamza
		{0x0627, jtR}, // alef
		{0x06D2, jtR}, // yeh barree
		{0x0628, jtD}, // beh
		{0x06CC, jtD}, // farsi yeh
		{0x08A0, jtD}, // beh with small v below: no presentation forms
		{0x0710, jtR}, // syriac alaph
		{0xA872, jtL}, // phags-pa superfixed letter ra
		{0xFE8F, jtU}, // beh isolated form: presentation forms do not join again
	}
	for _, tt := range tests {
		if got := typeOf(tt.r); got != tt.want {
			t.Errorf("typeOf(%U) = %d, want %d", tt.r, got, tt.want)
		}
	}
}

// TestFormsDecompose checks the generated forms against golang.org/x/text's own copy of the
// Unicode data: every presentation form must normalise (NFKC) like its letter, every lam-alef
// ligature to lam and its alef.
func TestFormsDecompose(t *testing.T) {
	count := 0
	for i, l := range arabicBlock {
		for _, f := range l.forms {
			if f == 0 {
				continue
			}
			count++
			if got, want := norm.NFKC.String(string(rune(f))), norm.NFKC.String(string(rune(0x0600+i))); got != want {
				t.Errorf("NFKC(%U) = %q, want %q", f, got, want)
			}
		}
	}
	if count < 200 {
		t.Errorf("only %d presentation forms in the tables", count)
	}
	for _, la := range lamAlefs {
		for _, f := range []uint16{la.isolated, la.fin} {
			if got, want := norm.NFKC.String(string(rune(f))), string([]rune{lam, la.alef}); got != want {
				t.Errorf("NFKC(%U) = %q, want %q", f, got, want)
			}
		}
	}
}

// TestTablesUpToDate regenerates the tables from the Unicode data committed in internal/ucd and
// compares them with the committed tables.go.
func TestTablesUpToDate(t *testing.T) {
	fresh, err := ucd.ShapeTables()
	if err != nil {
		t.Fatal(err)
	}
	committed, err := os.ReadFile("tables.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(fresh, committed) {
		t.Error("tables.go is stale: run go generate ./render/shape")
	}
}
