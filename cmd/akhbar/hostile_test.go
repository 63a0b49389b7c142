package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/akhbar/akhbar/feed/feedtest"
	"github.com/akhbar/akhbar/internal/testenv"
)

// Hostile input through the real binary (issue 6): every command's
// stdout and stderr, piped (never any escape sequence) and on a terminal
// (only akhbar's own SGR and OSC 8), and the TUI in tmux.

// result is one run of the binary.
type result struct {
	stdout, stderr string
	err            error
}

// runAkhbar runs the binary in dir with env; unlike akhbar it does not fail
// the test when the command fails (a hostile feed may make it fail).
func runAkhbar(t *testing.T, dir string, env []string, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	return result{stdout.String(), stderr.String(), err}
}

// onTerminal runs the binary with its stdout on a pseudo-terminal (via
// script(1)) and returns the raw bytes it wrote, with the terminal's
// "\r\n" for "\n" turned back.
func onTerminal(t *testing.T, dir string, env []string, args ...string) string {
	t.Helper()
	script := testenv.Command(t, "script", "apt-get install bsdutils")
	line := shellQuote(binary)
	for _, a := range args {
		line += " " + shellQuote(a)
	}
	cmd := exec.Command(script, "-q", "-e", "-c", line, "/dev/null")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), append(env, "TERM=xterm-256color", "COLUMNS=100")...)
	var stdout bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stdout
	if err := cmd.Run(); err != nil {
		t.Logf("akhbar %v on a terminal: %v", args, err)
	}
	return strings.ReplaceAll(stdout.String(), "\r\n", "\n")
}

// shellQuote quotes s for script -c (test arguments only: IDs, URLs).
func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

// checkClean fails when out carries anything a terminal could act on.
func checkClean(t *testing.T, what, out string, styles bool) {
	t.Helper()
	if err := cleanErr(out, styles); err != nil {
		t.Errorf("%s: %v", what, err)
	}
}

// cleanErr says what in out a terminal could act on, or returns nil.
func cleanErr(out string, styles bool) error {
	if err := feedtest.CheckTerminal(out, styles); err != nil {
		return err
	}
	if a, ok := feedtest.ContainsAttack(out); ok {
		return fmt.Errorf("carries the %s", a.Name)
	}
	return nil
}

// checkInvocation checks one command's output.
func checkInvocation(t *testing.T, inv invocation, styles bool, outs ...string) {
	t.Helper()
	for _, out := range outs {
		if err := cleanErr(out, styles); err != nil {
			t.Error(err)
		}
	}
}

// hostileCache subscribes a fresh cache to the hostile feeds and the
// hostile OPML, refreshes it, and returns the env, a working folder and
// the item IDs. It checks the output of add, import and refresh.
func hostileCache(t *testing.T, srv *feedtest.Server) (env []string, dir string, ids []string) {
	t.Helper()
	env, dir = xdgEnv(t), t.TempDir()
	for _, p := range feedtest.HostileFeeds() {
		r := runAkhbar(t, dir, env, "add", srv.URL(p))
		checkClean(t, "add "+p+" stdout", r.stdout, false)
		checkClean(t, "add "+p+" stderr", r.stderr, false)
	}
	opml, err := feedtest.HostileFile("hostile.opml", strings.TrimSuffix(srv.URL("/"), "/"))
	if err != nil {
		t.Fatal(err)
	}
	opmlPath := filepath.Join(dir, "hostile.opml")
	if err := os.WriteFile(opmlPath, opml, 0o600); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"import", opmlPath}, {"refresh"}, {"refresh", "--json"}} {
		r := runAkhbar(t, dir, env, args...)
		checkClean(t, strings.Join(args, " ")+" stdout", r.stdout, false)
		checkClean(t, strings.Join(args, " ")+" stderr", r.stderr, false)
	}
	var items []struct {
		ID string `json:"id"`
	}
	if err := json.Unmarshal([]byte(akhbar(t, env, "list", "--json", "--limit", "1000")), &items); err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		ids = append(ids, it.ID)
	}
	if len(ids) < 15 {
		t.Fatalf("only %d items after refreshing the hostile feeds", len(ids))
	}
	return env, dir, ids
}

