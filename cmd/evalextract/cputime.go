package main

import (
	"syscall"
	"time"
)

// cpuTime is the CPU time the process has used so far, user and system.
// The tool runs one extraction at a time, so a difference of two readings
// is that extraction's cost (with its garbage collection), which a busy
// machine inflates far less than wall time.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
