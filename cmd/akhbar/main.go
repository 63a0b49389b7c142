// Command akhbar is a terminal news reader that reads Arabic, Persian,
// Urdu and Hebrew correctly, follows related stories and works offline.
//
// With no arguments it opens the TUI; subcommands work without a terminal
// and print plain text when stdout is not one. See README.md and the
// command-line contract in DESIGN.md.
package main

import (
	"fmt"
	"io"
	"os"

	"github.com/akhbar/akhbar/render"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run executes one command line and returns the exit status: 0 on
// success, 1 on a usage error or a failure of the command.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	a := newApp(stdin, stdout, stderr)
	defer a.close()
	root := a.rootCommand()
	root.SetArgs(args)
	if err := root.Execute(); err != nil {
		fmt.Fprintln(stderr, "akhbar: "+render.SanitizeLine(err.Error()))
		return 1
	}
	return 0
}
