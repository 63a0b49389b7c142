// Package theme holds akhbar's one Theme: every style of the reader and
// of the TUI's chrome, built from one of glamour's style sheets (the
// dark and light themes users know from glow). The reader draws code
// blocks through glamour with the same sheet, so one Theme decides every
// colour on the screen.
package theme

import (
	"image/color"

	"charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
	"charm.land/lipgloss/v2"
)

// Theme is every style akhbar draws with. Only colours and attributes
// matter in the reader's styles (padding, width and borders in them are
// ignored); the chrome's may have borders and padding (HelpBox).
type Theme struct {
	Dark bool // built for a dark background

	// Sheet is the glamour style sheet the theme was built from; the
	// reader renders code blocks through glamour with it.
	Sheet ansi.StyleConfig

	// The reader (render.Article and the cells render lays out).
	Title      lipgloss.Style // the article's title
	Byline     lipgloss.Style // the author
	Meta       lipgloss.Style // date, site name, feed names and times in rows
	Heading    lipgloss.Style // heading blocks and section titles
	Quote      lipgloss.Style // quoted text
	QuoteBar   lipgloss.Style // the bar beside a quote
	Bullet     lipgloss.Style // list bullets
	Caption    lipgloss.Style // photo captions and credits
	Code       lipgloss.Style // inline code, and code blocks glamour does not draw
	Bold       lipgloss.Style // bold spans
	Italic     lipgloss.Style // italic spans
	Link       lipgloss.Style // link text and URLs
	LinkMarker lipgloss.Style // the [n] after a link
	Rule       lipgloss.Style // horizontal rules and separators
	Match      lipgloss.Style // text that matched a search query

	// The TUI's chrome.
	PaneTitle       lipgloss.Style
	PaneTitleActive lipgloss.Style
	Divider         lipgloss.Style
	Selected        lipgloss.Style // the cursor row of the focused pane
	SelectedDim     lipgloss.Style // the cursor row of the other pane
	Unread          lipgloss.Style
	Read            lipgloss.Style
	Count           lipgloss.Style
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

// Dark is the theme for dark backgrounds: glamour's dark style sheet.
func Dark() Theme {
	return New(styles.DarkStyleConfig, true)
}

// Light is the theme for light backgrounds: glamour's light style sheet.
func Light() Theme {
	return New(styles.LightStyleConfig, false)
}

// For returns Dark() or Light().
func For(dark bool) Theme {
	if dark {
		return Dark()
	}
	return Light()
}

// New builds a theme from a glamour style sheet for a dark or a light
// background. Text, accent and muted colours come from the sheet; the
// chrome's surfaces (selection, status bar) and its error and star
// colours, which a Markdown style sheet has no notion of, from a small
// palette for the background.
func New(c ansi.StyleConfig, dark bool) Theme {
	heading := style(c.Heading.StylePrimitive)
	p := paletteFor(dark)
	text := colorOr(c.Document.Color, p.text)
	accent := colorOr(c.Heading.Color, p.text)
	muted := colorOr(c.CodeBlock.Color, p.text) // readable grey
	rule := colorOr(c.HorizontalRule.Color, muted)
	s := lipgloss.NewStyle()
	return Theme{
		Dark:  dark,
		Sheet: c,

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
		Match: s.Bold(true).Underline(true),

		PaneTitle:       s.Foreground(muted).Bold(true),
		PaneTitleActive: s.Foreground(accent).Bold(true),
		Divider:         s.Foreground(rule),
		Selected:        s.Background(p.selection).Foreground(text),
		SelectedDim:     s.Background(p.dimSelection),
		Unread:          s.Foreground(text).Bold(true),
		Read:            s.Foreground(muted),
		Count:           s.Foreground(accent),
		Error:           s.Foreground(p.err),
		StatusBar:       s.Background(p.bar).Foreground(text),
		StatusMode:      s.Background(accent).Foreground(p.onAccent).Bold(true),
		StatusInfo:      s.Background(p.bar).Foreground(text),
		StatusError:     s.Background(p.bar).Foreground(p.err).Bold(true),
		Banner:          s.Foreground(p.star).Bold(true),
		HelpKey:         s.Foreground(accent).Bold(true),
		HelpDesc:        s.Foreground(muted),
		HelpBox:         s.Border(lipgloss.RoundedBorder()).BorderForeground(accent).Padding(0, 1),
		Star:            s.Foreground(p.star),
	}
}

// palette is the chrome's own colours for one background.
type palette struct {
	text         color.Color // used when the sheet names no text colour
	selection    color.Color
	dimSelection color.Color
	bar          color.Color
	onAccent     color.Color // text on the accent colour
	err          color.Color
	star         color.Color
}

// paletteFor returns the chrome's colours for a dark or light background.
func paletteFor(dark bool) palette {
	if dark {
		return palette{text: lipgloss.Color("#E4E4E4"), selection: lipgloss.Color("#264A47"),
			dimSelection: lipgloss.Color("#303030"), bar: lipgloss.Color("#262626"),
			onAccent: lipgloss.Color("#000000"), err: lipgloss.Color("#FF6E6E"), star: lipgloss.Color("#FFD75F")}
	}
	return palette{text: lipgloss.Color("#1C1C1C"), selection: lipgloss.Color("#D7EDEA"),
		dimSelection: lipgloss.Color("#ECECEC"), bar: lipgloss.Color("#E0E0E0"),
		onAccent: lipgloss.Color("#FFFFFF"), err: lipgloss.Color("#C62828"), star: lipgloss.Color("#B8860B")}
}

// colorOr returns the sheet's colour c, or def when the sheet has none.
func colorOr(c *string, def color.Color) color.Color {
	if c == nil || *c == "" {
		return def
	}
	return lipgloss.Color(*c)
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
