package render

import (
	"fmt"
	"image/color"
	"strings"

	"charm.land/lipgloss/v2"
	"github.com/akhbar/akhbar/feed"
	"github.com/charmbracelet/x/ansi"
)

// styler holds the state of one layout: it measures clusters and turns
// pieces into terminal text: plain when o.Color is false, else styled by
// the theme and, for links to http(s) URLs, wrapped in OSC 8 hyperlinks.
type styler struct {
	o     Options
	links []feed.Link
	cache map[styleKey]ansi.Style
	m     measurer
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

func newStyler(o Options, links []feed.Link) *styler {
	return &styler{o: o, links: links, cache: map[styleKey]ansi.Style{}, m: measurer{}}
}

// themeStyle returns the theme's style for a block.
func (s *styler) themeStyle(b baseStyle) lipgloss.Style {
	t := s.o.Theme
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

// style returns (and remembers) the SGR style of inline flags on a block.
func (s *styler) style(k styleKey) ansi.Style {
	if st, ok := s.cache[k]; ok {
		return st
	}
	t := s.o.Theme
	st := lipgloss.NewStyle()
	for _, f := range []struct {
		flag  uint8
		style lipgloss.Style
	}{{styleMarker, t.LinkMarker}, {styleLink, t.Link}, {styleCode, t.Code}, {styleBold, t.Bold}, {styleItalic, t.Italic}, {styleByline, t.Byline}} {
		if k.flags&f.flag != 0 {
			st = st.Inherit(f.style)
		}
	}
	sgr := sgrOf(st.Inherit(s.themeStyle(k.base)))
	s.cache[k] = sgr
	return sgr
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

// isNoColor reports whether c means "no colour set".
func isNoColor(c color.Color) bool {
	_, none := c.(lipgloss.NoColor)
	return c == nil || none
}

// render writes one piece of a block styled with base.
func (s *styler) render(p piece, base baseStyle) string {
	if !s.o.Color {
		return p.text
	}
	out := s.style(styleKey{base, p.attr.flags}).Styled(p.text)
	if p.attr.link >= 1 && p.attr.link <= len(s.links) {
		if u, ok := linkTarget(s.links[p.attr.link-1].URL); ok {
			out = hyperlink(u, out)
		}
	}
	return out
}

// plain writes text in one of the block styles (decorations, URLs).
func (s *styler) plain(text string, base baseStyle) string {
	return s.render(piece{text: text}, base)
}

// line writes the pieces of a visual line.
func (s *styler) line(l visualLine, base baseStyle) string {
	if len(l.pieces) == 1 {
		return s.render(l.pieces[0], base)
	}
	var b strings.Builder
	for _, p := range l.pieces {
		b.WriteString(s.render(p, base))
	}
	return b.String()
}

// linkTarget returns raw as a URL safe to put in an OSC 8 sequence, and
// false for anything but an absolute http or https URL (feed.IsWebURL).
// Bytes outside printable ASCII are percent-encoded, so nothing in it can
// end the sequence.
func linkTarget(raw string) (string, bool) {
	if !feed.IsWebURL(raw) {
		return "", false
	}
	var b strings.Builder
	for _, c := range []byte(raw) {
		if c <= 0x20 || c >= 0x7f {
			fmt.Fprintf(&b, "%%%02X", c)
			continue
		}
		b.WriteByte(c)
	}
	return b.String(), true
}

// hyperlink wraps text in an OSC 8 hyperlink to target.
func hyperlink(target, text string) string {
	return "\x1b]8;;" + target + "\x1b\\" + text + "\x1b]8;;\x1b\\"
}
