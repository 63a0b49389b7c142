package render

import (
	"fmt"
	"image/color"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/render/bidi"
	"github.com/akhbar/akhbar/theme"
	"github.com/charmbracelet/x/ansi"
)

// styler holds the state of one layout: it measures clusters, keeps the
// buffers the layout reuses, and turns laid-out text into terminal text:
// plain when o.Color is false, else styled by the theme and, for links
// to http(s) URLs, wrapped in OSC 8 hyperlinks.
type styler struct {
	width   int          // Options.width()
	mode    BidiMode     // Options.Bidi
	shape   bool         // Options.Shape
	color   bool         // Options.Color
	theme   *theme.Theme // Options.Theme when color is set, else nil
	links   []feed.Link
	targets []string // targets[i]: OSC 8 target of links[i], "" when it has none
	cache   map[styleKey]sgrPair
	m       measurer
	bidi    bidi.Resolver
	buf     scratch
}

// styleKey identifies a combination of block style and inline flags.
type styleKey struct {
	base  baseStyle
	flags uint8
}

// baseStyle names the theme style of a whole block.
type baseStyle uint8

const (
	baseText baseStyle = iota
	baseTitle
	baseMeta
	baseHeading
	baseQuote
	baseCaption
	baseCode
	baseLink
	baseBar
	baseBullet
)

// newStyler starts a layout with options o; inline links refer to links
// by their 1-based index.
func newStyler(o Options, links []feed.Link) *styler {
	s := &styler{width: o.width(), mode: o.Bidi, shape: o.Shape, color: o.Color, links: links}
	if o.Color {
		t := o.Theme // only the copy escapes, and only with colour
		s.theme = &t
		s.cache = map[styleKey]sgrPair{}
		s.targets = make([]string, len(links))
		for i, l := range links {
			s.targets[i] = linkTarget(l.URL)
		}
	}
	return s
}

// themeStyle returns the theme's style for a block.
func (s *styler) themeStyle(b baseStyle) lipgloss.Style {
	t := s.theme
	switch b {
	case baseTitle:
		return t.Title
	case baseMeta:
		return t.Meta
	case baseHeading:
		return t.Heading
	case baseQuote:
		return t.Quote
	case baseCaption:
		return t.Caption
	case baseCode:
		return t.Code
	case baseLink:
		return t.Link
	case baseBar:
		return t.QuoteBar
	case baseBullet:
		return t.Bullet
	}
	return lipgloss.NewStyle()
}

// sgrPair holds the SGR sequence that starts a style and the one that
// turns off just what it started; both "" for no style.
type sgrPair struct {
	on, off string
}

// style returns the SGR sequence that starts the style of inline flags
// on a block, "" for no style.
func (s *styler) style(k styleKey) string {
	return s.sgr(k).on
}

// sgr returns (and remembers) the SGR sequences that start and end the
// style of inline flags on a block.
func (s *styler) sgr(k styleKey) sgrPair {
	if p, ok := s.cache[k]; ok {
		return p
	}
	t := s.theme
	st := lipgloss.NewStyle()
	for _, f := range []struct {
		flag  uint8
		style lipgloss.Style
	}{{styleMarker, t.LinkMarker}, {styleLink, t.Link}, {styleCode, t.Code}, {styleBold, t.Bold}, {styleItalic, t.Italic}, {styleByline, t.Byline}, {styleMatch, t.Match}} {
		if k.flags&f.flag != 0 {
			st = st.Inherit(f.style)
		}
	}
	st = st.Inherit(s.themeStyle(k.base))
	var p sgrPair
	if on := sgrOf(st); len(on) > 0 {
		p = sgrPair{on: on.String(), off: sgrOff(st).String()}
	}
	s.cache[k] = p
	return p
}

