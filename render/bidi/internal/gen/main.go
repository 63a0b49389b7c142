// Command gen writes render/bidi/tables.go from the Unicode Character Database files
// DerivedBidiClass.txt, BidiBrackets.txt and BidiMirroring.txt.
//
// It is run by `go generate` in render/bidi:
//
//	go run ./internal/gen -data ../../../shared/unicode -out tables.go
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
	"sort"
	"strconv"
	"strings"
)

// classNames lists the bidi classes in the order of the Class constants of package bidi.
// The generated file checks this order at compile time.
var classNames = []string{
	"L", "R", "AL", "EN", "ES", "ET", "AN", "CS", "NSM", "BN", "B", "S", "WS", "ON",
	"LRE", "LRO", "RLE", "RLO", "PDF", "LRI", "RLI", "FSI", "PDI",
}

// longNames maps the long property value aliases used in @missing lines to short names.
var longNames = map[string]string{
	"Left_To_Right":       "L",
	"Right_To_Left":       "R",
	"Arabic_Letter":       "AL",
	"European_Terminator": "ET",
	"Boundary_Neutral":    "BN",
	"European_Number":     "EN",
	"Arabic_Number":       "AN",
	"Other_Neutral":       "ON",
	"Nonspacing_Mark":     "NSM",
	"Common_Separator":    "CS",
	"European_Separator":  "ES",
	"Segment_Separator":   "S",
	"Paragraph_Separator": "B",
	"White_Space":         "WS",
}

const (
	maxRune    = 0x10FFFF
	blockShift = 7 // must match the constant in lookup.go
	blockSize  = 1 << blockShift
	openBit    = 1 << 5 // must match lookup.go
	closeBit   = 1 << 6 // must match lookup.go
)

func main() {
	data := flag.String("data", "../../../shared/unicode", "directory holding the Unicode data files")
	out := flag.String("out", "tables.go", "file to write")
	flag.Parse()
	if err := run(*data, *out); err != nil {
		log.Fatal(err)
	}
}

func run(dir, out string) error {
	classes, err := readClasses(filepath.Join(dir, "DerivedBidiClass.txt"))
	if err != nil {
		return err
	}
	brackets, err := readPairs(filepath.Join(dir, "BidiBrackets.txt"), 3)
	if err != nil {
		return err
	}
	mirrors, err := readPairs(filepath.Join(dir, "BidiMirroring.txt"), 2)
	if err != nil {
		return err
	}
	for _, b := range brackets {
		switch b.kind {
		case "o":
			classes[b.from] |= openBit
		case "c":
			classes[b.from] |= closeBit
		default:
			return fmt.Errorf("BidiBrackets.txt: U+%04X: unknown bracket type %q", b.from, b.kind)
		}
	}
	sortPairs(brackets)
	sortPairs(mirrors)
	src := render(classes, brackets, mirrors)
	formatted, err := format.Source(src)
	if err != nil {
		return fmt.Errorf("format generated code: %w", err)
	}
	if err := os.WriteFile(out, formatted, 0o644); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	return nil
}

// readClasses returns the bidi class index of every code point. It applies the
// @missing defaults first (in file order, later lines overriding earlier ones),
// then the explicit entries.
func readClasses(path string) ([]uint8, error) {
	classes := make([]uint8, maxRune+1)
	index := map[string]uint8{}
	for i, n := range classNames {
		index[n] = uint8(i)
	}
	err := eachLine(path, true, func(line string, missing bool) error {
		if missing {
			line = strings.TrimPrefix(line, "@missing:")
		}
		fields := splitFields(line)
		if len(fields) < 2 {
			return fmt.Errorf("malformed line %q", line)
		}
		name := fields[1]
		if long, ok := longNames[name]; ok {
			name = long
		}
		c, ok := index[name]
		if !ok {
			return fmt.Errorf("unknown class %q", name)
		}
		lo, hi, err := parseRange(fields[0])
		if err != nil {
			return err
		}
		for r := lo; r <= hi; r++ {
			classes[r] = c
		}
		return nil
	})
	return classes, err
}

// pair is one line of BidiBrackets.txt or BidiMirroring.txt.
type pair struct {
	from, to rune
	kind     string // bracket type "o" or "c"; empty for mirroring
}

// readPairs reads lines of the form "from; to[; kind] # comment".
func readPairs(path string, nfields int) ([]pair, error) {
	var pairs []pair
	err := eachLine(path, false, func(line string, _ bool) error {
		fields := splitFields(line)
		if len(fields) != nfields {
			return fmt.Errorf("want %d fields in %q", nfields, line)
		}
		from, err := parseRune(fields[0])
		if err != nil {
			return err
		}
		to, err := parseRune(fields[1])
		if err != nil {
			return err
		}
		p := pair{from: from, to: to}
		if nfields == 3 {
			p.kind = fields[2]
		}
		pairs = append(pairs, p)
		return nil
	})
	return pairs, err
}

