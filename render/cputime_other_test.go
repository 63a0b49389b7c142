//go:build !unix

package render

import (
	"testing"
	"time"
)

// cpuTime is not available here: it reports false.
func cpuTime() (time.Duration, bool) { return 0, false }

// reportCPU reports nothing where cpuTime is not available.
func reportCPU(*testing.B, time.Duration) {}
