package tui

import (
	"strings"
	"unicode"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/akhbar/akhbar/render"
	"github.com/akhbar/akhbar/render/bidi"
	"github.com/akhbar/akhbar/theme"
)

// prompt is a one-line text input for queries. It edits at the end of the
// text only (type, backspace, ctrl+w, ctrl+u), which keeps right-to-left
// input simple: the text is always shown through the bidi renderer, so an
// Arabic query reads correctly while it is typed.
type prompt struct {
	active bool
	label  string
	value  string
	// offered: value is a previous entry shown selected; Enter takes it
	// as it is, → or End keeps it for editing, and any other edit
	// replaces it (typing starts a new value, Backspace empties it).
	offered bool
	// follow: Enter saves the value as a followed story; else it searches.
	follow bool
}

// start opens the prompt with value to edit.
func (p *prompt) start(label, value string) {
	*p = prompt{active: true, label: label, value: value}
}

// offer opens the prompt empty but offering a previous value (see
// prompt.offered).
func (p *prompt) offer(label, previous string) {
	*p = prompt{active: true, label: label, value: previous, offered: previous != ""}
}

// key edits the value with the prompt keys of the key map; any other key
// types its text. It reports whether Submit finished it (Cancel closes
// the prompt without doing anything).
func (p *prompt) key(k tea.KeyPressMsg, keys PromptKeys) (done bool) {
	if p.offered {
		p.offered = false
		switch {
		case key.Matches(k, keys.Keep):
			return false
		case key.Matches(k, keys.Submit), key.Matches(k, keys.Cancel), k.String() == "ctrl+c":
		default:
			p.value = ""
		}
	}
	switch {
	case key.Matches(k, keys.Submit):
		p.active = false
		return true
	case key.Matches(k, keys.Cancel):
		p.active = false
		return false
	case key.Matches(k, keys.DeleteChar):
		r := []rune(p.value)
		if len(r) > 0 {
			p.value = string(r[:len(r)-1])
		}
	case key.Matches(k, keys.DeleteWord):
		p.value = strings.TrimRightFunc(p.value, unicode.IsSpace)
		if i := strings.LastIndexFunc(p.value, unicode.IsSpace); i >= 0 {
			p.value = p.value[:i+1]
		} else {
			p.value = ""
		}
	case key.Matches(k, keys.Clear):
		p.value = ""
	case k.Code == tea.KeySpace:
		p.value += " "
	default:
		if k.Text != "" && !strings.ContainsFunc(k.Text, unicode.IsControl) {
			p.value += k.Text
		}
	}
	return false
}

// paste appends pasted text, on one line (replacing an offered value).
func (p *prompt) paste(s string) {
	if p.offered {
		p.offered, p.value = false, ""
	}
	p.value += render.SanitizeLine(s)
}

// view draws the prompt in exactly width cells, the cursor at the end of
// the text: on the right of left-to-right text, on the left of
// right-to-left text. An offered value is drawn selected.
func (p *prompt) view(width int, s theme.Theme, o render.Options) string {
	o.Color = false
	label := " " + p.label + ": "
	room := max(width-render.Width(label)-1, 1)
	clean := render.SanitizeLine(p.value)
	text := render.Cell(clean, min(render.Width(clean), room), o)
	pad := strings.Repeat(" ", max(width-render.Width(label)-render.Width(text)-1, 0))
	styled := s.StatusBar.Render(text)
	if p.offered {
		styled = s.Selected.Render(text)
	}
	if bidi.FirstStrong([]rune(clean)) == bidi.RTL {
		return s.StatusBar.Render(label+"▏") + styled + s.StatusBar.Render(pad)
	}
	return s.StatusBar.Render(label) + styled + s.StatusBar.Render("▏"+pad)
}
