package tui

import (
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"github.com/akhbar/akhbar/render"
	"github.com/akhbar/akhbar/tui/i18n"
)

// Terminals that follow the Terminal-WG bidi recommendation (VTE: GNOME
// Terminal, Tilix, xfce4-terminal) answer a DECRQM for mode 2501. Such a
// terminal reorders by itself unless told not to: after BDSM reset
// (CSI 8 l) it shows the app's visual order unchanged, so akhbar sends
// that, uses visual mode, and sets the mode back (CSI 8 h) when it quits.

const (
	bidiProbe    = "\x1b[?2501$p"
	bidiExplicit = "\x1b[8l" // BDSM reset: the terminal does no bidi of its own
	bidiImplicit = "\x1b[8h" // BDSM set: give the terminal its bidi back
)

// bidiProbeMode is the private mode VTE-style terminals report.
const bidiProbeMode = ansi.DECMode(2501)

// gotModeReport takes the terminal's answer to the bidi probe.
func (m Model) gotModeReport(msg tea.ModeReportMsg) (tea.Model, tea.Cmd) {
	if msg.Mode != bidiProbeMode || msg.Value.IsNotRecognized() || !m.opts.ProbeBidi {
		return m, nil
	}
	m.opts.Bidi = render.Visual
	m.terminalBidiOff = true
	m.status.info(m.cat.T(i18n.MsgBidiProbeOff))
	return m, tea.Batch(tea.Raw(bidiExplicit), m.relayout())
}

// quit ends the program, first saving the reading position and giving
// the terminal its own bidi back if akhbar turned it off.
func (m Model) quit() (tea.Model, tea.Cmd) {
	var cmds []tea.Cmd
	if m.focus == focusReader {
		if save := savePosition(m.life, m.deps.Store, m.reader.item, m.reader.position()); save != nil {
			cmds = append(cmds, save)
		}
	}
	if m.terminalBidiOff {
		cmds = append(cmds, tea.Raw(bidiImplicit))
	}
	return m, tea.Sequence(append(cmds, tea.Quit)...)
}
