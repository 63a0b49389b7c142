package main

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"

	"github.com/akhbar/akhbar/feed"
)

// openBrowser opens an http(s) URL in the user's browser: $BROWSER if
// set, else the platform's opener. The URL is one argv element; no shell
// ever sees it.
func openBrowser(url string) error {
	if !feed.IsWebURL(url) || strings.HasPrefix(url, "-") {
		return fmt.Errorf("open %s: only http and https links open", url)
	}
	bin := os.Getenv("BROWSER")
	if bin == "" {
		bin = "xdg-open"
		if runtime.GOOS == "darwin" {
			bin = "open"
		}
	}
	cmd := exec.Command(bin, url)
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("open %s: %w", url, err)
	}
	// Reap the child when the browser exits; its status is not ours to report.
	go cmd.Wait() //nolint:errcheck
	return nil
}
