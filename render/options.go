// Package render lays out articles and headlines for the terminal: it
// sanitises untrusted text, wraps it by display width at line-break
// opportunities, and lays right-to-left text out in visual order (UAX #9,
// with Arabic shaping) or leaves it in logical order for terminals that
// reorder by themselves. It is pure: no I/O, no global state.
package render

import (
	"fmt"

	"github.com/akhbar/akhbar/theme"
)

// BidiMode says who reorders right-to-left text: akhbar or the terminal.
type BidiMode int

// Bidi modes (the --bidi flag; "auto" is resolved by the caller).
const (
	// Visual lays lines out in visual order, for terminals without bidi.
	Visual BidiMode = iota
	// Logical keeps the same line breaks and alignment but leaves each
	// line's text in logical order and unshaped, for terminals that
	// reorder by themselves; isolates make such a terminal show what
	// Visual shows (see styler.isolate).
	Logical
	// Plain is Logical without the isolates: the real characters in
	// logical order, unshaped, for pipes and files (grep finds what it
	// looks for) where nothing reorders them.
	Plain
)

// ParseBidiMode parses "visual", "logical" or "plain". Any other string
// is an error naming it.
func ParseBidiMode(s string) (BidiMode, error) {
	switch s {
	case "visual":
		return Visual, nil
	case "logical":
		return Logical, nil
	case "plain":
		return Plain, nil
	}
	return Visual, fmt.Errorf("parse bidi mode %q: want visual, logical or plain", s)
}

// String returns "visual" or "logical" (or "BidiMode(n)" for an unknown
// value).
func (m BidiMode) String() string {
	switch m {
	case Visual:
		return "visual"
	case Logical:
		return "logical"
	case Plain:
		return "plain"
	}
	return fmt.Sprintf("BidiMode(%d)", int(m))
}

// Options control a layout.
type Options struct {
	Width int         // display cells; every output line is at most Width cells (at least 1 is used)
	Bidi  BidiMode    // who reorders right-to-left text
	Shape bool        // shape Arabic letters (only in Visual mode)
	Color bool        // emit SGR styles and OSC 8 hyperlinks; false = plain text, no escape bytes at all
	Theme theme.Theme // styles used when Color is set
	// Pictures are the article's images by URL; nil lays out none (images
	// off). An image drawn needs Color; without it, a placeholder stands.
	Pictures   map[string]Picture
	ImageRows  int     // most rows one image takes; 0: 12
	CellAspect float64 // a cell's height over its width; 0: 2
}

// width returns o.Width, at least 1.
func (o Options) width() int {
	return max(o.Width, 1)
}
