package tui

import (
	"charm.land/bubbles/v2/key"
)

// KeyMap holds every binding of the app. It is built once by
// DefaultKeyMap and drives both input handling and the help view.
type KeyMap struct {
	Up, Down, Top, Bottom, PageUp, PageDown key.Binding
	Open, Back, Quit, ForceQuit, SwitchPane key.Binding
	Refresh, RefreshAll                     key.Binding
	NextUnread, PrevUnread                  key.Binding
	ToggleRead, Star, OpenBrowser, Related  key.Binding
	BidiMode, Help, Search                  key.Binding
}

// DefaultKeyMap returns the default bindings: vim-style keys, arrows and
// emacs-style ctrl+n/ctrl+p.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, help, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return KeyMap{
		Up:          b([]string{"k", "up", "ctrl+p"}, "k/↑", "up"),
		Down:        b([]string{"j", "down", "ctrl+n"}, "j/↓", "down"),
		Top:         b([]string{"g", "home"}, "g", "top"),
		Bottom:      b([]string{"G", "end"}, "G", "bottom"),
		PageUp:      b([]string{"pgup", "ctrl+b", "ctrl+u"}, "pgup", "page up"),
		PageDown:    b([]string{"pgdown", "ctrl+f", "ctrl+d", "space"}, "pgdn", "page down"),
		Open:        b([]string{"enter", "l", "right"}, "enter", "open"),
		Back:        b([]string{"esc", "h", "left", "backspace"}, "esc", "back"),
		Quit:        b([]string{"q"}, "q", "back/quit"),
		ForceQuit:   b([]string{"ctrl+c"}, "ctrl+c", "quit"),
		SwitchPane:  b([]string{"tab", "shift+tab"}, "tab", "switch pane"),
		Refresh:     b([]string{"r"}, "r", "refresh feed"),
		RefreshAll:  b([]string{"R"}, "R", "refresh all"),
		NextUnread:  b([]string{"n"}, "n", "next unread"),
		PrevUnread:  b([]string{"N"}, "N", "previous unread"),
		ToggleRead:  b([]string{"m"}, "m", "toggle read"),
		Star:        b([]string{"s"}, "s", "star"),
		OpenBrowser: b([]string{"o"}, "o", "open in browser (3o: link 3)"),
		Related:     b([]string{"f"}, "f", "related stories (3⏎: follow 3)"),
		BidiMode:    b([]string{"b"}, "b", "bidi mode"),
		Help:        b([]string{"?"}, "?", "help"),
		Search:      b([]string{"/"}, "/", "search"),
	}
}

// ShortHelp is the one-line help shown in the footer.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Open, k.Back, k.SwitchPane, k.RefreshAll, k.NextUnread, k.Star, k.Related, k.Search, k.BidiMode, k.Help}
}

// FullHelp is every binding, in columns, for the help overlay.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.Top, k.Bottom, k.PageUp, k.PageDown},
		{k.Open, k.Back, k.SwitchPane, k.Quit, k.ForceQuit},
		{k.Refresh, k.RefreshAll, k.NextUnread, k.PrevUnread},
		{k.ToggleRead, k.Star, k.OpenBrowser, k.Related, k.Search, k.BidiMode, k.Help},
	}
}
