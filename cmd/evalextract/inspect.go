package main

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/akhbar/akhbar/feed/article"
)

// showRelated prints the related stories akhbar finds on every step-th
// page of c, for checking them by hand against the page.
func showRelated(w io.Writer, c corpus, step int) {
	pages, links := 0, 0
	for i, p := range c.Pages {
		if i%step != 0 {
			continue
		}
		a, err := article.Extract(p.URL, p.HTML, "")
		pages++
		fmt.Fprintf(w, "=== %s %s (err %v)\n", p.ID, p.URL, err)
		for _, l := range a.Related {
			links++
			fmt.Fprintf(w, "  %q\n      %s\n", l.Title, l.URL)
		}
	}
	fmt.Fprintf(w, "%s: %d pages, %d related links\n", c.Name, pages, links)
}

// showLangs prints the language and direction akhbar gives every page of
// c, with the page's country folder (fundus) to compare by eye, and
// counts the pages left without a language.
func showLangs(w io.Writer, c corpus) {
	none := 0
	for _, p := range c.Pages {
		a, err := article.Extract(p.URL, p.HTML, "")
		if err == nil && a.Lang == "" {
			none++
		}
		fmt.Fprintf(w, "%-6s %-4s %-50s %s\n", a.Lang, a.Dir, p.ID, strings.Split(filepath.ToSlash(p.ID), "/")[0])
	}
	fmt.Fprintf(w, "%s: %d of %d pages without a language\n", c.Name, none, len(c.Pages))
}