// invocation is one command line to check.
type invocation struct {
	args []string
}

// commands are the invocations checked: the listing ones, then reading
// each item of ids (in -short mode, every item is read once and only the
// first three in every form).
func commands(srv *feedtest.Server, ids []string) []invocation {
	page := srv.URL(feedtest.HostilePage)
	cmds := []invocation{
		{[]string{"feeds"}}, {[]string{"feeds", "--json"}},
		{[]string{"list", "--limit", "1000"}}, {[]string{"list", "--json", "--limit", "1000"}},
		{[]string{"search", "pwned"}}, {[]string{"search", "--json", "pwned"}},
		{[]string{"search", "H01"}}, {[]string{"export"}},
		{[]string{"read", page}}, {[]string{"read", "--json", page}},
		{[]string{"read", "--bidi", "logical", page}},
	}
	for i, id := range ids {
		cmds = append(cmds, invocation{[]string{"read", id}})
		if testing.Short() && i >= 3 {
			continue
		}
		cmds = append(cmds,
			invocation{[]string{"read", "--json", id}},
			invocation{[]string{"read", "--bidi", "logical", "--width", "30", id}},
			invocation{[]string{"related", id}},
			invocation{[]string{"related", "--json", id}})
	}
	return cmds
}

func TestHostilePipedOutput(t *testing.T) {
	srv := feedtest.Hostile(t)
	env, dir, ids := hostileCache(t, srv)
	variants := []struct {
		name string
		env  []string
		args []string
	}{
		{"piped", nil, nil},
		{"NO_COLOR", []string{"NO_COLOR=1"}, nil},
		{"--no-color", nil, []string{"--no-color"}},
	}
	if testing.Short() {
		variants = variants[:1] // the colour switches matter most on a terminal
	}
	sawPage := false
	for i, v := range variants {
		readIDs := ids
		if i > 0 {
			readIDs = ids[:3] // the colour switches matter on a terminal; keep this quick
		}
		for _, inv := range commands(srv, readIDs) {
			args := append(append([]string(nil), v.args...), inv.args...)
			t.Run(v.name+" "+strings.Join(args, " "), func(t *testing.T) {
				r := runAkhbar(t, dir, append(env, v.env...), args...)
				sawPage = sawPage || strings.Contains(r.stdout, "P01 first paragraph")
				checkInvocation(t, inv, false, r.stdout, r.stderr)
			})
		}
	}
	if !sawPage {
		t.Error("the hostile page was never printed: the checks above saw nothing of it")
	}
	checkNothingRan(t, dir)
}

func TestHostileTerminalOutput(t *testing.T) {
	testenv.Command(t, "script", "apt-get install bsdutils")
	srv := feedtest.Hostile(t)
	env, dir, ids := hostileCache(t, srv)
	styled := false
	for i, inv := range commands(srv, ids) {
		t.Run(strings.Join(inv.args, " "), func(t *testing.T) {
			out := onTerminal(t, dir, env, inv.args...)
			styled = styled || strings.Contains(out, "\x1b[")
			checkInvocation(t, inv, true, out)
			if i%4 == 0 { // NO_COLOR on a terminal for a sample: no escape at all
				plain := onTerminal(t, dir, append(env, "NO_COLOR=1"), inv.args...)
				checkInvocation(t, inv, false, plain)
			}
		})
	}
	if !styled {
		t.Error("no command styled its output on a terminal: the styled checks checked nothing")
	}
	checkNothingRan(t, dir)
}

// checkNothingRan fails when a hostile link or OPML entry made anything
// run: every such payload touches akhbar-pwned in the working folder.
func checkNothingRan(t *testing.T, dir string) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(dir, "akhbar-pwned")); err == nil {
		t.Error("a hostile payload ran: akhbar-pwned exists")
	}
}

