package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// tmuxTerm is a real terminal for end-to-end tests: a tmux server of the
// test's own (its socket in a temporary folder) running one program.
type tmuxTerm struct {
	t      *testing.T
	socket string
}

// startTmux runs argv in a detached tmux session of the given size, with
// env added to the environment.
func startTmux(t *testing.T, env []string, width, height int, argv ...string) *tmuxTerm {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed (.ci/run installs it)")
	}
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

// screen is what the terminal shows now, as plain text.
func (tt *tmuxTerm) screen() string {
	tt.t.Helper()
	return tt.run("capture-pane", "-p", "-t", "e2e")
}

// waitFor polls the screen until it contains every text, failing after a
// generous deadline with the last screen in the message.
func (tt *tmuxTerm) waitFor(texts ...string) string {
	tt.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		s := tt.screen()
		missing := ""
		for _, text := range texts {
			if !strings.Contains(s, text) {
				missing = text
				break
			}
		}
		if missing == "" {
			return s
		}
		if time.Now().After(deadline) {
			tt.t.Fatalf("screen never showed %q; last screen:\n%s", missing, s)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// waitGone polls until the screen no longer contains text.
func (tt *tmuxTerm) waitGone(text string) string {
	tt.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for {
		s := tt.screen()
		if !strings.Contains(s, text) {
			return s
		}
		if time.Now().After(deadline) {
			tt.t.Fatalf("screen still shows %q; last screen:\n%s", text, s)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// waitExit polls until the program in the pane has ended.
func (tt *tmuxTerm) waitExit() {
	tt.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for strings.TrimSpace(tt.run("display-message", "-p", "-t", "e2e", "#{pane_dead}")) != "1" {
		if time.Now().After(deadline) {
			tt.t.Fatalf("the program did not exit; last screen:\n%s", tt.screen())
		}
		time.Sleep(50 * time.Millisecond)
	}
}
