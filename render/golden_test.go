package render

import (
	"github.com/akhbar/akhbar/theme"

	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/render/bidi"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// fixtures loads every article of testdata/articles and testdata/hostile.json.
func fixtures(t testing.TB) map[string]feed.Article {
	t.Helper()
	paths, err := filepath.Glob("testdata/articles/*.json")
	if err != nil {
		t.Fatalf("glob fixtures: %v", err)
	}
	paths = append(paths, "testdata/hostile.json")
	out := map[string]feed.Article{}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatalf("read fixture: %v", err)
		}
		var a feed.Article
		if err := json.Unmarshal(data, &a); err != nil {
			t.Fatalf("decode %s: %v", p, err)
		}
		out[strings.TrimSuffix(filepath.Base(p), ".json")] = a
	}
	return out
}

// readable shows escape sequences as text and marks each line's end.
func readable(lines []string) string {
	var b strings.Builder
	for _, l := range lines {
		b.WriteString(strings.ReplaceAll(l, "\x1b", "\\e"))
		b.WriteString("|\n")
	}
	return b.String()
}

// ourEscapes matches the only escape sequences render writes: SGR and
// OSC 8 hyperlinks with a printable-ASCII target.
var ourEscapes = regexp.MustCompile("\x1b\\[[0-9;:]*m|\x1b\\]8;;[\x21-\x7e]*\x1b\\\\")

func TestGolden(t *testing.T) {
	for name, a := range fixtures(t) {
		for _, width := range []int{20, 40, 80, 120} {
			for _, mode := range []BidiMode{Visual, Logical} {
				o := Options{Width: width, Bidi: mode, Shape: true}
				file := fmt.Sprintf("%s.%s.w%d.txt", name, mode, width)
				t.Run(file, func(t *testing.T) {
					got := Article(a, o)
					golden(t, file, readable(got))
					checkLines(t, got, width, false, 0)
					checkRTLBlocks(t, a, o)
					for i, l := range got {
						if mode == Logical {
							l = stripIsolates(l)
						}
						if strings.ContainsAny(l, "\x1b\x07\r\b") || forbidden(l, false) != -1 {
							t.Errorf("line %d has a forbidden character: %q", i, l)
						}
					}
				})
			}
		}
		file := name + ".color.w80.txt"
		t.Run(file, func(t *testing.T) {
			o := Options{Width: 80, Shape: true, Color: true, Theme: theme.Dark()}
			got := Article(a, o)
			golden(t, file, readable(got))
			checkLines(t, got, 80, false, 0)
			for i, l := range got {
				if rest := ourEscapes.ReplaceAllString(l, ""); forbidden(rest, false) != -1 {
					t.Errorf("line %d has an escape render did not write: %q", i, l)
				}
			}
		})
	}
}

// checkRTLBlocks lays out each RTL block of a alone and checks that its
// lines are flush right.
func checkRTLBlocks(t *testing.T, a feed.Article, o Options) {
	t.Helper()
	s := newStyler(o, a.Links)
	for _, b := range a.Blocks {
		spec := blockOf(b, a, s)
		if spec.dir == bidi.RTL && !spec.hard {
			checkLines(t, layoutBlock(spec, s), o.Width, true, spec.decor.width())
		}
	}
}

// golden compares got with testdata/golden/file, or rewrites it with
// -update.
func golden(t *testing.T, file, got string) {
	t.Helper()
	path := filepath.Join("testdata", "golden", file)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatalf("update golden: %v", err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden (run go test ./render -update): %v", err)
	}
	if got != string(want) {
		t.Errorf("%s differs (run go test ./render -update and review the diff); - golden, + got:\n%s", file, lineDiff(string(want), got, maxDiffLines))
	}
}

// maxDiffLines bounds the diff a golden failure prints.
const maxDiffLines = 40

// lineDiff is a line diff of want and got: the lines only want has
// ("-"), and those only got has ("+"), each with its line number, from a
// longest common subsequence of lines; at most max lines of it.
func lineDiff(want, got string, max int) string {
	a, b := strings.Split(want, "\n"), strings.Split(got, "\n")
	// lcs[i][j] is the length of the longest common subsequence of a[i:] and b[j:].
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = maxInt(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []string
	i, j := 0, 0
	for (i < len(a) || j < len(b)) && len(out) < max {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			i, j = i+1, j+1
		case i < len(a) && (j == len(b) || lcs[i+1][j] >= lcs[i][j+1]):
			out = append(out, fmt.Sprintf("-%4d %s", i+1, a[i]))
			i++
		default:
			out = append(out, fmt.Sprintf("+%4d %s", j+1, b[j]))
			j++
		}
	}
	if i < len(a) || j < len(b) {
		out = append(out, "… (more differences)")
	}
	return strings.Join(out, "\n")
}

func maxInt(x, y int) int {
	if x > y {
		return x
	}
	return y
}

func TestLineDiff(t *testing.T) {
	want := "a|\nب|\nc|\nd|\n"
	got := "a|\nB|\nc|\nd|\ne|\n"
	if d := lineDiff(want, got, maxDiffLines); d != "-   2 ب|\n+   2 B|\n+   5 e|" {
		t.Fatalf("diff:\n%s", d)
	}
	if d := lineDiff(want, want, maxDiffLines); d != "" {
		t.Fatalf("diff of equal texts:\n%s", d)
	}
	if d := lineDiff("1\n2\n3\n4", "5\n6\n7\n8", 3); strings.Count(d, "\n") != 3 || !strings.HasSuffix(d, "(more differences)") {
		t.Fatalf("bounded diff:\n%s", d)
	}
}