// sgrOf converts the colours and attributes of a Lip Gloss style into
// one SGR sequence, so that a piece is styled as a whole (Lip Gloss
// styles underlined text rune by rune).
func sgrOf(st lipgloss.Style) ansi.Style {
	var a ansi.Style
	if st.GetBold() {
		a = a.Bold()
	}
	if st.GetFaint() {
		a = a.Faint()
	}
	if st.GetItalic() {
		a = a.Italic(true)
	}
	if st.GetUnderline() {
		a = a.Underline(true)
	}
	if st.GetStrikethrough() {
		a = a.Strikethrough(true)
	}
	if st.GetReverse() {
		a = a.Reverse(true)
	}
	if c := st.GetForeground(); !isNoColor(c) {
		a = a.ForegroundColor(c)
	}
	if c := st.GetBackground(); !isNoColor(c) {
		a = a.BackgroundColor(c)
	}
	return a
}

// sgrOff returns the SGR attributes that turn off what sgrOf(st)
// turns on, and nothing else: colours go back to the terminal's default,
// bold and faint to normal intensity.
func sgrOff(st lipgloss.Style) ansi.Style {
	var a ansi.Style
	if st.GetBold() || st.GetFaint() {
		a = a.Normal()
	}
	if st.GetItalic() {
		a = a.Italic(false)
	}
	if st.GetUnderline() {
		a = a.Underline(false)
	}
	if st.GetStrikethrough() {
		a = a.Strikethrough(false)
	}
	if st.GetReverse() {
		a = a.Reverse(false)
	}
	if c := st.GetForeground(); !isNoColor(c) {
		a = a.ForegroundColor(nil)
	}
	if c := st.GetBackground(); !isNoColor(c) {
		a = a.BackgroundColor(nil)
	}
	return a
}

// isNoColor reports whether c means "no colour set".
func isNoColor(c color.Color) bool {
	_, none := c.(lipgloss.NoColor)
	return c == nil || none
}

// writeRunes writes runes with one attr, styled as part of a block with
// base style.
func (s *styler) writeRunes(b *strings.Builder, runes []rune, a attr, base baseStyle) {
	if !s.color {
		for _, r := range runes {
			b.WriteRune(r)
		}
		return
	}
	target := ""
	if a.link >= 1 && a.link <= len(s.targets) {
		target = s.targets[a.link-1]
	}
	if target != "" {
		b.WriteString("\x1b]8;;" + target + "\x1b\\")
	}
	sgr := s.style(styleKey{base, a.flags})
	b.WriteString(sgr)
	for _, r := range runes {
		b.WriteRune(r)
	}
	if sgr != "" {
		b.WriteString(ansi.ResetStyle)
	}
	if target != "" {
		b.WriteString("\x1b]8;;\x1b\\")
	}
}

// writePlain writes text in one of the block styles (decorations).
func (s *styler) writePlain(b *strings.Builder, text string, base baseStyle) {
	if text == "" {
		return
	}
	if !s.color {
		b.WriteString(text)
		return
	}
	sgr := s.style(styleKey{base: base})
	b.WriteString(sgr)
	b.WriteString(text)
	if sgr != "" {
		b.WriteString(ansi.ResetStyle)
	}
}

// writeLine writes a visual line, one styled piece per run of runes with
// the same attr.
func (s *styler) writeLine(b *strings.Builder, l visualLine, base baseStyle) {
	for i := 0; i < len(l.runes); {
		j := i + 1
		for j < len(l.attrs) && l.attrs[j] == l.attrs[i] {
			j++
		}
		s.writeRunes(b, l.runes[i:j], l.attrs[i], base)
		i = j
	}
}

// linkTarget returns raw as a URL safe to put in an OSC 8 sequence, and
// "" for anything but an absolute http or https URL (feed.IsWebURL).
// Bytes outside printable ASCII are percent-encoded, so nothing in it can
// end the sequence.
func linkTarget(raw string) string {
	if !feed.IsWebURL(raw) {
		return ""
	}
	var b strings.Builder
	for _, c := range []byte(raw) {
		if c <= 0x20 || c >= 0x7f {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}
