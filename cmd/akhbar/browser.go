package main

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"

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
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done: // a launcher (xdg-open, open) that hands over and exits
		if err != nil {
			return fmt.Errorf("open %s: %s: %w", url, bin, err)
		}
		return nil
	case <-time.After(launchWait): // a browser that keeps running; the goroutine reaps it
		return nil
	}
}

// launchWait is how long openBrowser waits to hear that the browser
// could not start.
const launchWait = 3 * time.Second
