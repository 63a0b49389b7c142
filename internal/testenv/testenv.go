// Package testenv decides, in one place, what the fast test loop leaves out.
//
// `go test -short ./...` is the inner loop: it skips tests that are slow or need software from
// outside Go (tmux, script, FriBidi, PostgreSQL, a Miniflux build). `go test ./...` runs
// everything, and there a missing program fails the test instead of skipping it, so that no
// test silently vanishes (.ci/run installs what is needed).
package testenv

import (
	"os/exec"
	"testing"
)

// SkipShort skips t in -short mode; why says what the test needs or costs.
func SkipShort(t testing.TB, why string) {
	t.Helper()
	if testing.Short() {
		t.Skipf("-short: %s", why)
	}
}

// Command returns the path of the program name. In -short mode it skips t without looking;
// otherwise a missing program fails t, with install saying how to get it.
func Command(t testing.TB, name, install string) string {
	t.Helper()
	SkipShort(t, "needs "+name)
	path, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("%s is needed by this test (%s), or run go test -short: %v", name, install, err)
	}
	return path
}

// Unavailable ends t when something the test needs cannot be found or started: a skip in
// -short mode, else a failure.
func Unavailable(t testing.TB, err error) {
	t.Helper()
	SkipShort(t, err.Error())
	t.Fatalf("needed by this test (or run go test -short): %v", err)
}
