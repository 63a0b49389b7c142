// Package ucd holds the Unicode 15.0.0 Character Database files that akhbar's tables are
// generated from, gzip-compressed and unmodified (terms of use: LICENSE-UNICODE.txt beside this
// file), and builds those tables: BidiTables for render/bidi and ShapeTables for render/shape.
//
// The files are embedded, so the generator (internal/ucd/gen) and the tests that compare the
// committed tables with fresh ones work in a fresh clone, from any directory.
package ucd

import (
	"bufio"
	"compress/gzip"
	"embed"
	"fmt"
	"strconv"
	"strings"
)

// Version is the version of the Unicode Character Database in this package.
const Version = "15.0.0"

// maxRune is the last Unicode code point.
const maxRune = 0x10FFFF

//go:embed *.txt.gz
var files embed.FS

// Lines calls fn with every line of the data file name (for example "UnicodeData.txt"), numbered
// from 1, comments included.
func Lines(name string, fn func(n int, line string) error) error {
	f, err := files.Open(name + ".gz")
	if err != nil {
		return fmt.Errorf("open %s: %w", name, err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	sc := bufio.NewScanner(z)
	for n := 1; sc.Scan(); n++ {
		if err := fn(n, sc.Text()); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	if err := z.Close(); err != nil {
		return fmt.Errorf("read %s: %w", name, err)
	}
	return nil
}

// Fields splits a data line into its trimmed semicolon-separated fields, the comment dropped;
// ok is false for comment-only and blank lines.
func Fields(line string) (fields []string, ok bool) {
	line, _, _ = strings.Cut(line, "#")
	if strings.TrimSpace(line) == "" {
		return nil, false
	}
	fields = strings.Split(line, ";")
	for i := range fields {
		fields[i] = strings.TrimSpace(fields[i])
	}
	return fields, true
}

// ParseRune parses a code point written in hexadecimal ("0627").
func ParseRune(s string) (rune, error) {
	v, err := strconv.ParseUint(strings.TrimSpace(s), 16, 32)
	if err != nil || v > maxRune {
		return 0, fmt.Errorf("bad code point %q", s)
	}
	return rune(v), nil
}

// ParseRange parses a code point ("0600") or an inclusive range of them ("0600..06FF").
func ParseRange(s string) (lo, hi rune, err error) {
	a, b, isRange := strings.Cut(s, "..")
	if lo, err = ParseRune(a); err != nil {
		return 0, 0, err
	}
	if !isRange {
		return lo, lo, nil
	}
	if hi, err = ParseRune(b); err != nil {
		return 0, 0, err
	}
	if hi < lo {
		return 0, 0, fmt.Errorf("bad range %q", s)
	}
	return lo, hi, nil
}
