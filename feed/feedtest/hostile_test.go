package feedtest

import (
	"bytes"
	"io"
	"net/http"
	"strings"
	"testing"
)

func TestCheckTerminal(t *testing.T) {
	tests := []struct {
		name   string
		out    string
		styles bool
		ok     bool
	}{
		{"plain text", "Hello, عالم\n\tindented", false, true},
		{"own SGR with styles", "\x1b[1;38;5;196mbold\x1b[0m", true, true},
		{"SGR without styles", "\x1b[1mbold\x1b[0m", false, false},
		{"own OSC 8 https", "\x1b]8;;https://example.com/a\x1b\\x\x1b]8;;\x1b\\", true, true},
		{"OSC 8 with BEL", "\x1b]8;id=1;http://example.com/\x07x\x1b]8;;\x07", true, true},
		{"OSC 8 javascript", "\x1b]8;;javascript:alert(1)\x1b\\x", true, false},
		{"OSC 8 with space in URL", "\x1b]8;;https://example.com/a b\x1b\\x", true, false},
		{"OSC 8 unterminated", "\x1b]8;;https://example.com/", true, false},
		{"CSI clear with styles", "\x1b[2J", true, false},
		{"OSC 52", "\x1b]52;c;eA==\x07", true, false},
		{"OSC 0", "\x1b]0;t\x07", true, false},
		{"lone BEL", "ding\a", true, false},
		{"C1 CSI", "\u009b2J", true, false},
		{"bare CR", "a\rb", false, false},
		{"CRLF", "a\r\nb", false, false},
		{"BS", "a\bb", false, false},
		{"DEL", "a\x7fb", false, false},
		{"RLO", "a\u202eb", false, false},
		{"PDI", "a\u2069b", false, false},
		{"own balanced isolates per line", "  \u2067مرحبا \u2066OK\u2069\u2069\n\u2066a\u2069", false, true},
		{"isolate open across lines", "\u2067مرحبا\nعالم\u2069", false, false},
		{"isolate left open", "x\u2066a", false, false},
		{"FSI", "\u2068a\u2069", false, false},
		{"RLM", "a\u200fb", false, false},
		{"invalid UTF-8", "a\xffb", false, false},
		{"ZWNJ kept", "می\u200cخواهم", false, true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			err := CheckTerminal(tc.out, tc.styles)
			if (err == nil) != tc.ok {
				t.Errorf("CheckTerminal(%q, %v) = %v, want ok=%v", tc.out, tc.styles, err, tc.ok)
			}
		})
	}
}

// TestAttacksAreCaught makes sure every attack string would be caught if
// it reached the output unchanged: a clean check on sanitised output
// then means something.
func TestAttacksAreCaught(t *testing.T) {
	for _, a := range Attacks() {
		switch a.Name {
		case "javascript link", "data link", "file link", "shell link", "newline link", "leading dash link":
			continue // harmful only as a link target, harmless as text
		}
		_, verbatim := ContainsAttack("x" + a.Text + "y")
		if err := CheckTerminal(a.Text, true); err == nil && !verbatim {
			t.Errorf("%s: %q passes CheckTerminal", a.Name, a.Text)
		}
	}
}

func TestHostileServes(t *testing.T) {
	s := Hostile(t)
	paths := append(HostileFeeds()[:3], HostilePage, HostileOPML)
	for _, p := range paths {
		resp, err := s.Client().Get(s.URL(p))
		if err != nil {
			t.Fatal(err)
		}
		body, err := io.ReadAll(resp.Body)
		resp.Body.Close()
		if err != nil {
			t.Fatal(err)
		}
		if resp.StatusCode != http.StatusOK || len(body) < 200 {
			t.Errorf("%s: %s, %d bytes", p, resp.Status, len(body))
		}
		if bytes.Contains(body, []byte("{{BASE}}")) || !bytes.Contains(body, []byte(s.URL("/hostile/"))) {
			t.Errorf("%s: {{BASE}} not replaced by the server's URL", p)
		}
	}
	resp, err := s.Client().Get(s.URL(HostileStatus))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 500 || !strings.Contains(resp.Status, HostileStatusLine) {
		t.Errorf("status line = %q, want 500 and the hostile reason", resp.Status)
	}
}

func TestGenerated(t *testing.T) {
	if n := len(LongTitleFeed(1000)); n < 1000 || n > 1400 {
		t.Errorf("LongTitleFeed(1000) is %d bytes", n)
	}
	if got := bytes.Count(DeepXMLFeed(50), []byte("<a>")); got != 50 {
		t.Errorf("DeepXMLFeed(50) nests %d levels", got)
	}
	if got := bytes.Count(ManyItemsFeed(30), []byte("<item>")); got != 30 {
		t.Errorf("ManyItemsFeed(30) has %d items", got)
	}
	if got := bytes.Count(DeepHTMLPage(40), []byte("<div>")); got != 40 {
		t.Errorf("DeepHTMLPage(40) nests %d levels", got)
	}
}
