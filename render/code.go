package render

import (
	"fmt"
	"io"
	"strings"

	gansi "charm.land/glamour/v2/ansi"
	"charm.land/lipgloss/v2"
	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/render/bidi"
	"github.com/charmbracelet/x/ansi"
)

// highlight lays out a code block through glamour, which colours it with
// the theme's style sheet (chroma guesses the language from the code),
// left to right whatever the article's direction, hard-wrapped at the
// width. It reports false, and the caller lays the block out itself,
// when the block is not for glamour: no colour, links inside it,
// right-to-left text or bidi controls (glamour would not reorder them),
// or glamour's output is not exactly the code in colour.
//
// Glamour registers its highlighting colours with chroma once per
// process, under one name: the first sheet that draws a code block
// colours code for the rest of the process.
func (s *styler) highlight(b feed.Block) ([]string, bool) {
	if !s.color || len(b.Spans) > 0 || s.width < 4 {
		return nil, false
	}
	lines, ok := s.codeLines(b.Text)
	if !ok {
		return nil, false
	}
	out, err := glamourCode(lines, s.theme.Sheet)
	if err != nil {
		return nil, false
	}
	return wrapCode(out, lines, s.width)
}

// codeLines returns the sanitised lines of a code block (tabs expanded),
// and false when one of them holds right-to-left text or a bidi control.
func (s *styler) codeLines(code string) ([]string, bool) {
	paras := s.prepare(code, nil, 0, true, false)
	lines := make([]string, 0, len(paras))
	for _, t := range paras {
		for _, r := range t.runes {
			switch bidi.ClassOf(r) {
			case bidi.R, bidi.AL, bidi.AN:
				return nil, false
			}
			if bidi.IsFormatting(r) {
				return nil, false
			}
		}
		lines = append(lines, strings.TrimRight(string(t.runes), " "))
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines, len(lines) > 0
}

// glamourCode renders code lines as one code block with glamour's code
// block element and the style sheet sheet, without margins. The
// language is left to chroma to guess.
func glamourCode(lines []string, sheet gansi.StyleConfig) (string, error) {
	var zero uint
	sheet.CodeBlock.Margin, sheet.CodeBlock.Indent = &zero, &zero
	ctx := gansi.NewRenderContext(gansi.Options{Styles: sheet})
	var b strings.Builder
	el := gansi.CodeBlockElement{Code: strings.Join(lines, "\n") + "\n"}
	if err := el.Render(&b, ctx); err != nil {
		return "", fmt.Errorf("highlight code: %w", err)
	}
	return b.String(), nil
}

// wrapCode checks that glamour's output out is the code lines in colour
// and nothing else (only SGR sequences besides the text), then
// hard-wraps each line at width, carrying its colour over the breaks.
func wrapCode(out string, lines []string, width int) ([]string, bool) {
	rendered := strings.Split(out, "\n")
	// glamour may put an empty line before the block and after it.
	start := 0
	if len(rendered) > 0 && strings.TrimSpace(ansi.Strip(rendered[0])) == "" {
		start = 1
	}
	if len(rendered) < start+len(lines) {
		return nil, false
	}
	for _, rest := range rendered[start+len(lines):] {
		if strings.TrimSpace(ansi.Strip(rest)) != "" {
			return nil, false
		}
	}
	var res []string
	for i, line := range rendered[start : start+len(lines)] {
		if !onlySGR(line) || strings.TrimRight(ansi.Strip(line), " ") != lines[i] {
			return nil, false
		}
		var b strings.Builder
		w := lipgloss.NewWrapWriter(&b)
		if _, err := io.WriteString(w, ansi.Hardwrap(line, width, true)); err != nil {
			return nil, false
		}
		if err := w.Close(); err != nil {
			return nil, false
		}
		for _, l := range strings.Split(b.String(), "\n") {
			if Width(l) > width {
				return nil, false
			}
			res = append(res, l+ansi.ResetStyle)
		}
	}
	return res, true
}

// onlySGR reports whether the only escape sequences in s are SGR ones
// (ESC [ digits and semicolons m) and s has no other control.
func onlySGR(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == 0x1b {
			j := i + 1
			if j >= len(s) || s[j] != '[' {
				return false
			}
			for j++; j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ';'); j++ {
			}
			if j >= len(s) || s[j] != 'm' {
				return false
			}
			i = j
			continue
		}
		if c < 0x20 || c == 0x7f {
			return false
		}
	}
	return true
}
