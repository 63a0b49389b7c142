package tui

import (
	"charm.land/lipgloss/v2"
)

// Styles is every style of the TUI, built once from the theme. Views take
// styles from here and never build their own.
type Styles struct {
	Dark bool

	PaneTitle       lipgloss.Style
	PaneTitleActive lipgloss.Style
	Divider         lipgloss.Style
	Selected        lipgloss.Style // the cursor row of the focused pane
	SelectedDim     lipgloss.Style // the cursor row of the other pane
	Unread          lipgloss.Style
	Read            lipgloss.Style
	Count           lipgloss.Style
	Meta            lipgloss.Style // feed names and times in headline rows
	Error           lipgloss.Style
	StatusBar       lipgloss.Style
	StatusMode      lipgloss.Style
	StatusInfo      lipgloss.Style
	StatusError     lipgloss.Style
	Banner          lipgloss.Style // the demo edition label
	HelpKey         lipgloss.Style
	HelpDesc        lipgloss.Style
	HelpBox         lipgloss.Style
	Star            lipgloss.Style
}

// NewStyles builds the styles for a dark or a light terminal background.
func NewStyles(dark bool) Styles {
	ld := lipgloss.LightDark(dark)
	accent := ld(lipgloss.Color("#00796B"), lipgloss.Color("#4DD0C4"))
	subtle := ld(lipgloss.Color("#8A8A8A"), lipgloss.Color("#6C6C6C"))
	text := ld(lipgloss.Color("#1C1C1C"), lipgloss.Color("#E4E4E4"))
	selBg := ld(lipgloss.Color("#D7EDEA"), lipgloss.Color("#264A47"))
	dimBg := ld(lipgloss.Color("#ECECEC"), lipgloss.Color("#303030"))
	red := ld(lipgloss.Color("#C62828"), lipgloss.Color("#FF6E6E"))
	gold := ld(lipgloss.Color("#B8860B"), lipgloss.Color("#FFD75F"))
	barBg := ld(lipgloss.Color("#E0E0E0"), lipgloss.Color("#262626"))

	s := lipgloss.NewStyle()
	return Styles{
		Dark:            dark,
		PaneTitle:       s.Foreground(subtle).Bold(true),
		PaneTitleActive: s.Foreground(accent).Bold(true),
		Divider:         s.Foreground(subtle),
		Selected:        s.Background(selBg).Foreground(text),
		SelectedDim:     s.Background(dimBg),
		Unread:          s.Foreground(text).Bold(true),
		Read:            s.Foreground(subtle),
		Count:           s.Foreground(accent),
		Meta:            s.Foreground(subtle),
		Error:           s.Foreground(red),
		StatusBar:       s.Background(barBg).Foreground(text),
		StatusMode:      s.Background(accent).Foreground(ld(lipgloss.Color("#FFFFFF"), lipgloss.Color("#000000"))).Bold(true),
		StatusInfo:      s.Background(barBg).Foreground(text),
		StatusError:     s.Background(barBg).Foreground(red).Bold(true),
		Banner:          s.Foreground(gold).Bold(true),
		HelpKey:         s.Foreground(accent).Bold(true),
		HelpDesc:        s.Foreground(subtle),
		HelpBox:         s.Border(lipgloss.RoundedBorder()).BorderForeground(accent).Padding(0, 1),
		Star:            s.Foreground(gold),
	}
}
