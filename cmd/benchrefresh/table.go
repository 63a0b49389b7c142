package main

import (
	"fmt"
	"io"
	"strings"
)

// row is one line of the table: a figure, and the key of each reader's
// figure compared (newsraft has no list command: its unread count stands
// in for both list and feeds).
type row struct {
	name     string
	fig      string
	peer     map[string]string // reader → its figure key, when not fig
	withPeak bool
	ms       bool
}

func rows(sizes []size) []row {
	var out []row
	for _, sz := range sizes {
		n := fmt.Sprintf("%d feeds × %d items", sz.feeds, sz.items)
		out = append(out,
			row{name: "first refresh CPU (peak RSS), " + n, fig: sz.label + figFirst, withPeak: true},
			row{name: "unchanged (all 304) refresh CPU, " + n, fig: sz.label + figUnchanged, withPeak: true})
		if sz.startup {
			out = append(out,
				row{name: "`--help` CPU", fig: figHelp, ms: true},
				row{name: "`list --limit 20` CPU (newsraft: print-unread-items-count)", fig: figList, ms: true,
					peer: map[string]string{"newsraft": figFeeds, "newsboat": figFeeds}},
				row{name: "`feeds` CPU (newsraft: print-unread-items-count)", fig: figFeeds, ms: true})
		}
	}
	return out
}

// printTable writes the medians as a Markdown table.
func printTable(w io.Writer, res results, readers []reader, sizes []size, runs int) {
	names := make([]string, len(readers))
	for i, rd := range readers {
		names[i] = rd.name
	}
	fmt.Fprintf(w, "medians of %d runs; CPU = user + system of the process (rusage), peak = max RSS\n\n", runs)
	fmt.Fprintf(w, "| figure | %s | akhbar / newsraft |\n", strings.Join(names, " | "))
	fmt.Fprintf(w, "|%s\n", strings.Repeat(" --- |", len(names)+2))
	for _, r := range rows(sizes) {
		cells := make([]string, len(readers))
		var cpu = map[string]float64{}
		for i, rd := range readers {
			fig := r.fig
			if f, ok := r.peer[rd.name]; ok {
				fig = f
			}
			s, ok := median(res[rd.name][fig])
			if !ok {
				cells[i] = "—"
				continue
			}
			cpu[rd.name] = s.cpu.Seconds()
			cells[i] = format(s, r)
		}
		ratio := "—"
		if a, n := cpu["akhbar"], cpu["newsraft"]; n > 0 {
			ratio = fmt.Sprintf("%.2f×", a/n)
		}
		fmt.Fprintf(w, "| %s | %s | %s |\n", r.name, strings.Join(cells, " | "), ratio)
	}
}

func format(s sample, r row) string {
	var t string
	if r.ms {
		t = fmt.Sprintf("%.0f ms", s.cpu.Seconds()*1000)
	} else {
		t = fmt.Sprintf("%.2f s", s.cpu.Seconds())
	}
	if r.withPeak || r.ms {
		t += fmt.Sprintf(" (%d MB)", s.peakKB/1024)
	}
	return t
}
