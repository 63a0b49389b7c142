package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime/pprof"
)

// profileAkhbar extracts every corpus page with akhbar alone, three
// times, under the CPU profiler, and writes the profile to out.
func profileAkhbar(dir, out string) error {
	aeb, err := loadAEB(filepath.Join(dir, "aeb"))
	if err != nil {
		return err
	}
	fundus, err := loadFundus(filepath.Join(dir, "fundus"))
	if err != nil {
		return err
	}
	f, err := os.Create(out)
	if err != nil {
		return fmt.Errorf("create profile: %w", err)
	}
	defer f.Close()
	if err := pprof.StartCPUProfile(f); err != nil {
		return fmt.Errorf("start profile: %w", err)
	}
	defer pprof.StopCPUProfile()
	for range 3 {
		for _, p := range append(aeb.Pages, fundus.Pages...) {
			_, _ = runAkhbar(p.URL, p.HTML, "")
		}
	}
	return nil
}
