package theme

import (
	"image/color"
	"testing"

	"charm.land/glamour/v2/styles"
	"charm.land/lipgloss/v2"
)

// sameColor reports whether two colours are the same RGBA.
func sameColor(a, b color.Color) bool {
	if a == nil || b == nil {
		return a == b
	}
	ar, ag, ab, aa := a.RGBA()
	br, bg, bb, ba := b.RGBA()
	return ar == br && ag == bg && ab == bb && aa == ba
}

// TestThemeFollowsGlamourSheet checks that the reader and the chrome take
// their colours from the same glamour style sheet.
func TestThemeFollowsGlamourSheet(t *testing.T) {
	for _, tc := range []struct {
		name string
		th   Theme
		dark bool
	}{{"dark", Dark(), true}, {"light", Light(), false}} {
		c := styles.LightStyleConfig
		if tc.dark {
			c = styles.DarkStyleConfig
		}
		if tc.th.Dark != tc.dark {
			t.Errorf("%s: Dark = %v", tc.name, tc.th.Dark)
		}
		heading := lipgloss.Color(*c.Heading.Color)
		for field, got := range map[string]color.Color{
			"Heading":         tc.th.Heading.GetForeground(),
			"PaneTitleActive": tc.th.PaneTitleActive.GetForeground(),
			"Count":           tc.th.Count.GetForeground(),
			"HelpKey":         tc.th.HelpKey.GetForeground(),
			"StatusMode bg":   tc.th.StatusMode.GetBackground(),
		} {
			if !sameColor(got, heading) {
				t.Errorf("%s: %s colour %v, want the sheet's heading colour %v", tc.name, field, got, heading)
			}
		}
		text := lipgloss.Color(*c.Document.Color)
		if got := tc.th.Unread.GetForeground(); !sameColor(got, text) {
			t.Errorf("%s: Unread colour %v, want the sheet's text colour %v", tc.name, got, text)
		}
		if got := tc.th.Code.GetBackground(); !sameColor(got, lipgloss.Color(*c.Code.BackgroundColor)) {
			t.Errorf("%s: Code background %v, want the sheet's", tc.name, got)
		}
		if tc.th.Sheet.CodeBlock.Chroma == nil {
			t.Errorf("%s: the theme's sheet has no code highlighting colours", tc.name)
		}
	}
	if sameColor(Dark().Unread.GetForeground(), Light().Unread.GetForeground()) {
		t.Error("dark and light themes have the same text colour")
	}
}
