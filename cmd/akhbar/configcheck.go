package main

import (
	"slices"
	"strconv"
	"strings"
	"time"
)

// check refuses values that decoded but make no sense (an unknown mode,
// a refresh every second, a negative timeout, a limit of millions):
// each is a warning and the default is used instead.
func (l *configLoader) check(c *Config) {
	def := defaultConfig()
	oneOf := func(v *string, dv string, path []string, allowed ...string) {
		if !slices.Contains(allowed, *v) {
			l.warn(path, "%q is not one of %s; using %q", *v, strings.Join(allowed, ", "), dv)
			*v = dv
		}
	}
	oneOf(&c.Display.Bidi, def.Display.Bidi, []string{"display", "bidi"}, "auto", "visual", "logical", "plain")
	oneOf(&c.Display.Shape, def.Display.Shape, []string{"display", "shape"}, "auto", "on", "off")
	oneOf(&c.Display.Theme, def.Display.Theme, []string{"display", "theme"}, "auto", "dark", "light")
	oneOf(&c.UI.Language, def.UI.Language, []string{"ui", "language"}, "auto", "ar", "fa", "he", "en")
	oneOf(&c.UI.Digits, def.UI.Digits, []string{"ui", "digits"}, "auto", "latin", "arabic", "persian")

	l.checkInterval(&c.Refresh.Interval, def.Refresh.Interval, []string{"refresh", "interval"})
	if d, err := time.ParseDuration(c.Refresh.Timeout); c.Refresh.Timeout != "" && (err != nil || d <= 0 || d > maxTimeout) {
		l.warn([]string{"refresh", "timeout"}, "%q: want a duration above 0 and at most %s, like \"30s\"; using %s",
			c.Refresh.Timeout, maxTimeout, def.Refresh.Timeout)
		c.Refresh.Timeout = def.Refresh.Timeout
	}
	l.checkRange(&c.Refresh.Concurrency, def.Refresh.Concurrency, 1, maxConcurrency, []string{"refresh", "concurrency"})
	l.checkRange(&c.Refresh.PerHost, def.Refresh.PerHost, 1, maxPerHost, []string{"refresh", "per_host"})

	for url, fc := range c.Feeds {
		path := []string{"feeds", url}
		switch fc.Dir {
		case "", "auto", "rtl", "ltr":
		default:
			l.warn(append(path, "dir"), "%q is not one of auto, rtl, ltr; using auto", fc.Dir)
			fc.Dir = ""
		}
		if fc.Interval != "" {
			l.checkInterval(&fc.Interval, "", append(path, "interval"))
		}
		l.checkRange(&fc.KeepDays, 0, 0, maxKeepDays, append(path, "keep_days"))
		l.checkRange(&fc.KeepItems, 0, 0, maxKeepItems, append(path, "keep_items"))
		c.Feeds[url] = fc
	}
}

// checkInterval refuses a refresh interval that is not a duration, or is
// under a minute or over a week ("0" turns refreshing off).
func (l *configLoader) checkInterval(v *string, dv string, path []string) {
	if *v == "" || *v == "0" {
		return
	}
	d, err := time.ParseDuration(*v)
	if err == nil && d >= minInterval && d <= maxInterval {
		return
	}
	use := "the default"
	if dv != "" {
		use = strconv.Quote(dv)
	}
	problem := "not a duration like \"30m\""
	switch {
	case err != nil:
	case d < minInterval:
		problem = "under a minute"
	default:
		problem = "over a week"
	}
	l.warn(path, "%q is %s; using %s", *v, problem, use)
	*v = dv
}

// checkRange refuses an integer outside [lo, hi].
func (l *configLoader) checkRange(v *int, dv, lo, hi int, path []string) {
	if *v < lo || *v > hi {
		l.warn(path, "%d is outside %d–%d; using %d", *v, lo, hi, dv)
		*v = dv
	}
}

// keyID is the map key of a key path in keyLines.
func keyID(path []string) string { return strings.Join(path, "\x00") }

// keyLines finds the line of each table header and key = value line of a
// TOML text (already known to parse), for warnings. Keys inside inline
// tables and multi-line values are not found; lineOf falls back to the
// enclosing key.
func keyLines(text string) map[string]int {
	lines := map[string]int{}
	var table []string
	multi := "" // the closing quotes of a multi-line string being skipped
	for i, line := range strings.Split(text, "\n") {
		s := strings.TrimSpace(line)
		if multi != "" {
			if strings.Contains(s, multi) {
				multi = ""
			}
			continue
		}
		if s == "" || s[0] == '#' {
			continue
		}
		if s[0] == '[' {
			end := strings.LastIndex(s, "]")
			if end < 0 {
				continue
			}
			table = splitKey(strings.Trim(s[:end+1], "[] \t"))
			setLine(lines, table, i+1)
			continue
		}
		eq := keyEnd(s)
		if eq < 0 {
			continue
		}
		setLine(lines, append(slices.Clone(table), splitKey(s[:eq])...), i+1)
		rest := s[eq+1:]
		for _, q := range []string{`"""`, `'''`} {
			if strings.Count(rest, q) == 1 {
				multi = q
			}
		}
	}
	return lines
}

func setLine(lines map[string]int, path []string, line int) {
	if id := keyID(path); lines[id] == 0 {
		lines[id] = line
	}
}

// keyEnd is the index of the = after a key, outside quotes, or -1.
func keyEnd(s string) int {
	quote := byte(0)
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '=':
			return i
		}
	}
	return -1
}

// splitKey splits a dotted TOML key into its parts, unquoting quoted ones.
func splitKey(s string) []string {
	var parts []string
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimSpace(s) {
		var part string
		switch s[0] {
		case '"', '\'':
			end := strings.IndexByte(s[1:], s[0])
			if end < 0 {
				return append(parts, s)
			}
			part, s = s[:end+2], s[end+2:]
			if u, err := strconv.Unquote(strings.ReplaceAll(part, "'", `"`)); err == nil {
				part = u
			}
		default:
			end := strings.IndexByte(s, '.')
			if end < 0 {
				end = len(s)
			}
			part, s = strings.TrimSpace(s[:end]), s[end:]
		}
		parts = append(parts, part)
		s = strings.TrimPrefix(strings.TrimSpace(s), ".")
	}
	return parts
}
