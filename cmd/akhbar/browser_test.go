package main

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// stubBrowser writes a script to dir (a directory whose name has a space)
// that records its arguments, one per line, in the file $ARGV_OUT.
func stubBrowser(t *testing.T) (path, out string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "my browser")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path = filepath.Join(dir, "stub")
	script := "#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > \"$ARGV_OUT\"\n"
	if err := os.WriteFile(path, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	out = filepath.Join(t.TempDir(), "argv")
	t.Setenv("ARGV_OUT", out)
	return path, out
}

// TestBrowserArguments runs a stub browser through $BROWSER values with
// arguments, placeholders, quotes and fallbacks, and checks the argv it
// got: the URL, with its shell metacharacters, is always one argument.
func TestBrowserArguments(t *testing.T) {
	stub, out := stubBrowser(t)
	url := "https://example.org/a?b=1&c=$(touch pwned)`id`;x"
	quoted := "'" + stub + "'"
	tests := []struct {
		name, env string
		want      []string
	}{
		{"no placeholder", quoted, []string{url}},
		{"%s with an option", quoted + " --new-window %s", []string{"--new-window", url}},
		{"%u inside an argument", quoted + ` --url=%u "two words" %%s`, []string{"--url=" + url, "two words", "%s"}},
		{"double quotes and backslash", `"` + stub + `" a\ b "c\"d"`, []string{"a b", `c"d`, url}},
		{"list: the first that starts", "/nonexistent/akhbar-browser %s:" + quoted + " -x", []string{"-x", url}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			os.Remove(out)
			t.Setenv("BROWSER", tc.env)
			if err := openBrowser(url); err != nil {
				t.Fatalf("BROWSER=%s: %v", tc.env, err)
			}
			data, err := os.ReadFile(out)
			if err != nil {
				t.Fatalf("the stub browser did not run: %v", err)
			}
			got := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("BROWSER=%s: argv %q, want %q", tc.env, got, tc.want)
			}
		})
	}
	for _, bad := range []string{quoted + " 'unterminated %s", " : "} {
		t.Setenv("BROWSER", bad)
		if err := openBrowser(url); err == nil {
			t.Errorf("BROWSER=%q opened the link", bad)
		}
	}
}
