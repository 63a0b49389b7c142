//go:build ignore

// gen writes tables.go from the Unicode Character Database:
//
//	go run gen.go -ucd ../../../shared/unicode
//
// Joining types R, D, L, C and U come from ArabicShaping.txt, the transparent class T from
// DerivedJoiningType.txt, and the presentation forms from the <isolated>, <final>, <initial> and
// <medial> decompositions in UnicodeData.txt.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"log"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

const (
	blockLo = 0x0600 // first code point of the dense Arabic block table
	blockHi = 0x06FF // last code point of the dense Arabic block table
	lam     = 0x0644
)

// formIndex maps a decomposition tag to the index of the form in tables.go's letter.forms.
func formIndex(tag string) (int, bool) {
	i := slices.Index([]string{"<isolated>", "<final>", "<initial>", "<medial>"}, tag)
	return i, i >= 0
}

type ucd struct {
	joining map[rune]byte    // joining type letter (R, D, L, C, T); absent means U
	group   map[rune]string  // joining group from ArabicShaping.txt
	names   map[rune]string  // character names
	forms   map[rune][4]rune // presentation forms of single letters
	lamAlef map[rune][2]rune // alef variant -> isolated and final lam-alef ligature
}

func main() {
	dir := flag.String("ucd", "../../../shared/unicode", "folder holding the Unicode data files")
	out := flag.String("o", "tables.go", "output file")
	flag.Parse()
	u := ucd{
		joining: map[rune]byte{},
		group:   map[rune]string{},
		names:   map[rune]string{},
		forms:   map[rune][4]rune{},
		lamAlef: map[rune][2]rune{},
	}
	if err := u.readShaping(filepath.Join(*dir, "ArabicShaping.txt")); err != nil {
		log.Fatal(err)
	}
	if err := u.readDerived(filepath.Join(*dir, "DerivedJoiningType.txt")); err != nil {
		log.Fatal(err)
	}
	if err := u.readUnicodeData(filepath.Join(*dir, "UnicodeData.txt")); err != nil {
		log.Fatal(err)
	}
	src, err := format.Source(u.write())
	if err != nil {
		log.Fatalf("format tables: %v", err)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		log.Fatalf("write tables: %v", err)
	}
}

