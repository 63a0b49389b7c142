package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/akhbar/akhbar/internal/testenv"
)

// tmuxTerm is a real terminal for end-to-end tests: a tmux server of the
// test's own (its socket in a temporary folder) running one program.
type tmuxTerm struct {
	t      testing.TB
	socket string
}

// startTmux runs argv in a detached tmux session of the given size, with
// env added to the environment.
func startTmux(t testing.TB, env []string, width, height int, argv ...string) *tmuxTerm {
	t.Helper()
	testenv.Command(t, "tmux", "apt-get install tmux")
	tt := &tmuxTerm{t: t, socket: filepath.Join(t.TempDir(), "tmux.sock")}
	args := []string{"-S", tt.socket, "-f", "/dev/null", "new-session", "-d", "-s", "e2e",
		"-x", strconv.Itoa(width), "-y", strconv.Itoa(height), "--"}
	args = append(args, "env")
	args = append(args, env...)
	args = append(args, argv...)
	cmd := exec.Command("tmux", args...)
	cmd.Env = append(os.Environ(), "TERM=xterm-256color")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("tmux new-session: %v: %s", err, out)
	}
	tt.run("set-option", "-g", "remain-on-exit", "on")
	t.Cleanup(func() {
		if err := exec.Command("tmux", "-S", tt.socket, "kill-server").Run(); err != nil {
			t.Logf("tmux kill-server: %v", err)
		}
	})
	return tt
}

func (tt *tmuxTerm) run(args ...string) string {
	tt.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-S", tt.socket}, args...)...).CombinedOutput()
	if err != nil {
		tt.t.Fatalf("tmux %s: %v: %s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// send types keys (tmux key names, e.g. "Enter", "Escape", "j").
func (tt *tmuxTerm) send(keys ...string) {
	tt.t.Helper()
	tt.run(append([]string{"send-keys", "-t", "e2e"}, keys...)...)
}

// screen is what the terminal shows now, as plain text. The isolates of
// Logical mode take no cell and show nothing, so they are left out.
func (tt *tmuxTerm) screen() string {
	tt.t.Helper()
	return strings.NewReplacer("\u2066", "", "\u2067", "", "\u2069", "").Replace(tt.run("capture-pane", "-p", "-t", "e2e"))
}

// waitUntil polls the screen until ok accepts it, failing after a
// generous deadline with the last screen in the message.
func (tt *tmuxTerm) waitUntil(what string, ok func(screen string) bool) string {
	tt.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		s := tt.screen()
		if ok(s) {
			return s
		}
		if time.Now().After(deadline) {
			tt.t.Fatalf("screen never showed %s; last screen:\n%s", what, s)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// waitFor polls until the screen contains every text.
func (tt *tmuxTerm) waitFor(texts ...string) string {
	tt.t.Helper()
	return tt.waitUntil(fmt.Sprintf("%q", texts), func(s string) bool {
		for _, text := range texts {
			if !strings.Contains(s, text) {
				return false
			}
		}
		return true
	})
}

// waitGone polls until the screen no longer contains text.
func (tt *tmuxTerm) waitGone(text string) string {
	tt.t.Helper()
	return tt.waitUntil(fmt.Sprintf("%q gone", text), func(s string) bool { return !strings.Contains(s, text) })
}

// waitExit polls until the program in the pane has ended.
func (tt *tmuxTerm) waitExit() {
	tt.t.Helper()
	tt.waitUntil("the program exit", func(string) bool {
		return strings.TrimSpace(tt.run("display-message", "-p", "-t", "e2e", "#{pane_dead}")) == "1"
	})
}

// sendText types text literally.
func (tt *tmuxTerm) sendText(text string) {
	tt.t.Helper()
	tt.run("send-keys", "-t", "e2e", "-l", text)
}

// pid is the process id of the program in the pane (env execs it).
func (tt *tmuxTerm) pid() int {
	tt.t.Helper()
	out := strings.TrimSpace(tt.run("display-message", "-p", "-t", "e2e", "#{pane_pid}"))
	pid, err := strconv.Atoi(out)
	if err != nil {
		tt.t.Fatalf("pane pid %q: %v", out, err)
	}
	return pid
}
