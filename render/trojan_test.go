package render

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/theme"
)

// The Trojan Source cases: untrusted text with explicit embeddings,
// overrides and unmatched isolates must show its characters in the order
// they were written, and must not reorder text after it. Each case holds
// no right-to-left letter, so the only right order is the written one.
var trojanCases = []struct {
	name, in, want string
}{
	{"override in a file name", "invoice\u202etxt.exe", "invoicetxt.exe"},
	{"override ended by PDF", "pay \u202e001$\u202c now", "pay 001$ now"},
	{"embedding", "total \u202b-5 EUR\u202c due", "total -5 EUR due"},
	{"unmatched RLI runs to the end", "report\u2067 2024-01-02 final!", "report 2024-01-02 final!"},
	{"unmatched PDI closes nothing", "a\u2069 (b) c!", "a (b) c!"},
	{"nested overrides", "\u202d\u202e\u202dabc\u202c def\u202c", "abc def"},
}

// visualText lays s out as a one-line cell in visual order and returns
// what a terminal would show, trimmed.
func visualText(s string, spans []feed.Span) string {
	o := Options{Bidi: Visual, Shape: true, Color: spans != nil, Theme: theme.Dark()}
	return strings.TrimSpace(ansi.Strip(StyledCell(s, spans, 80, o)))
}

// TestTrojanTitleCell covers headlines and feed and folder names: every
// one-line field of the TUI is a Cell.
func TestTrojanTitleCell(t *testing.T) {
	for _, tc := range trojanCases {
		t.Run(tc.name, func(t *testing.T) {
			if got := visualText(tc.in, nil); got != tc.want {
				t.Errorf("Cell(%q) shows %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// TestTrojanSnippet covers search snippets: a styled cell whose match
// spans sit inside and around the controls.
func TestTrojanSnippet(t *testing.T) {
	for _, tc := range trojanCases {
		t.Run(tc.name, func(t *testing.T) {
			spans := MatchSpans([][2]int{{0, 3}, {len(tc.in) - 4, len(tc.in)}})
			if got := visualText(tc.in, spans); got != tc.want {
				t.Errorf("snippet %q shows %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

// articleText lays out a in visual order and returns its lines, plain
// and trimmed, joined by newlines.
func articleText(a feed.Article) string {
	lines := Article(a, Options{Width: 100, Bidi: Visual, Shape: true})
	for i, l := range lines {
		lines[i] = strings.TrimSpace(ansi.Strip(l))
	}
	return strings.Join(lines, "\n")
}

// TestTrojanArticle covers `read`: the title, a body paragraph (where an
// override would reverse the rest of the paragraph), a link's text inside
// the body, and a second paragraph of the same block after an unmatched
// isolate.
func TestTrojanArticle(t *testing.T) {
	for _, tc := range trojanCases {
		t.Run(tc.name, func(t *testing.T) {
			body := "Open " + tc.in + " then reply."
			link := "see " + tc.in
			a := feed.Article{
				Title: tc.in,
				Blocks: []feed.Block{
					{Kind: feed.Paragraph, Text: body + "\nNext line (1) ok."},
					{Kind: feed.Paragraph, Text: link, Spans: []feed.Span{{Start: 4, End: len(link), Style: feed.Anchor, Link: 1}}},
				},
				Links: []feed.Link{{Title: "x", URL: "https://example.com/x"}},
			}
			got := articleText(a)
			for _, want := range []string{tc.want, "Open " + tc.want + " then reply.", "Next line (1) ok.", "see " + tc.want + "[1]"} {
				if !strings.Contains(got, want) {
					t.Errorf("article does not show %q:\n%s", want, got)
				}
			}
		})
	}
}

// TestIsolatesKept checks that balanced isolates still work, local to
// their text: the "!" inside an RTL isolate goes with the Hebrew word,
// and an isolate cannot leak into the next paragraph.
func TestIsolatesKept(t *testing.T) {
	if got, want := visualText("The title \u2067שלום!\u2069 is", nil), "The title !םולש is"; got != want {
		t.Errorf("balanced isolate shows %q, want %q", got, want)
	}
	got := articleText(feed.Article{Blocks: []feed.Block{{Kind: feed.Paragraph, Text: "a \u2067b\u2069\u2067 (c)\nd (e)!"}}})
	if want := "a b (c)\nd (e)!"; got != want {
		t.Errorf("article shows %q, want %q", got, want)
	}
}
