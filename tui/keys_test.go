package tui

import (
	"context"
	"slices"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

func TestDefaultKeyMapHasNoConflicts(t *testing.T) {
	k := DefaultKeyMap()
	if c := k.conflicts(); len(c) > 0 {
		t.Fatalf("default bindings conflict: %v", c)
	}
}

func TestHelpListsEveryBinding(t *testing.T) {
	k := DefaultKeyMap()
	for _, f := range []focus{focusFeeds, focusHeadlines, focusReader} {
		listed := map[string]int{}
		for _, col := range k.FullHelp(f) {
			for _, b := range col {
				listed[b.Help().Desc]++
			}
		}
		for _, a := range k.actions() {
			if listed[a.b.Help().Desc] != 1 || a.b.Help().Key == "" {
				t.Errorf("focus %d: action %s is listed %d times in the help, want once", f, a.name, listed[a.b.Help().Desc])
			}
			if len(a.b.Keys()) == 0 {
				t.Errorf("action %s has no key", a.name)
			}
		}
	}
	if len(ActionNames()) != len(k.actions()) {
		t.Fatal("ActionNames and actions disagree")
	}
}

// TestShortHelpFollowsTheFocus: each pane's short help leads with keys
// that act there, and the help overlay starts with them.
func TestShortHelpFollowsTheFocus(t *testing.T) {
	k := DefaultKeyMap()
	first := map[focus]key.Binding{focusFeeds: k.Open, focusHeadlines: k.Open, focusReader: k.PageDown}
	only := map[focus]key.Binding{focusFeeds: k.ToggleFolder, focusHeadlines: k.Sort, focusReader: k.Related}
	for f, want := range first {
		short := k.ShortHelp(f)
		if short[0].Help() != want.Help() {
			t.Errorf("focus %d: short help starts with %q, want %q", f, short[0].Help().Desc, want.Help().Desc)
		}
		if k.FullHelp(f)[0][0].Help() != want.Help() {
			t.Errorf("focus %d: the help overlay does not start with the pane's keys", f)
		}
		for g, other := range only {
			has := slices.ContainsFunc(short, func(b key.Binding) bool { return b.Help() == other.Help() })
			if has != (g == f) {
				t.Errorf("focus %d: short help has %q: %v", f, other.Help().Desc, has)
			}
		}
	}
}

// TestPromptKeysComeFromTheKeyMap: the prompt edits with its key-map
// group, so rebinding it changes what the prompt does.
func TestPromptKeysComeFromTheKeyMap(t *testing.T) {
	keys := DefaultKeyMap().Prompt
	var p prompt
	p.start("search", "")
	space := tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	ctrl := func(r rune) tea.KeyPressMsg { return tea.KeyPressMsg{Code: r, Mod: tea.ModCtrl} }
	for _, k := range []tea.KeyPressMsg{press("a"), press("b"), space, press("c"), press("d")} {
		p.key(k, keys)
	}
	p.key(tea.KeyPressMsg{Code: tea.KeyBackspace}, keys)
	if p.value != "ab c" {
		t.Fatalf("value %q, want %q", p.value, "ab c")
	}
	p.key(ctrl('w'), keys)
	if p.value != "ab " {
		t.Fatalf("after ctrl+w: %q", p.value)
	}
	keys.Submit.SetKeys("ctrl+s")
	if p.key(press("enter"), keys) || !p.active {
		t.Fatal("enter submitted a prompt whose submit key is ctrl+s")
	}
	if !p.key(ctrl('s'), keys) || p.active {
		t.Fatal("ctrl+s did not submit")
	}
}

func TestHelpOverlayShowsEveryAction(t *testing.T) {
	st := newTestStore(t, 3)
	m := start(t, st, 160, 40)
	m = send(t, m, press("?"))
	s := screen(m)
	k := DefaultKeyMap()
	for _, a := range k.actions() {
		if !strings.Contains(s, a.b.Help().Desc) {
			t.Errorf("help overlay lacks %q", a.b.Help().Desc)
		}
	}
}

func TestRebindReportsProblems(t *testing.T) {
	k := DefaultKeyMap()
	err := k.Rebind(map[string][]string{"open": {"enter", "j"}, "fly": {"x"}, "star": {}})
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{`unknown action "fly"`, `action "star" has no keys`, `"j" is bound to both`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}

func TestRebindChangesKeys(t *testing.T) {
	k := DefaultKeyMap()
	if err := k.Rebind(map[string][]string{"star": {"*"}}); err != nil {
		t.Fatal(err)
	}
	if !key.Matches(tea.KeyPressMsg{Code: '*', Text: "*"}, k.Star) || key.Matches(press("s"), k.Star) {
		t.Fatal("star is not rebound to *")
	}
}

// keyFor makes the key press of a binding's key name.
func keyFor(name string) tea.KeyPressMsg {
	special := map[string]rune{"enter": tea.KeyEnter, "esc": tea.KeyEscape, "up": tea.KeyUp, "down": tea.KeyDown,
		"home": tea.KeyHome, "end": tea.KeyEnd, "pgup": tea.KeyPgUp, "pgdown": tea.KeyPgDown, "tab": tea.KeyTab,
		"left": tea.KeyLeft, "right": tea.KeyRight, "backspace": tea.KeyBackspace}
	if r, ok := special[name]; ok {
		return tea.KeyPressMsg{Code: r}
	}
	if c, ok := strings.CutPrefix(name, "ctrl+"); ok {
		return tea.KeyPressMsg{Code: rune(c[0]), Mod: tea.ModCtrl}
	}
	return tea.KeyPressMsg{Code: []rune(name)[0], Text: name}
}

// Every action is reachable: its first key, pressed where it applies,
// changes the screen or starts a command.
func TestEveryActionIsReachable(t *testing.T) {
	st := newTestStore(t, 300)
	withLinkedArticles(t, st)
	if _, err := st.AddFollow(context.Background(), "headline"); err != nil {
		t.Fatal(err)
	}
	k := DefaultKeyMap()
	readerOnly := map[string]bool{"related": true}
	for _, a := range k.actions() {
		t.Run(a.name, func(t *testing.T) {
			mm := newTestModel(st)
			mm.deps.Service = funcService{} // refreshes nothing
			m := send(t, settle(t, mm, mm.Init()), tea.WindowSizeMsg{Width: 120, Height: 30})
			m = send(t, m, press("j")) // not on the first row, so "up" and "top" move
			if readerOnly[a.name] || a.name == "back" || a.name == "quit" {
				m = send(t, m, press("k"), press("enter"), press("j"))
			}
			if a.name == "unfollow" {
				m = send(t, m, press("tab"), press("g"), press("j"), press("j"), press("j")) // the followed story
			}
			if a.name == "toggle_folder" {
				m = send(t, m, press("tab"), press("G"), press("k")) // the folder above the last feed
			}
			before := m.(Model).View().Content
			next, cmd := m.Update(keyFor(a.b.Keys()[0]))
			if cmd == nil && next.(Model).View().Content == before {
				t.Fatalf("%s (%q) did nothing", a.name, a.b.Keys()[0])
			}
		})
	}
}

func TestArabicLayoutUsesBaseKeys(t *testing.T) {
	st := newTestStore(t, 3)
	m := start(t, st, 100, 20)
	// "ن" is on the US "j" key of an Arabic keyboard.
	m = send(t, m, tea.KeyPressMsg{Code: 'ن', Text: "ن", BaseCode: 'j'})
	if m.(Model).list.cursor != 1 {
		t.Fatalf("ن with base key j did not move down: cursor %d", m.(Model).list.cursor)
	}
}