// TestHostileTUI runs the TUI over the hostile cache in tmux, its output
// recorded raw by script(1): opening item after item, and a refresh in
// which the feed with the hostile status line fails. The window title
// stays akhbar's, no clipboard write arrives, and the raw stream holds
// no C1 control, bidi control, DEL or hostile sequence.
func TestHostileTUI(t *testing.T) {
	testenv.Command(t, "script", "apt-get install bsdutils")
	srv := feedtest.Hostile(t)
	env, _, ids := hostileCache(t, srv)
	raw := filepath.Join(t.TempDir(), "raw")
	term := startTmux(t, env, 100, 30, "script", "-q", "-f", "-e", "-c", shellQuote(binary), raw)
	term.run("set-option", "-g", "set-clipboard", "on")
	term.waitFor("H09", "H07")
	sawHostile := false
	for i := range min(len(ids), 24) {
		term.send("Enter")
		title := term.waitTitle("akhbar —", false)
		checkTitle(t, fmt.Sprintf("item %d", i), title)
		sawHostile = sawHostile || strings.Contains(title, "pwned-title")
		term.send("Escape")
		term.waitTitle("akhbar", true)
		term.send("Down")
	}
	if !sawHostile {
		t.Error("no hostile title was ever opened: the title checks checked nothing")
	}
	term.send("R")
	term.waitFor("failed")
	checkTitle(t, "after refresh", term.title())
	if bufs := strings.TrimSpace(term.run("list-buffers")); bufs != "" {
		t.Errorf("something wrote tmux's clipboard: %q", bufs)
	}
	term.send("q")
	term.waitGone("H09")
	out, err := os.ReadFile(raw)
	if err != nil {
		t.Fatal(err)
	}
	checkRawTUI(t, string(out))
}

// waitTitle polls the pane's title until it starts with prefix (is
// prefix, when exact).
func (tt *tmuxTerm) waitTitle(prefix string, exact bool) string {
	tt.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		title := tt.title()
		if title == prefix || !exact && strings.HasPrefix(title, prefix) {
			return title
		}
		if time.Now().After(deadline) {
			tt.t.Fatalf("window title never started with %q; it is %q; screen:\n%s", prefix, title, tt.screen())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// title is the pane's title as the program set it.
func (tt *tmuxTerm) title() string {
	tt.t.Helper()
	return strings.TrimSuffix(tt.run("display-message", "-p", "-t", "e2e", "#{pane_title}"), "\n")
}

func checkTitle(t *testing.T, where, title string) {
	t.Helper()
	if !strings.HasPrefix(title, "akhbar") || feedtest.CheckTerminal(title, false) != nil {
		t.Errorf("%s: window title %q is not akhbar's own", where, title)
	}
}

// checkRawTUI checks the TUI's raw output: the runtime's own cursor and
// mode sequences are fine, but no C1 control, bidi control or DEL, no
// hostile sequence of feedtest.Attacks, no clipboard write, and only
// akhbar's window titles.
func checkRawTUI(t *testing.T, out string) {
	t.Helper()
	for i, r := range out {
		if r >= 0x7f && feedtest.Forbidden(r) {
			t.Fatalf("raw TUI output holds %U at byte %d: %q", r, i, out[max(i-40, 0):min(i+40, len(out))])
		}
	}
	for _, a := range feedtest.Attacks() {
		switch a.Name {
		case "CSI clear screen", "CSI alternate screen":
			continue // the runtime's own vocabulary
		}
		if strings.ContainsRune(a.Text, 0x1b) && strings.Contains(out, a.Text) {
			t.Errorf("raw TUI output carries the %s", a.Name)
		}
	}
	if strings.Contains(out, "\x1b]52;") {
		t.Error("raw TUI output writes the clipboard (OSC 52)")
	}
	for _, intro := range []string{"\x1b]0;", "\x1b]1;", "\x1b]2;"} {
		for rest := out; ; {
			i := strings.Index(rest, intro)
			if i < 0 {
				break
			}
			rest = rest[i+len(intro):]
			if !strings.HasPrefix(rest, "akhbar") && !strings.HasPrefix(rest, "\a") && !strings.HasPrefix(rest, "\x1b\\") { // or cleared on exit
				t.Errorf("raw TUI output sets a title not akhbar's: %q", rest[:min(40, len(rest))])
			}
		}
	}
}
