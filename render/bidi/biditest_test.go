package bidi

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
)

// classSamples holds one rune of each bidi class that is not a paired bracket, to
// turn the class sequences of BidiTest.txt into text.
var classSamples = map[string]rune{
	"L": 'a', "R": 0x05D0, "AL": 0x0627, "EN": '1', "ES": '+', "ET": '$', "AN": 0x0661,
	"CS": ',', "NSM": 0x0300, "BN": 0x00AD, "B": 0x2029, "S": '\t', "WS": ' ', "ON": '!',
	"LRE": 0x202A, "LRO": 0x202D, "RLE": 0x202B, "RLO": 0x202E, "PDF": 0x202C,
	"LRI": 0x2066, "RLI": 0x2067, "FSI": 0x2068, "PDI": 0x2069,
}

func TestClassSamples(t *testing.T) {
	for name, r := range classSamples {
		if got := ClassOf(r).String(); got != name {
			t.Errorf("ClassOf(%U) = %s, want %s", r, got, name)
		}
		if classBits(r)&(openBit|closeBit) != 0 {
			t.Errorf("sample %U of %s is a paired bracket", r, name)
		}
	}
}

func TestBidiTest(t *testing.T) {
	runConformance(t, "BidiTest", func(emit func(conformanceCase)) error {
		var levels, order []int
		return eachGzipLine("testdata/BidiTest.txt.gz", func(n int, line string) error {
			var err error
			switch {
			case line == "" || line[0] == '#':
			case strings.HasPrefix(line, "@Levels:"):
				levels, err = parseLevels(strings.TrimPrefix(line, "@Levels:"))
			case strings.HasPrefix(line, "@Reorder:"):
				order, err = parseInts(strings.TrimPrefix(line, "@Reorder:"))
			case line[0] == '@':
			default:
				err = emitBidiTestLine(n, line, levels, order, emit)
			}
			return err
		})
	})
}

// emitBidiTestLine emits one case per paragraph direction in the line's bitset.
func emitBidiTestLine(n int, line string, levels, order []int, emit func(conformanceCase)) error {
	input, bits, ok := strings.Cut(line, ";")
	if !ok {
		return fmt.Errorf("no bitset")
	}
	var text []rune
	for _, name := range strings.Fields(input) {
		r, ok := classSamples[name]
		if !ok {
			return fmt.Errorf("unknown class %q", name)
		}
		text = append(text, r)
	}
	set, err := strconv.ParseUint(strings.TrimSpace(bits), 16, 8)
	if err != nil {
		return fmt.Errorf("bad bitset %q", bits)
	}
	for bit, dir := range []Direction{Auto, LTR, RTL} {
		if set&(1<<bit) != 0 {
			emit(conformanceCase{line: n, text: text, dir: dir, base: -1, levels: levels, order: order})
		}
	}
	return nil
}
