package tui

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// KeyMap holds every binding of the app. It is built once by
// DefaultKeyMap (and the user's [keys] table, see Rebind) and drives both
// input handling and the help view.
type KeyMap struct {
	Up, Down, Top, Bottom, PageUp, PageDown key.Binding
	Open, Back, Quit, ForceQuit, SwitchPane key.Binding
	Refresh, RefreshAll                     key.Binding
	NextUnread, PrevUnread                  key.Binding
	ToggleRead, Star, OpenBrowser, Related  key.Binding
	CopyLink, MarkAllRead, Undo, Sort       key.Binding
	ToggleFolder, Follow, Unfollow          key.Binding
	BidiMode, Help, Search, Images          key.Binding
	// Prompt edits the search and follow prompt.
	Prompt PromptKeys
}

// PromptKeys are the editing keys of the one-line prompt. They act only
// while the prompt is open, where every other key types text, so they
// may share keys with the actions (enter, esc, backspace, ctrl+u).
type PromptKeys struct {
	Submit, Cancel, DeleteChar, DeleteWord, Clear key.Binding
	Keep                                          key.Binding // keeps an offered value for editing
}

// DefaultKeyMap returns the default bindings: vim-style keys, arrows and
// emacs-style ctrl+n/ctrl+p.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(helpKeys(keys), desc))
	}
	return KeyMap{
		Up:           b([]string{"k", "up", "ctrl+p"}, "up"),
		Down:         b([]string{"j", "down", "ctrl+n"}, "down"),
		Top:          b([]string{"g", "home"}, "top"),
		Bottom:       b([]string{"G", "end"}, "bottom"),
		PageUp:       b([]string{"pgup", "ctrl+b", "ctrl+u"}, "page up"),
		PageDown:     b([]string{"pgdown", "ctrl+f", "ctrl+d", "space"}, "page down"),
		Open:         b([]string{"enter", "l", "right"}, "open (3⏎: follow link 3)"),
		Back:         b([]string{"esc", "h", "left", "backspace"}, "back"),
		Quit:         b([]string{"q"}, "back / quit"),
		ForceQuit:    b([]string{"ctrl+c"}, "quit"),
		SwitchPane:   b([]string{"tab", "shift+tab"}, "switch pane"),
		Refresh:      b([]string{"r"}, "refresh feed"),
		RefreshAll:   b([]string{"R"}, "refresh all"),
		NextUnread:   b([]string{"n"}, "next unread"),
		PrevUnread:   b([]string{"N"}, "previous unread"),
		ToggleRead:   b([]string{"m"}, "toggle read"),
		Star:         b([]string{"s"}, "star"),
		OpenBrowser:  b([]string{"o"}, "open in browser (3o: link 3)"),
		Related:      b([]string{"f"}, "related stories"),
		CopyLink:     b([]string{"y"}, "copy link"),
		MarkAllRead:  b([]string{"A"}, "mark all read"),
		Undo:         b([]string{"u"}, "undo"),
		Sort:         b([]string{"S"}, "sort order"),
		ToggleFolder: b([]string{"c"}, "fold folder"),
		Follow:       b([]string{"F"}, "follow this story"),
		Unfollow:     b([]string{"X"}, "unfollow"),
		BidiMode:     b([]string{"b"}, "bidi mode"),
		Images:       b([]string{"i"}, "images on/off"),
		Help:         b([]string{"?"}, "help"),
		Search:       b([]string{"/"}, "search"),
		Prompt: PromptKeys{
			Submit:     b([]string{"enter"}, "search / follow"),
			Cancel:     b([]string{"esc", "ctrl+c"}, "cancel"),
			DeleteChar: b([]string{"backspace"}, "delete a character"),
			DeleteWord: b([]string{"ctrl+w"}, "delete a word"),
			Keep:       b([]string{"right", "end", "ctrl+e"}, "edit the previous query"),
			Clear:      b([]string{"ctrl+u"}, "clear"),
		},
	}
}

// helpKeys is how keys are shown in the help: the first two.
func helpKeys(keys []string) string {
	if len(keys) > 2 {
		keys = keys[:2]
	}
	return strings.Join(keys, "/")
}

// actions names every binding for the [keys] table of config.toml, in the
// order the help lists them.
func (k *KeyMap) actions() []struct {
	name string
	b    *key.Binding
} {
	return []struct {
		name string
		b    *key.Binding
	}{
		{"up", &k.Up}, {"down", &k.Down}, {"top", &k.Top}, {"bottom", &k.Bottom},
		{"page_up", &k.PageUp}, {"page_down", &k.PageDown},
		{"open", &k.Open}, {"back", &k.Back}, {"quit", &k.Quit}, {"force_quit", &k.ForceQuit},
		{"switch_pane", &k.SwitchPane}, {"toggle_folder", &k.ToggleFolder},
		{"refresh", &k.Refresh}, {"refresh_all", &k.RefreshAll},
		{"next_unread", &k.NextUnread}, {"prev_unread", &k.PrevUnread},
		{"toggle_read", &k.ToggleRead}, {"mark_all_read", &k.MarkAllRead}, {"undo", &k.Undo},
		{"star", &k.Star}, {"sort", &k.Sort}, {"follow", &k.Follow}, {"unfollow", &k.Unfollow},
		{"open_browser", &k.OpenBrowser}, {"copy_link", &k.CopyLink}, {"related", &k.Related},
		{"search", &k.Search}, {"bidi_mode", &k.BidiMode}, {"images", &k.Images}, {"help", &k.Help},
	}
}

