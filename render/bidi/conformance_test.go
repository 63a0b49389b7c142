package bidi

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"os"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// conformanceCase is one test of BidiTest.txt or BidiCharacterTest.txt.
type conformanceCase struct {
	line   int
	text   []rune
	dir    Direction
	base   int   // expected paragraph level, or -1 when the file does not give it
	levels []int // expected levels after L1; -1 where the file says x (removed)
	order  []int // expected visual order, removed characters left out
}

// check runs one case through Resolve and through z, a Resolver that has resolved
// other cases before, and describes the first mismatch, or returns "" when the case
// passes.
func (c conformanceCase) check(z *Resolver) string {
	if msg := c.checkParagraph(Resolve(c.text, c.dir)); msg != "" {
		return msg
	}
	if msg := c.checkParagraph(z.Resolve(c.text, c.dir)); msg != "" {
		return "reused Resolver: " + msg
	}
	return ""
}

// checkParagraph describes the first difference between p and the case, or returns
// "" when there is none.
func (c conformanceCase) checkParagraph(p *Paragraph) string {
	if c.base >= 0 && int(p.BaseLevel()) != c.base {
		return fmt.Sprintf("paragraph level %d, want %d", p.BaseLevel(), c.base)
	}
	line := p.LineLevels(0, p.Len())
	got := make([]int, len(line))
	for i, l := range line {
		got[i] = int(l)
		if p.Removed(i) {
			got[i] = -1
		}
	}
	var order []int
	for _, i := range VisualOrder(line) {
		if !p.Removed(i) {
			order = append(order, i)
		}
	}
	if !equalInts(got, c.levels) || !equalInts(order, c.order) {
		return fmt.Sprintf("levels %s order %v, want levels %s order %v",
			levelString(got), order, levelString(c.levels), c.order)
	}
	return ""
}

func (c conformanceCase) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "line %d dir %d:", c.line, c.dir)
	for _, r := range c.text {
		fmt.Fprintf(&b, " %04X(%v)", r, ClassOf(r))
	}
	return b.String()
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func levelString(levels []int) string {
	s := make([]string, len(levels))
	for i, l := range levels {
		s[i] = "x"
		if l >= 0 {
			s[i] = strconv.Itoa(l)
		}
	}
	return "[" + strings.Join(s, " ") + "]"
}

// runConformance feeds the cases produced by parse to a few workers, logs the
// count of passes and fails the test with the first few mismatches.
func runConformance(t *testing.T, name string, parse func(emit func(conformanceCase)) error) {
	t.Helper()
	const batchSize = 2048
	batches := make(chan []conformanceCase, 4)
	var (
		mu       sync.Mutex
		total    int
		passed   int
		failures []string
		wg       sync.WaitGroup
	)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var z Resolver
			for batch := range batches {
				ok := 0
				var bad []string
				for _, c := range batch {
					if msg := c.check(&z); msg == "" {
						ok++
					} else if len(bad) < 10 {
						bad = append(bad, c.String()+": "+msg)
					}
				}
				mu.Lock()
				total += len(batch)
				passed += ok
				failures = append(failures, bad...)
				mu.Unlock()
			}
		}()
	}
	var batch []conformanceCase
	err := parse(func(c conformanceCase) {
		batch = append(batch, c)
		if len(batch) == batchSize {
			batches <- batch
			batch = nil
		}
	})
	batches <- batch
	close(batches)
	wg.Wait()
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	t.Logf("%s: %d/%d", name, passed, total)
	if passed != total {
		if len(failures) > 10 {
			failures = failures[:10]
		}
		t.Errorf("%s: %d failures, the first ones:\n%s", name, total-passed, strings.Join(failures, "\n"))
	}
}

// eachGzipLine calls fn with every line of a gzip-compressed text file.
func eachGzipLine(path string, fn func(n int, line string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		return fmt.Errorf("gunzip %s: %w", path, err)
	}
	sc := bufio.NewScanner(z)
	for n := 1; sc.Scan(); n++ {
		if err := fn(n, sc.Text()); err != nil {
			return fmt.Errorf("%s:%d: %w", path, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", path, err)
	}
	return nil
}

// parseLevels parses space-separated levels, with x for removed characters.
func parseLevels(s string) ([]int, error) {
	var levels []int
	for _, f := range strings.Fields(s) {
		if f == "x" {
			levels = append(levels, -1)
			continue
		}
		l, err := strconv.Atoi(f)
		if err != nil {
			return nil, fmt.Errorf("bad level %q", f)
		}
		levels = append(levels, l)
	}
	return levels, nil
}

func parseInts(s string) ([]int, error) {
	var ints []int
	for _, f := range strings.Fields(s) {
		v, err := strconv.Atoi(f)
		if err != nil {
			return nil, fmt.Errorf("bad number %q", f)
		}
		ints = append(ints, v)
	}
	return ints, nil
}

func TestBidiCharacterTest(t *testing.T) {
	runConformance(t, "BidiCharacterTest", func(emit func(conformanceCase)) error {
		return eachGzipLine("testdata/BidiCharacterTest.txt.gz", func(n int, line string) error {
			if line == "" || line[0] == '#' {
				return nil
			}
			f := strings.Split(line, ";")
			if len(f) != 5 {
				return fmt.Errorf("want 5 fields")
			}
			c := conformanceCase{line: n}
			for _, h := range strings.Fields(f[0]) {
				v, err := strconv.ParseUint(h, 16, 32)
				if err != nil {
					return fmt.Errorf("bad code point %q", h)
				}
				c.text = append(c.text, rune(v))
			}
			dirs := map[string]Direction{"0": LTR, "1": RTL, "2": Auto}
			dir, ok := dirs[strings.TrimSpace(f[1])]
			if !ok {
				return fmt.Errorf("bad direction %q", f[1])
			}
			c.dir = dir
			var err error
			if c.base, err = strconv.Atoi(strings.TrimSpace(f[2])); err != nil {
				return fmt.Errorf("bad paragraph level %q", f[2])
			}
			if c.levels, err = parseLevels(f[3]); err != nil {
				return err
			}
			if c.order, err = parseInts(f[4]); err != nil {
				return err
			}
			emit(c)
			return nil
		})
	})
}
