package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"
)

// size is one workload size; startup says whether the start-up figures
// are measured on its cache.
type size struct {
	label        string // prefix of its figures' names
	feeds, items int
	startup      bool
}

// sample is one measured command.
type sample struct {
	cpu    time.Duration // user + system
	peakKB int64
}

// results holds the samples of each reader and figure ("label+key").
type results map[string]map[string][]sample

func (r results) add(reader, fig string, s sample) {
	if r[reader] == nil {
		r[reader] = map[string][]sample{}
	}
	r[reader][fig] = append(r[reader][fig], s)
}

// measureSize runs every reader runs times on the workload of sz,
// alternating readers so that they share the machine's conditions.
func measureSize(res results, readers []reader, sz size, runs int) error {
	w := newWorkload(sz.feeds, sz.items)
	defer w.close()
	figs := []string{figFirst, figUnchanged}
	if sz.startup {
		figs = append(figs, figHelp, figList, figFeeds)
	}
	for run := range runs {
		for _, rd := range readers {
			fmt.Fprintf(os.Stderr, "%s%s run %d…\n", sz.label, rd.name, run+1)
			if err := measureReader(res, rd, w, sz, figs); err != nil {
				return fmt.Errorf("%s: %w", rd.name, err)
			}
		}
	}
	return nil
}

// measureReader measures figs of rd in a fresh home.
func measureReader(res results, rd reader, w *workload, sz size, figs []string) error {
	dir, err := os.MkdirTemp("", "benchrefresh-"+rd.name+"-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	if err := rd.setup(rd.bin, dir, w); err != nil {
		return err
	}
	for _, fig := range figs {
		args, ok := rd.cmds[fig]
		if !ok {
			continue
		}
		s, err := measure(rd.bin, dir, rd.env(dir), args)
		if err != nil {
			return err
		}
		res.add(rd.name, sz.label+fig, s)
	}
	return nil
}

// timeBin is GNU time. Go starts children with vfork, so a child's own
// rusage counts the parent's resident memory (the generated feeds) in
// its peak; GNU time forks a small process first, so its %M is the
// reader's own peak.
const timeBin = "/usr/bin/time"

// measure runs bin in dir and returns its CPU time and peak RSS, through
// GNU time when it is installed.
func measure(bin, dir string, env, args []string) (sample, error) {
	stats := filepath.Join(dir, ".time")
	name, argv := bin, args
	gnuTime := false
	if _, err := os.Stat(timeBin); err == nil {
		name, argv, gnuTime = timeBin, append([]string{"-f", "%U %S %M", "-o", stats, bin}, args...), true
	}
	c := exec.Command(name, argv...)
	c.Dir, c.Env = dir, env
	var out bytes.Buffer
	c.Stdout, c.Stderr = &out, &out
	if err := c.Run(); err != nil {
		return sample{}, fmt.Errorf("%s %s: %w\n%s", bin, strings.Join(args, " "), err, out.Bytes())
	}
	if gnuTime {
		return readTime(stats)
	}
	ru, ok := c.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		return sample{}, fmt.Errorf("%s: no rusage", bin)
	}
	cpu := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	return sample{cpu: cpu, peakKB: ru.Maxrss}, nil
}

// readTime reads the "user system maxKB" line GNU time wrote.
func readTime(path string) (sample, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return sample{}, err
	}
	var user, sys float64
	var s sample
	if _, err := fmt.Sscan(string(b), &user, &sys, &s.peakKB); err != nil {
		return sample{}, fmt.Errorf("read %s: %w", path, err)
	}
	s.cpu = time.Duration((user + sys) * float64(time.Second))
	return s, nil
}

// median is the median sample by CPU time, with the median peak RSS.
func median(ss []sample) (sample, bool) {
	if len(ss) == 0 {
		return sample{}, false
	}
	cpus := make([]time.Duration, len(ss))
	peaks := make([]int64, len(ss))
	for i, s := range ss {
		cpus[i], peaks[i] = s.cpu, s.peakKB
	}
	slices.Sort(cpus)
	slices.Sort(peaks)
	return sample{cpu: cpus[len(ss)/2], peakKB: peaks[len(ss)/2]}, true
}
