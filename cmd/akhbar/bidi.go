package main

import (
	"fmt"
	"github.com/akhbar/akhbar/theme"
	"os"

	"github.com/akhbar/akhbar/render"
)

// bidiSetting resolves --bidi (or display.bidi) to a mode. "auto" asks
// the environment: terminals that reorder by themselves and cannot be told
// not to want logical order; every other terminal gets visual order.
func bidiSetting(flag, config string, getenv func(string) string) (render.BidiMode, error) {
	v := flag
	if v == "" || v == "auto" {
		v = config
	}
	if v == "" || v == "auto" {
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
	mode, err := bidiSetting(bidiFlag, a.cfg.Display.Bidi, os.Getenv)
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
