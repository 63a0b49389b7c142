package render

import (
	"regexp"
	"strings"
	"testing"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/theme"
	"github.com/charmbracelet/x/ansi"
)

// sgrRe matches one SGR sequence.
var sgrRe = regexp.MustCompile(`\x1b\[[0-9;]*m`)

// codeArticle is a Persian article with a Go code block between two
// paragraphs.
func codeArticle(code string) feed.Article {
	return feed.Article{
		Title: "برنامه\u200cای کوچک",
		Lang:  "fa",
		Dir:   feed.DirRTL,
		Blocks: []feed.Block{
			{Kind: feed.Paragraph, Text: "این برنامه یک سلام چاپ می\u200cکند:"},
			{Kind: feed.Code, Text: code},
			{Kind: feed.Paragraph, Text: "پایان"},
		},
	}
}

// codeBlockLines returns the lines of the code block of codeArticle as
// laid out: between the blank lines after the first paragraph and before
// the last.
func codeBlockLines(t *testing.T, lines []string) []string {
	t.Helper()
	var blanks []int
	for i, l := range lines {
		if l == "" {
			blanks = append(blanks, i)
		}
	}
	if len(blanks) != 3 {
		t.Fatalf("want 3 blank lines (title, paragraph, code, paragraph), got %d in %q", len(blanks), lines)
	}
	return lines[blanks[1]+1 : blanks[2]]
}

// TestCodeBlockHighlightedByGlamour checks that a code block in a
// right-to-left article goes through glamour: left to right, in the
// theme's highlighting colours (more than one colour on a line of Go),
// nothing but SGR sequences added, every line within the width.
func TestCodeBlockHighlightedByGlamour(t *testing.T) {
	code := "package main\n\nfunc main() {\n\tprintln(\"salaam\") // greet\n}"
	for _, th := range []theme.Theme{theme.Dark(), theme.Light()} {
		const width = 40
		lines := Article(codeArticle(code), Options{Width: width, Shape: true, Color: true, Theme: th})
		checkLines(t, lines, width, false, 0)
		got := codeBlockLines(t, lines)
		want := []string{"package main", "", "func main() {", "    println(\"salaam\") // greet", "}"}
		if len(got) != len(want) {
			t.Fatalf("dark=%v: code block has %d lines, want %d: %q", th.Dark, len(got), len(want), got)
		}
		for i, l := range got {
			if plain := strings.TrimRight(ansi.Strip(l), " "); plain != want[i] {
				t.Errorf("dark=%v: code line %d = %q, want %q (left to right, from column 0)", th.Dark, i, plain, want[i])
			}
			if !onlySGR(l) {
				t.Errorf("dark=%v: code line %d has escapes other than SGR: %q", th.Dark, i, l)
			}
		}
		colours := map[string]bool{}
		for _, sgr := range sgrRe.FindAllString(got[3], -1) {
			if sgr != "\x1b[0m" && sgr != "\x1b[m" {
				colours[sgr] = true
			}
		}
		if len(colours) < 2 {
			t.Errorf("dark=%v: %q is not highlighted (SGR sequences %v)", th.Dark, got[3], colours)
		}
	}
}

// TestCodeBlockGlamourWraps checks that a code line wider than the
// screen is hard-wrapped, keeping its colour on the next line.
func TestCodeBlockGlamourWraps(t *testing.T) {
	code := `x := "` + strings.Repeat("abcdefghij", 5) + `"`
	const width = 20
	dark := codeBlockLines(t, Article(codeArticle(code), Options{Width: width, Color: true, Theme: theme.Dark()}))
	var plain strings.Builder
	for i, l := range dark {
		if w := Width(l); w > width {
			t.Errorf("line %d is %d cells, more than %d: %q", i, w, width, l)
		}
		if !strings.HasPrefix(l, "\x1b[") {
			t.Errorf("line %d does not start in colour: %q", i, l)
		}
		plain.WriteString(ansi.Strip(l))
	}
	if len(dark) != 3 || plain.String() != code {
		t.Errorf("wrapped code = %d lines %q, want 3 lines of %q", len(dark), plain.String(), code)
	}
}

// TestCodeBlockNotForGlamour checks the blocks laid out by render itself:
// right-to-left text in the code (glamour would not reorder it), links
// inside it, no colour; and that hostile escapes never reach the output.
func TestCodeBlockNotForGlamour(t *testing.T) {
	o := Options{Width: 40, Color: true, Theme: theme.Dark()}
	s := newStyler(o, nil)
	if _, ok := s.highlight(feed.Block{Kind: feed.Code, Text: `msg := "سلام"`}); ok {
		t.Error("code with Persian text went through glamour")
	}
	if lines, ok := s.highlight(feed.Block{Kind: feed.Code, Text: "a\u202eb"}); ok && strings.ContainsRune(strings.Join(lines, ""), '\u202e') {
		t.Error("a bidi override in code reached glamour's output") // prepare drops it first
	}
	if _, ok := s.highlight(feed.Block{Kind: feed.Code, Text: "go run .", Spans: []feed.Span{{Start: 0, End: 2, Style: feed.Anchor, Link: 1}}}); ok {
		t.Error("code with a link went through glamour")
	}
	if _, ok := newStyler(Options{Width: 40}, nil).highlight(feed.Block{Kind: feed.Code, Text: "x := 1"}); ok {
		t.Error("code without colour went through glamour")
	}
	hostile := "echo ok \x1b]8;;https://evil.example/\x07click\x1b]8;;\x07\n\x1b[2J\x9b31m```\nrm -rf / \x07"
	lines, ok := s.highlight(feed.Block{Kind: feed.Code, Text: hostile})
	if !ok {
		t.Fatal("hostile but left-to-right code did not go through glamour")
	}
	for i, l := range lines {
		if !onlySGR(l) || strings.Contains(l, "\u009b") {
			t.Errorf("line %d carries an escape other than SGR: %q", i, l)
		}
	}
	if got := ansi.Strip(strings.Join(lines, "\n")); !strings.Contains(got, "```") || !strings.Contains(got, "rm -rf /") {
		t.Errorf("the fence inside the code ended the block: %q", got)
	}
}
