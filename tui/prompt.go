package tui

import (
	"github.com/akhbar/akhbar/theme"
	"strings"
	"unicode"

	tea "charm.land/bubbletea/v2"

	"github.com/akhbar/akhbar/render"
	"github.com/akhbar/akhbar/render/bidi"
)

// prompt is a one-line text input for queries. It edits at the end of the
// text only (type, backspace, ctrl+w, ctrl+u), which keeps right-to-left
// input simple: the text is always shown through the bidi renderer, so an
// Arabic query reads correctly while it is typed.
type prompt struct {
	active bool
	label  string
	value  string
	// follow: Enter saves the value as a followed story; else it searches.
	follow bool
}

func (p *prompt) start(label, value string) {
	*p = prompt{active: true, label: label, value: value}
}

// key edits the value; it reports whether Enter finished it (Esc closes
// the prompt without doing anything).
func (p *prompt) key(k tea.KeyPressMsg) (done bool) {
	switch k.String() {
	case "enter":
		p.active = false
		return true
	case "esc", "ctrl+c":
		p.active = false
		return false
	case "backspace":
		r := []rune(p.value)
		if len(r) > 0 {
			p.value = string(r[:len(r)-1])
		}
	case "ctrl+w":
		p.value = strings.TrimRightFunc(p.value, unicode.IsSpace)
		if i := strings.LastIndexFunc(p.value, unicode.IsSpace); i >= 0 {
			p.value = p.value[:i+1]
		} else {
			p.value = ""
		}
	case "ctrl+u":
		p.value = ""
	case "space":
		p.value += " "
	default:
		if k.Text != "" && !strings.ContainsFunc(k.Text, unicode.IsControl) {
			p.value += k.Text
		}
	}
	return false
}

// paste appends pasted text, on one line.
func (p *prompt) paste(s string) {
	p.value += render.SanitizeLine(s)
}

// view draws the prompt in exactly width cells, the cursor at the end of
// the text: on the right of left-to-right text, on the left of
// right-to-left text.
func (p *prompt) view(width int, s theme.Theme, o render.Options) string {
	o.Color = false
	label := " " + p.label + ": "
	room := max(width-render.Width(label)-1, 1)
	clean := render.SanitizeLine(p.value)
	text := render.Cell(clean, min(render.Width(clean), room), o)
	line := label + text + "▏"
	if bidi.FirstStrong([]rune(clean)) == bidi.RTL {
		line = label + "▏" + text
	}
	if w := render.Width(line); w < width {
		line += strings.Repeat(" ", width-w)
	}
	return s.StatusBar.Render(line)
}