// eachLine calls fn with the content of every data line of a UCD file (comments
// stripped). With withMissing, "# @missing:" lines are passed too, flagged.
func eachLine(path string, withMissing bool, fn func(line string, missing bool) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		missing := strings.HasPrefix(line, "# @missing:")
		if missing {
			if !withMissing {
				continue
			}
			line = strings.TrimPrefix(line, "# ")
		} else if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		if strings.TrimSpace(line) == "" {
			continue
		}
		if err := fn(line, missing); err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	return nil
}

func splitFields(line string) []string {
	fields := strings.Split(line, ";")
	for i := range fields {
		fields[i] = strings.TrimSpace(fields[i])
	}
	return fields
}

func parseRange(s string) (lo, hi rune, err error) {
	a, b, found := strings.Cut(s, "..")
	if lo, err = parseRune(a); err != nil {
		return 0, 0, err
	}
	if !found {
		return lo, lo, nil
	}
	hi, err = parseRune(b)
	return lo, hi, err
}

func parseRune(s string) (rune, error) {
	v, err := strconv.ParseUint(strings.TrimSpace(s), 16, 32)
	if err != nil || v > maxRune {
		return 0, fmt.Errorf("bad code point %q", s)
	}
	return rune(v), nil
}

// render builds the Go source of tables.go: a two-stage class table (an index of
// deduplicated 128-entry blocks), the bracket pairs and the mirroring pairs.
func render(classes []uint8, brackets, mirrors []pair) []byte {
	var index []uint16
	var blocks [][]uint8
	seen := map[string]uint16{}
	for lo := 0; lo <= maxRune; lo += blockSize {
		blk := classes[lo : lo+blockSize]
		id, ok := seen[string(blk)]
		if !ok {
			id = uint16(len(blocks))
			seen[string(blk)] = id
			blocks = append(blocks, blk)
		}
		index = append(index, id)
	}

	var b bytes.Buffer
	b.WriteString("// Code generated by render/bidi/internal/gen from Unicode 15.0.0 data; DO NOT EDIT.\n\n")
	b.WriteString("package bidi\n\n")
	b.WriteString("// UnicodeVersion is the version of the Unicode Character Database the tables come from.\n")
	b.WriteString("const UnicodeVersion = \"15.0.0\"\n\n")
	b.WriteString("// Compile-time check that the generator numbers classes like the Class constants.\n")
	b.WriteString("func _() {\n\tvar x [1]struct{}\n")
	for i, n := range classNames {
		fmt.Fprintf(&b, "\t_ = x[%s-%d]\n", n, i)
	}
	b.WriteString("}\n\n")

	fmt.Fprintf(&b, "// classIndex maps r>>%d to the block of classBlocks that holds r's class.\n", blockShift)
	fmt.Fprintf(&b, "var classIndex = [%d]uint16{", len(index))
	for i, v := range index {
		if i%16 == 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "%d, ", v)
	}
	b.WriteString("\n}\n\n")

	b.WriteString("// classBlocks holds deduplicated blocks of 128 entries: the class in the low five bits,\n")
	b.WriteString("// plus openBit or closeBit for paired brackets.\n")
	fmt.Fprintf(&b, "var classBlocks = [%d]uint8{", len(blocks)*blockSize)
	for i, blk := range blocks {
		fmt.Fprintf(&b, "\n// block %d", i)
		for j, v := range blk {
			if j%16 == 0 {
				b.WriteString("\n")
			}
			fmt.Fprintf(&b, "%d, ", v)
		}
	}
	b.WriteString("\n}\n\n")

	b.WriteString("// bracketPairs maps each paired bracket (BidiBrackets.txt) to its pair, sorted by rune.\n")
	writePairs(&b, "bracketPairs", brackets)
	b.WriteString("// mirrorPairs maps each character with a mirrored glyph (BidiMirroring.txt) to it, sorted by rune.\n")
	writePairs(&b, "mirrorPairs", mirrors)
	return b.Bytes()
}

func sortPairs(pairs []pair) {
	sort.Slice(pairs, func(i, j int) bool { return pairs[i].from < pairs[j].from })
}

func writePairs(b *bytes.Buffer, name string, pairs []pair) {
	fmt.Fprintf(b, "var %s = [%d]runePair{\n", name, len(pairs))
	for _, p := range pairs {
		fmt.Fprintf(b, "{0x%04X, 0x%04X},\n", p.from, p.to)
	}
	b.WriteString("}\n\n")
}