// ActionNames lists the names the [keys] table accepts.
func ActionNames() []string {
	var k KeyMap
	var names []string
	for _, a := range k.actions() {
		names = append(names, a.name)
	}
	return names
}

// Rebind applies the user's [keys] table (action name → keys) to k. It
// reports every unknown action name and every key bound to two actions;
// the key map is usable (if not what the user meant) even then.
func (k *KeyMap) Rebind(table map[string][]string) error {
	var problems []string
	known := map[string]*key.Binding{}
	for _, a := range k.actions() {
		known[a.name] = a.b
	}
	names := make([]string, 0, len(table))
	for name := range table {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		b, ok := known[name]
		switch {
		case !ok:
			problems = append(problems, fmt.Sprintf("unknown action %q (known: %s)", name, strings.Join(ActionNames(), ", ")))
		case len(table[name]) == 0:
			problems = append(problems, fmt.Sprintf("action %q has no keys", name))
		default:
			b.SetKeys(table[name]...)
			b.SetHelp(helpKeys(table[name]), b.Help().Desc)
		}
	}
	problems = append(problems, k.conflicts()...)
	if len(problems) > 0 {
		return fmt.Errorf("keys: %s", strings.Join(problems, "; "))
	}
	return nil
}

// conflicts lists the keys bound to more than one action.
func (k *KeyMap) conflicts() []string {
	owner := map[string]string{}
	var out []string
	for _, a := range k.actions() {
		for _, key := range a.b.Keys() {
			if prev, ok := owner[key]; ok {
				out = append(out, fmt.Sprintf("%q is bound to both %s and %s", key, prev, a.name))
				continue
			}
			owner[key] = a.name
		}
	}
	return out
}

// bound reports whether any action has k.
func (k *KeyMap) bound(msg tea.KeyPressMsg) bool {
	for _, a := range k.actions() {
		if key.Matches(msg, *a.b) {
			return true
		}
	}
	return false
}

// baseKey is the key a press would be on a US layout (Bubble Tea reports
// it as BaseCode where the terminal tells), so bindings keep working with
// an Arabic or Hebrew layout active: "ض" on the q key quits.
func baseKey(k tea.KeyPressMsg) (tea.KeyPressMsg, bool) {
	if k.BaseCode == 0 || k.BaseCode == k.Code {
		return k, false
	}
	base := tea.KeyPressMsg{Code: k.BaseCode, Mod: k.Mod, ShiftedCode: k.ShiftedCode}
	if k.BaseCode >= ' ' && k.BaseCode <= '~' {
		base.Text = string(k.BaseCode)
		if k.Mod.Contains(tea.ModShift) && k.ShiftedCode != 0 {
			base.Text = string(k.ShiftedCode)
		}
	}
	return base, true
}

// ShortHelp is the short help of the focused part of the screen: the
// keys that act there, most used first, then the keys that act anywhere.
func (k KeyMap) ShortHelp(f focus) []key.Binding {
	var pane []key.Binding
	switch f {
	case focusFeeds:
		pane = []key.Binding{k.Open, k.ToggleFolder, k.Refresh, k.MarkAllRead, k.Undo, k.Unfollow}
	case focusReader:
		pane = []key.Binding{k.PageDown, k.Back, k.Open, k.OpenBrowser, k.Related, k.Star, k.ToggleRead, k.NextUnread, k.Images}
	default:
		pane = []key.Binding{k.Open, k.NextUnread, k.ToggleRead, k.Star, k.MarkAllRead, k.Sort, k.Follow}
	}
	return append(pane, k.SwitchPane, k.Search, k.RefreshAll, k.BidiMode, k.Help)
}

// FullHelp is every binding, in columns, for the help overlay: the
// short help of the focused part first, then the others.
func (k KeyMap) FullHelp(f focus) [][]key.Binding {
	all := k.ShortHelp(f)
	for _, a := range k.actions() {
		if !slices.ContainsFunc(all, func(b key.Binding) bool { return slices.Equal(b.Keys(), a.b.Keys()) }) {
			all = append(all, *a.b)
		}
	}
	var cols [][]key.Binding
	for len(all) > 0 {
		n := min(7, len(all))
		cols = append(cols, all[:n])
		all = all[n:]
	}
	return cols
}
