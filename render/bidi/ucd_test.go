package bidi

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// ucdFields splits a data line of a UCD file into trimmed fields, dropping the
// comment; ok is false for comment and blank lines.
func ucdFields(line string) (fields []string, ok bool) {
	if i := strings.IndexByte(line, '#'); i >= 0 {
		line = line[:i]
	}
	if strings.TrimSpace(line) == "" {
		return nil, false
	}
	fields = strings.Split(line, ";")
	for i := range fields {
		fields[i] = strings.TrimSpace(fields[i])
	}
	return fields, true
}

func parseCodeRange(s string) (lo, hi rune, err error) {
	a, b, isRange := strings.Cut(s, "..")
	if !isRange {
		b = a
	}
	x, err1 := strconv.ParseUint(a, 16, 32)
	y, err2 := strconv.ParseUint(b, 16, 32)
	if err1 != nil || err2 != nil {
		return 0, 0, fmt.Errorf("bad range %q", s)
	}
	return rune(x), rune(y), nil
}

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
	err := eachGzipLine("testdata/DerivedBidiClass.txt.gz", func(_ int, line string) error {
		if m, ok := strings.CutPrefix(line, "# @missing:"); ok {
			line = m
		}
		fields, ok := ucdFields(line)
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
		lo, hi, err := parseCodeRange(fields[0])
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
	err := eachGzipLine("testdata/BidiBrackets.txt.gz", func(_ int, line string) error {
		f, ok := ucdFields(line)
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
	err = eachGzipLine("testdata/BidiMirroring.txt.gz", func(_ int, line string) error {
		f, ok := ucdFields(line)
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
	r, _, err = parseCodeRange(f[0])
	if err != nil {
		return 0, 0, err
	}
	pair, _, err = parseCodeRange(f[1])
	return r, pair, err
}
