package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"

	"github.com/akhbar/akhbar/feed"
)

// openBrowser opens an http(s) URL in the user's browser: $BROWSER if
// set (see browserCommands), else the platform's opener. The URL is one
// argv element; no shell ever sees it.
func openBrowser(url string) error {
	if !feed.IsWebURL(url) || strings.HasPrefix(url, "-") {
		return fmt.Errorf("open %s: only http and https links open", url)
	}
	env := os.Getenv("BROWSER")
	if env == "" {
		env = "xdg-open"
		if runtime.GOOS == "darwin" {
			env = "open"
		}
	}
	cmds, err := browserCommands(env, url)
	if err != nil {
		return fmt.Errorf("open %s: $BROWSER: %w", url, err)
	}
	var errs []error
	for _, argv := range cmds {
		err := launch(argv)
		if err == nil {
			return nil
		}
		errs = append(errs, err)
	}
	return fmt.Errorf("open %s: %w", url, errors.Join(errs...))
}

// launch starts argv and reports whether it failed to start or, within
// launchWait, exited with an error.
func launch(argv []string) error {
	cmd := exec.Command(argv[0], argv[1:]...)
	if err := cmd.Start(); err != nil {
		return err
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done: // a launcher (xdg-open, open) that hands over and exits
		if err != nil {
			return fmt.Errorf("%s: %w", argv[0], err)
		}
		return nil
	case <-time.After(launchWait): // a browser that keeps running; the goroutine reaps it
		return nil
	}
}

// launchWait is how long openBrowser waits to hear that the browser
// could not start.
const launchWait = 3 * time.Second

// browserCommands turns the value of $BROWSER into the command lines to
// try in turn for url. The value is one or more commands separated by
// ":" (the convention of sensible-browser and Python's webbrowser), each
// split into arguments as a shell would split words — spaces separate;
// single quotes, double quotes and backslashes quote — but nothing is
// expanded or run by a shell. In each argument "%s" and "%u" become the
// URL and "%%" a "%"; a command without either gets the URL as its last
// argument. It fails on an unterminated quote or an empty value.
func browserCommands(env, url string) ([][]string, error) {
	words, err := splitCommands(env)
	if err != nil {
		return nil, err
	}
	var cmds [][]string
	for _, argv := range words {
		if len(argv) == 0 {
			continue
		}
		placed := false
		for i, a := range argv {
			var used bool
			argv[i], used = substitute(a, url)
			placed = placed || used
		}
		if !placed {
			argv = append(argv, url)
		}
		cmds = append(cmds, argv)
	}
	if len(cmds) == 0 {
		return nil, errors.New("no command")
	}
	return cmds, nil
}

// substitute replaces %s and %u in arg by url and %% by %, reporting
// whether url was put in.
func substitute(arg, url string) (string, bool) {
	if !strings.Contains(arg, "%") {
		return arg, false
	}
	var b strings.Builder
	used := false
	for i := 0; i < len(arg); i++ {
		if arg[i] != '%' || i+1 == len(arg) {
			b.WriteByte(arg[i])
			continue
		}
		switch arg[i+1] {
		case 's', 'u':
			b.WriteString(url)
			used = true
			i++
		case '%':
			b.WriteByte('%')
			i++
		default:
			b.WriteByte('%')
		}
	}
	return b.String(), used
}

// splitCommands splits s into commands at unquoted ":" and each command
// into words at unquoted blanks, removing the quotes: '…' keeps all it
// holds, "…" all but backslash before " \ $ and `, and an unquoted
// backslash quotes the next character.
func splitCommands(s string) ([][]string, error) {
	var (
		cmds   [][]string
		words  []string
		word   strings.Builder
		inWord bool
	)
	endWord := func() {
		if inWord {
			words = append(words, word.String())
			word.Reset()
			inWord = false
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n':
			endWord()
		case c == ':':
			endWord()
			cmds, words = append(cmds, words), nil
		case c == '\\' && i+1 < len(s):
			i++
			word.WriteByte(s[i])
			inWord = true
		case c == '\'':
			j := strings.IndexByte(s[i+1:], '\'')
			if j < 0 {
				return nil, errors.New("unterminated ' quote")
			}
			word.WriteString(s[i+1 : i+1+j])
			i += j + 1
			inWord = true
		case c == '"':
			j, err := doubleQuoted(s[i+1:], &word)
			if err != nil {
				return nil, err
			}
			i += j + 1
			inWord = true
		default:
			word.WriteByte(c)
			inWord = true
		}
	}
	endWord()
	return append(cmds, words), nil
}

// doubleQuoted writes the text of a double-quoted string whose opening
// quote is just before s, and returns the index in s of its closing quote.
func doubleQuoted(s string, w *strings.Builder) (int, error) {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"':
			return i, nil
		case c == '\\' && i+1 < len(s) && strings.IndexByte("\"\\$`", s[i+1]) >= 0:
			i++
			w.WriteByte(s[i])
		default:
			w.WriteByte(c)
		}
	}
	return 0, errors.New(`unterminated " quote`)
}
