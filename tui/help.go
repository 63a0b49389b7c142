package tui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"

	"github.com/akhbar/akhbar/render"
	"github.com/akhbar/akhbar/tui/i18n"
)

// helpIDs names the catalogue message of each action's help text.
func helpIDs() map[string]i18n.MsgID {
	return map[string]i18n.MsgID{
		"up": i18n.MsgKeyUp, "down": i18n.MsgKeyDown, "top": i18n.MsgKeyTop, "bottom": i18n.MsgKeyBottom,
		"page_up": i18n.MsgKeyPageUp, "page_down": i18n.MsgKeyPageDown, "open": i18n.MsgKeyOpen,
		"back": i18n.MsgKeyBack, "quit": i18n.MsgKeyBackQuit, "force_quit": i18n.MsgKeyQuit,
		"switch_pane": i18n.MsgKeySwitchPane, "toggle_folder": i18n.MsgKeyFold,
		"refresh": i18n.MsgKeyRefresh, "refresh_all": i18n.MsgKeyRefreshAll,
		"next_unread": i18n.MsgKeyNextUnread, "prev_unread": i18n.MsgKeyPrevUnread,
		"toggle_read": i18n.MsgKeyToggleRead, "mark_all_read": i18n.MsgKeyMarkAllRead, "undo": i18n.MsgKeyUndo,
		"star": i18n.MsgKeyStar, "sort": i18n.MsgKeySort, "open_browser": i18n.MsgKeyOpenBrowser,
		"copy_link": i18n.MsgKeyCopyLink, "related": i18n.MsgKeyRelated, "search": i18n.MsgKeySearch,
		"bidi_mode": i18n.MsgKeyBidiMode, "images": i18n.MsgKeyImages, "help": i18n.MsgKeyHelp,
		"follow": i18n.MsgKeyFollow, "unfollow": i18n.MsgKeyUnfollow,
	}
}

// localKeys gives every binding its help text in the UI language.
func localKeys(k KeyMap, cat *i18n.Catalog) KeyMap {
	ids := helpIDs()
	for _, a := range k.actions() {
		if id, ok := ids[a.name]; ok {
			a.b.SetHelp(a.b.Help().Key, cat.T(id))
		}
	}
	return k
}

// helpView draws every binding in a box in the middle of the screen, in
// as many columns as fit, read from the start of the UI language: the
// keys of the focused pane first (KeyMap.FullHelp).
// Descriptions go through the bidi renderer, so Arabic, Persian and
// Hebrew read right.
func (m Model) helpView() string {
	var all []key.Binding
	for _, c := range m.keys.FullHelp(m.focus) {
		all = append(all, c...)
	}
	keyW, descW := 0, 0
	for _, b := range all {
		keyW = max(keyW, render.Width(b.Help().Key))
		descW = max(descW, render.Width(b.Help().Desc))
	}
	inner := max(m.width-4, 1)
	descW = max(min(descW, inner-keyW-2), 1)
	ncols := max(inner/(keyW+descW+2), 1)
	nrows := (len(all) + ncols - 1) / ncols
	o := m.renderOpts()
	o.Color = false
	lines := make([]string, nrows)
	for r := range nrows {
		var cells []string
		for c := range ncols {
			i := c*nrows + r
			if i >= len(all) {
				break
			}
			h := all[i].Help()
			k := m.theme.HelpKey.Render(keyCell(h.Key, keyW, m.rtl(), o))
			d := m.theme.HelpDesc.Render(m.cell(h.Desc, descW))
			cells = append(cells, row(m.rtl(), k, " ", d, " "))
		}
		lines[r] = row(m.rtl(), cells...)
		if short := ncols*(keyW+descW+2) - lipgloss.Width(lines[r]); m.rtl() && short > 0 {
			lines[r] = strings.Repeat(" ", short) + lines[r] // a short last row starts at the right too
		}
	}
	box := m.theme.HelpBox.Render(strings.Join(lines, "\n"))
	return lipgloss.Place(m.width, m.height, lipgloss.Center, lipgloss.Center, box)
}

// keyCell lays a key name out in a column of width cells, flush with the
// column's reading start: the left, or the right in a right-to-left UI,
// where the whole table mirrors (the names themselves stay Latin).
func keyCell(name string, width int, rtl bool, o render.Options) string {
	if !rtl {
		return render.Cell(name, width, o)
	}
	w := min(render.Width(render.SanitizeLine(name)), width)
	return strings.Repeat(" ", width-w) + render.Cell(name, w, o)
}
