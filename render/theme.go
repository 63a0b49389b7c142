package render

import (
	"charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
	"charm.land/lipgloss/v2"
)

// Theme holds the styles of an article. They are applied only when
// Options.Color is set; padding, width and borders in them are ignored
// in spirit (keep them unset), only colours and attributes matter.
type Theme struct {
	Title      lipgloss.Style // the article's title
	Byline     lipgloss.Style // the author
	Meta       lipgloss.Style // date, site name and their separators
	Heading    lipgloss.Style // heading blocks and section titles
	Quote      lipgloss.Style // quoted text
	QuoteBar   lipgloss.Style // the bar beside a quote
	Bullet     lipgloss.Style // list bullets
	Caption    lipgloss.Style // photo captions and credits
	Code       lipgloss.Style // code blocks and inline code
	Bold       lipgloss.Style // bold spans
	Italic     lipgloss.Style // italic spans
	Link       lipgloss.Style // link text and URLs
	LinkMarker lipgloss.Style // the [n] after a link
	Rule       lipgloss.Style // horizontal rules and separators (drawn by callers such as the TUI)
	Match      lipgloss.Style // text that matched a search query (StyledCell with feed.Match spans)
}

// DarkTheme is a theme for dark backgrounds, taken from glamour's dark
// style sheet.
func DarkTheme() Theme {
	return themeFrom(styles.DarkStyleConfig)
}

// LightTheme is a theme for light backgrounds, taken from glamour's light
// style sheet.
func LightTheme() Theme {
	return themeFrom(styles.LightStyleConfig)
}

// themeFrom maps a glamour style sheet onto a Theme.
func themeFrom(c ansi.StyleConfig) Theme {
	heading := style(c.Heading.StylePrimitive)
	return Theme{
		Title:      style(c.H1.StylePrimitive).Inherit(heading),
		Byline:     style(c.Strong),
		Meta:       style(c.HorizontalRule),
		Heading:    heading,
		Quote:      style(c.Emph),
		QuoteBar:   style(c.HorizontalRule),
		Bullet:     style(c.Heading.StylePrimitive).Bold(false),
		Caption:    style(c.ImageText).Italic(true),
		Code:       style(c.Code.StylePrimitive),
		Bold:       style(c.Strong),
		Italic:     style(c.Emph),
		Link:       style(c.Link),
		LinkMarker: style(c.LinkText),
		Rule:       style(c.HorizontalRule),
		// Attributes only, no colour: a highlight inside a coloured row
		// (a selected search hit) keeps the row's colours.
		Match: lipgloss.NewStyle().Bold(true).Underline(true),
	}
}

// style turns one glamour primitive into a Lip Gloss style: colours and
// attributes only (prefixes, suffixes and formats are glamour's own).
func style(p ansi.StylePrimitive) lipgloss.Style {
	s := lipgloss.NewStyle()
	if p.Color != nil {
		s = s.Foreground(lipgloss.Color(*p.Color))
	}
	if p.BackgroundColor != nil {
		s = s.Background(lipgloss.Color(*p.BackgroundColor))
	}
	if p.Bold != nil {
		s = s.Bold(*p.Bold)
	}
	if p.Italic != nil {
		s = s.Italic(*p.Italic)
	}
	if p.Underline != nil {
		s = s.Underline(*p.Underline)
	}
	if p.Faint != nil {
		s = s.Faint(*p.Faint)
	}
	if p.CrossedOut != nil {
		s = s.Strikethrough(*p.CrossedOut)
	}
	return s
}
