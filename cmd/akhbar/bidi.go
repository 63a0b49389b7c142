package main

import (
	"fmt"
	"github.com/akhbar/akhbar/theme"
	"os"

	"github.com/akhbar/akhbar/render"
)

// bidiSetting resolves --bidi (or display.bidi) to a mode. "auto" asks
// where the output goes: a pipe or a file gets Plain (the real
// characters, so that grep finds them); terminals that reorder by
// themselves and cannot be told not to want logical order; every other
// terminal gets visual order.
func bidiSetting(flag, config string, tty bool, getenv func(string) string) (render.BidiMode, error) {
	v := flag
	if v == "" || v == "auto" {
		v = config
	}
	if v == "" || v == "auto" {
		if !tty {
			return render.Plain, nil
		}
		return bidiFromEnv(getenv), nil
	}
	m, err := render.ParseBidiMode(v)
	if err != nil {
		return m, fmt.Errorf("--bidi: %w", err)
	}
	return m, nil
}

// bidiFromEnv recognises the terminals that do their own bidi (Konsole,
// mlterm, Apple Terminal, iTerm2, mintty).
func bidiFromEnv(getenv func(string) string) render.BidiMode {
	if getenv("KONSOLE_VERSION") != "" || getenv("MLTERM") != "" {
		return render.Logical
	}
	switch getenv("TERM_PROGRAM") {
	case "Apple_Terminal", "iTerm.app", "mintty":
		return render.Logical
	}
	return render.Visual
}

// shapeSetting resolves --shape (or display.shape). "auto" is on: the
// renderer shapes in visual mode only, where the terminal shows the app's
// glyphs as given, and never in logical mode.
func shapeSetting(flag, config string) (bool, error) {
	v := flag
	if v == "" || v == "auto" {
		v = config
	}
	switch v {
	case "", "auto", "on":
		return true, nil
	case "off":
		return false, nil
	}
	return false, fmt.Errorf("--shape %q: want auto, on or off", v)
}

// renderOptions builds the renderer's options for plain command output.
func (a *app) renderOptions(width int, bidiFlag, shapeFlag string) (render.Options, error) {
	mode, err := bidiSetting(bidiFlag, a.cfg.Display.Bidi, a.stdoutIsTerminal(), os.Getenv)
	if err != nil {
		return render.Options{}, err
	}
	shape, err := shapeSetting(shapeFlag, a.cfg.Display.Shape)
	if err != nil {
		return render.Options{}, err
	}
	if width <= 0 {
		width = a.termWidth()
	}
	o := render.Options{Width: width, Bidi: mode, Shape: shape, Color: a.color()}
	if o.Color {
		o.Theme = theme.For(a.cfg.Display.Theme != "light")
	}
	return o, nil
}

// lineOptions are the renderer's options for the text fields of a
// command's output lines (titles, feed names, snippets): display.bidi
// and display.shape, with "auto" resolved for where stdout goes.
func (a *app) lineOptions() render.Options {
	if a.lines == nil {
		o, err := a.renderOptions(0, "", "")
		if err != nil { // a bad display setting was reported at setup; plain text is safe
			o = render.Options{Bidi: render.Plain}
		}
		o.Color = false
		a.lines = &o
	}
	return *a.lines
}

// field lays out one untrusted string as a field of an output line:
// sanitised onto one line, in the order and shape the terminal needs
// (render.Inline).
func (a *app) field(s string) laidOut {
	return laidOut(render.Inline(s, a.lineOptions()))
}
