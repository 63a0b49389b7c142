package shape

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/akhbar/akhbar/internal/testenv"
)

// deliberate lists the words of testdata/sentences.txt where Shape differs from FriBidi on
// purpose, with the reason.
func deliberate() map[string]string {
	const (
		marks   = "FriBidi forms lam-alef only when lam and alef are adjacent; Shape also forms it across marks and puts the marks after the ligature"
		missing = "FriBidi leaves a letter unchanged when its needed form does not exist; Shape falls back to the nearest existing form"
	)
	return map[string]string{
		"لَا": marks, "فلَأ": marks, "لًا": marks, "لٰا": marks,
		"بںب": missing, "ںب": missing,
	}
}

// TestAgainstFriBidi shapes every word of testdata/sentences.txt and compares with GNU FriBidi's
// command-line tool (Debian package libfribidi-bin). FriBidi prints visual order, so its output
// is turned back into logical order by reversing clusters of a letter and its following marks,
// and the filler U+FEFF it leaves where a lam-alef ligature swallowed the alef is dropped.
// FriBidi shapes only joining letters and leaves the non-joining hamza U+0621 alone, where Shape
// uses its isolated form U+FE80 like for every other letter; the comparison maps one to the other.
func TestAgainstFriBidi(t *testing.T) {
	bin := testenv.Command(t, "fribidi", "apt-get install libfribidi-bin")
	words, err := readWords("testdata/sentences.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(words) < 200 {
		t.Fatalf("only %d words in testdata/sentences.txt, want a few hundred", len(words))
	}
	theirs, err := runFriBidi(bin, words)
	if err != nil {
		t.Fatal(err)
	}
	mismatches, skipped := 0, 0
	known := deliberate()
	for i, w := range words {
		ours, _ := Shape([]rune(w))
		want := toLogical(theirs[i])
		if reason, ok := known[w]; ok {
			skipped++
			t.Logf("%q: Shape = %s, fribidi = %s: %s", w, hex(ours), hex(want), reason)
			continue
		}
		if !slices.Equal(ours, want) {
			mismatches++
			t.Errorf("%q: Shape = %s, fribidi = %s", w, hex(ours), hex(want))
		}
	}
	t.Logf("%d words compared with fribidi: %d mismatches, %d deliberate differences",
		len(words)-skipped, mismatches, skipped)
}

// readWords returns the words of a sentences file, skipping comment lines.
func readWords(path string) ([]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var words []string
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "#") {
			continue
		}
		words = append(words, strings.FieldsFunc(line, func(r rune) bool {
			return unicode.IsSpace(r) || unicode.IsPunct(r)
		})...)
	}
	return words, nil
}

// runFriBidi feeds words to fribidi one per line and returns its output lines.
func runFriBidi(bin string, words []string) ([][]rune, error) {
	cmd := exec.Command(bin, "--charset", "UTF-8", "--nopad", "--nobreak", "--rtl")
	cmd.Stdin = strings.NewReader(strings.Join(words, "\n") + "\n")
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("run fribidi: %w", err)
	}
	var lines [][]rune
	sc := bufio.NewScanner(bytes.NewReader(out))
	for sc.Scan() {
		lines = append(lines, []rune(sc.Text()))
	}
	if len(lines) != len(words) {
		return nil, fmt.Errorf("fribidi printed %d lines for %d words", len(lines), len(words))
	}
	return lines, nil
}

// toLogical reverses a visual line of one right-to-left word back into logical order, keeping
// each mark after its letter, drops U+FEFF fillers and maps hamza to its isolated form.
func toLogical(visual []rune) []rune {
	var clusters [][]rune
	for _, r := range visual {
		switch {
		case r == 0xFEFF:
		case r == 0x0621:
			clusters = append(clusters, []rune{0xFE80})
		case typeOf(r) == jtT && len(clusters) > 0:
			clusters[len(clusters)-1] = append(clusters[len(clusters)-1], r)
		default:
			clusters = append(clusters, []rune{r})
		}
	}
	slices.Reverse(clusters)
	return slices.Concat(clusters...)
}
