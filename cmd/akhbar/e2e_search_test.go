package main

import (
	"strings"
	"testing"
)

// TestTUISearchPromptStartsEmpty: a new search starts with an empty
// query (the previous one is offered: Enter runs it again, typing
// replaces it), and an Arabic query finds an inflected form.
func TestTUISearchPromptStartsEmpty(t *testing.T) {
	env := subscribed(t, false)
	term := startTmux(t, env, 100, 30, binary)
	term.waitFor("Night trains")
	term.send("/")
	term.waitFor("Search:")
	term.sendText("مكتبة") // the headline says «مكتبة», its summary «المكتبة»
	term.send("Enter")
	term.waitFor("1 found")
	term.send("Escape")
	term.waitGone("1 found")

	term.send("/")
	term.waitFor("Search:")
	term.sendText("trains")
	s := term.waitFor("Search: trains")
	if prompt := lastRow(s); strings.Contains(prompt, "مكتبة") || strings.ContainsRune(prompt, 'ﻣ') {
		t.Fatalf("the new query was appended to the previous one: %q", prompt)
	}
	term.send("Enter")
	term.waitFor("1 found", "Night trains")
	term.send("Escape")
	term.waitGone("1 found")

	term.send("/") // the previous query is offered: Enter runs it again
	term.waitFor("Search: trains")
	term.send("Enter")
	term.waitFor("1 found", "Night trains")
	term.send("Escape")
	term.waitGone("1 found")
	term.send("q")
	term.waitExit()
}

// lastRow is the bottom row of a screen.
func lastRow(screen string) string {
	rows := strings.Split(strings.TrimRight(screen, "\n"), "\n")
	return rows[len(rows)-1]
}