// eachLine calls fn with the semicolon-separated, trimmed fields of every data line of path.
func eachLine(path string, fn func(fields []string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line, _, _ := strings.Cut(sc.Text(), "#")
		if strings.TrimSpace(line) == "" {
			continue
		}
		fields := strings.Split(line, ";")
		for i := range fields {
			fields[i] = strings.TrimSpace(fields[i])
		}
		if err := fn(fields); err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	return nil
}

func parseRune(s string) (rune, error) {
	v, err := strconv.ParseUint(s, 16, 32)
	if err != nil {
		return 0, fmt.Errorf("code point %q: %w", s, err)
	}
	return rune(v), nil
}

// parseRange parses "0600" or "0600..06FF".
func parseRange(s string) (lo, hi rune, err error) {
	a, b, isRange := strings.Cut(s, "..")
	if lo, err = parseRune(a); err != nil {
		return 0, 0, err
	}
	if !isRange {
		return lo, lo, nil
	}
	hi, err = parseRune(b)
	return lo, hi, err
}

func (u *ucd) readShaping(path string) error {
	return eachLine(path, func(f []string) error {
		if len(f) < 4 {
			return fmt.Errorf("want 4 fields, got %d", len(f))
		}
		r, err := parseRune(f[0])
		if err != nil {
			return err
		}
		if t := f[2]; t != "U" {
			u.joining[r] = t[0]
		}
		u.group[r] = f[3]
		return nil
	})
}

// readDerived adds the transparent class and checks that the other classes agree with
// ArabicShaping.txt.
func (u *ucd) readDerived(path string) error {
	return eachLine(path, func(f []string) error {
		lo, hi, err := parseRange(f[0])
		if err != nil {
			return err
		}
		for r := lo; r <= hi; r++ {
			if f[1] == "T" {
				u.joining[r] = 'T'
			} else if u.joining[r] != f[1][0] {
				return fmt.Errorf("%04X: joining type %s disagrees with ArabicShaping.txt", r, f[1])
			}
		}
		return nil
	})
}

func (u *ucd) readUnicodeData(path string) error {
	return eachLine(path, func(f []string) error {
		r, err := parseRune(f[0])
		if err != nil {
			return err
		}
		u.names[r] = f[1]
		d := strings.Fields(f[5])
		if len(d) < 2 {
			return nil
		}
		idx, ok := formIndex(d[0])
		if !ok {
			return nil
		}
		parts := make([]rune, 0, 2)
		for _, s := range d[1:] {
			p, err := parseRune(s)
			if err != nil {
				return err
			}
			parts = append(parts, p)
		}
		switch {
		case len(parts) == 1:
			fs := u.forms[parts[0]]
			if fs[idx] != 0 {
				return fmt.Errorf("%04X: second %s form of %04X", r, d[0], parts[0])
			}
			fs[idx] = r
			u.forms[parts[0]] = fs
		case len(parts) == 2 && parts[0] == lam && u.group[parts[1]] == "ALEF" && idx <= 1:
			lig := u.lamAlef[parts[1]]
			lig[idx] = r
			u.lamAlef[parts[1]] = lig
		}
		return nil
	})
}

// typeName is the Go constant for a joining type letter.
func typeName(t byte) string { return "jt" + string(t) }

func (u *ucd) write() []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by \"go run gen.go\" from Unicode 15.0 data; DO NOT EDIT.\n")
	fmt.Fprintf(&b, "// The Unicode data is used under the terms in testdata/LICENSE-UNICODE.txt.\n\n")
	fmt.Fprintf(&b, "package shape\n\n")

	fmt.Fprintf(&b, "// arabicBlock holds the joining type and presentation forms of U+%04X..U+%04X.\n", blockLo, blockHi)
	fmt.Fprintf(&b, "var arabicBlock = [%d]letter{\n", blockHi-blockLo+1)
	var first, last rune
	for r := rune(blockLo); r <= blockHi; r++ {
		t, fs := u.joining[r], u.forms[r]
		if t == 0 && fs == [4]rune{} {
			continue
		}
		if fs != [4]rune{} {
			if first == 0 {
				first = r
			}
			last = r
		}
		name := "jtU"
		if t != 0 {
			name = typeName(t)
		}
		if fs == [4]rune{} {
			fmt.Fprintf(&b, "\t0x%02X: {jt: %s}, // %s\n", r-blockLo, name, u.names[r])
			continue
		}
		fmt.Fprintf(&b, "\t0x%02X: {%s, [4]uint16{0x%04X, 0x%04X, 0x%04X, 0x%04X}}, // %s\n",
			r-blockLo, name, fs[0], fs[1], fs[2], fs[3], u.names[r])
	}
	fmt.Fprintf(&b, "}\n\n")
	for r := range u.forms {
		if r < blockLo || r > blockHi {
			log.Fatalf("%04X has presentation forms outside the Arabic block", r)
		}
	}
	fmt.Fprintf(&b, "const (\n\tfirstLetter = 0x%04X // first code point with presentation forms\n", first)
	fmt.Fprintf(&b, "\tlastLetter = 0x%04X // last code point with presentation forms\n)\n\n", last)

	u.writeRanges(&b)
	u.writeLamAlef(&b)
	return b.Bytes()
}

// writeRanges writes the joining types outside the dense block as sorted ranges.
func (u *ucd) writeRanges(b *bytes.Buffer) {
	runes := make([]rune, 0, len(u.joining))
	for r := range u.joining {
		if r < blockLo || r > blockHi {
			runes = append(runes, r)
		}
	}
	slices.Sort(runes)
	fmt.Fprintf(b, "// firstJoining is the lowest code point whose joining type is not U.\n")
	fmt.Fprintf(b, "const firstJoining = 0x%04X\n\n", runes[0])
	fmt.Fprintf(b, "// joinRanges holds the joining types other than U outside arabicBlock, sorted.\n")
	fmt.Fprintf(b, "var joinRanges = []joinRange{\n")
	for i := 0; i < len(runes); {
		j := i
		for j+1 < len(runes) && runes[j+1] == runes[j]+1 && u.joining[runes[j+1]] == u.joining[runes[i]] {
			j++
		}
		fmt.Fprintf(b, "\t{0x%04X, 0x%04X, %s},\n", runes[i], runes[j], typeName(u.joining[runes[i]]))
		i = j + 1
	}
	fmt.Fprintf(b, "}\n\n")
}

func (u *ucd) writeLamAlef(b *bytes.Buffer) {
	alefs := make([]rune, 0, len(u.lamAlef))
	for r := range u.lamAlef {
		alefs = append(alefs, r)
	}
	slices.Sort(alefs)
	fmt.Fprintf(b, "// lamAlefs holds the isolated and final ligatures of lam with each alef variant.\n")
	fmt.Fprintf(b, "var lamAlefs = [%d]lamAlef{\n", len(alefs))
	for _, a := range alefs {
		lig := u.lamAlef[a]
		if lig[0] == 0 || lig[1] == 0 {
			log.Fatalf("lam with %04X lacks a ligature form", a)
		}
		fmt.Fprintf(b, "\t{0x%04X, 0x%04X, 0x%04X}, // %s\n", a, lig[0], lig[1], u.names[lig[0]])
	}
	fmt.Fprintf(b, "}\n")
}
