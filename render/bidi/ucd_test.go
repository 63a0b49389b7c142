package bidi

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/akhbar/akhbar/internal/ucd"
)

// TestClassTable checks ClassOf for every code point against DerivedBidiClass.txt,
// defaults for unassigned code points (@missing lines) included.
func TestClassTable(t *testing.T) {
	long := map[string]string{
		"Left_To_Right": "L", "Right_To_Left": "R", "Arabic_Letter": "AL",
		"European_Terminator": "ET",
	}
	byName := map[string]Class{}
	for c := L; c <= PDI; c++ {
		byName[c.String()] = c
	}
	want := make([]Class, 0x110000)
	err := ucd.Lines("DerivedBidiClass.txt", func(_ int, line string) error {
		if m, ok := strings.CutPrefix(line, "# @missing:"); ok {
			line = m
		}
		fields, ok := ucd.Fields(line)
		if !ok {
			return nil
		}
		name := fields[1]
		if short, ok := long[name]; ok {
			name = short
		}
		class, ok := byName[name]
		if !ok {
			return fmt.Errorf("unknown class %q", name)
		}
		lo, hi, err := ucd.ParseRange(fields[0])
		for r := lo; r <= hi && err == nil; r++ {
			want[r] = class
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	bad := 0
	for r, w := range want {
		if got := ClassOf(rune(r)); got != w && bad < 10 {
			bad++
			t.Errorf("ClassOf(%U) = %v, want %v", r, got, w)
		}
	}
}

// TestPairTables checks every bracket and mirroring pair against BidiBrackets.txt and
// BidiMirroring.txt, and that no other character is flagged as a bracket.
func TestPairTables(t *testing.T) {
	brackets := 0
	err := ucd.Lines("BidiBrackets.txt", func(_ int, line string) error {
		f, ok := ucd.Fields(line)
		if !ok {
			return nil
		}
		brackets++
		r, pair, err := parsePair(f)
		bit := map[string]uint8{"o": openBit, "c": closeBit}[f[2]]
		got, _ := lookup(bracketPairs[:], r)
		if gotBit := classBits(r) & (openBit | closeBit); got != pair || gotBit != bit {
			t.Errorf("bracket %U: pair %U flag %#x, want %U %#x", r, got, gotBit, pair, bit)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	flagged := 0
	for r := rune(0); r <= 0x10FFFF; r++ {
		if classBits(r)&(openBit|closeBit) != 0 {
			flagged++
		}
	}
	if flagged != brackets || len(bracketPairs) != brackets {
		t.Errorf("%d runes flagged, %d in bracketPairs, want %d", flagged, len(bracketPairs), brackets)
	}

	mirrors := 0
	err = ucd.Lines("BidiMirroring.txt", func(_ int, line string) error {
		f, ok := ucd.Fields(line)
		if !ok {
			return nil
		}
		mirrors++
		r, pair, err := parsePair(f)
		if got := Mirror(r); got != pair {
			t.Errorf("Mirror(%U) = %U, want %U", r, got, pair)
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(mirrorPairs) != mirrors {
		t.Errorf("%d entries in mirrorPairs, want %d", len(mirrorPairs), mirrors)
	}
}

func parsePair(f []string) (r, pair rune, err error) {
	r, _, err = ucd.ParseRange(f[0])
	if err != nil {
		return 0, 0, err
	}
	pair, _, err = ucd.ParseRange(f[1])
	return r, pair, err
}

// TestTablesUpToDate regenerates the tables from the Unicode data committed in internal/ucd and
// compares them with the committed tables.go.
func TestTablesUpToDate(t *testing.T) {
	fresh, err := ucd.BidiTables()
	if err != nil {
		t.Fatal(err)
	}
	committed, err := os.ReadFile("tables.go")
	if err != nil {
		t.Fatal(err)
	}
	if string(fresh) != string(committed) {
		t.Error("tables.go is stale: run go generate ./render/bidi")
	}
}
