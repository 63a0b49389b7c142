package main

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"

	"github.com/akhbar/akhbar/tui"
)

// Limits of config values: a value outside them is refused like a bad one
// (a warning, and the default is used).
const (
	minInterval    = time.Minute
	maxInterval    = 7 * 24 * time.Hour
	maxTimeout     = 10 * time.Minute
	maxConcurrency = 64
	maxPerHost     = 16
	maxKeepDays    = 36500
	maxKeepItems   = 1_000_000
)

// configLoader decodes config.toml key by key, so that one bad key costs
// only itself: each unknown key or bad value becomes a warning naming the
// file and line, and the default stays in place.
type configLoader struct {
	path     string
	md       toml.MetaData
	lines    map[string]int // key path (see keyID) → line
	warnings []configWarning
}

type configWarning struct {
	line int
	text string
}

// loadConfig reads the config file at path (a missing file is the
// defaults). Unknown keys and bad or out-of-range values are returned as
// warnings ("path:line: key: problem"), every one of them, and the
// default is used for each such key. It fails only when the file cannot
// be read or is not TOML at all.
func loadConfig(path string) (Config, []string, error) {
	c := defaultConfig()
	text, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return c, nil, nil
	}
	if err != nil {
		return c, nil, fmt.Errorf("config %s: %w", path, err)
	}
	var top map[string]toml.Primitive
	md, err := toml.Decode(string(text), &top)
	if err != nil {
		return c, nil, fmt.Errorf("config %s: %w", path, err)
	}
	l := &configLoader{path: path, md: md, lines: keyLines(string(text))}
	l.decode(top, &c)
	l.check(&c)
	slices.SortStableFunc(l.warnings, func(a, b configWarning) int { return cmp.Compare(a.line, b.line) })
	out := make([]string, len(l.warnings))
	for i, w := range l.warnings {
		out[i] = w.text
	}
	return c, out, nil
}

// warn records a problem with the key at path.
func (l *configLoader) warn(path []string, format string, args ...any) {
	line := l.lineOf(path)
	where := l.path
	if line > 0 {
		where += ":" + strconv.Itoa(line)
	}
	l.warnings = append(l.warnings, configWarning{line, where + ": " + toml.Key(path).String() + ": " + fmt.Sprintf(format, args...)})
}

// lineOf is the line of path, or of its nearest parent found.
func (l *configLoader) lineOf(path []string) int {
	for n := len(path); n > 0; n-- {
		if line, ok := l.lines[keyID(path[:n])]; ok {
			return line
		}
	}
	return 0
}

// decode fills c from the top-level tables.
func (l *configLoader) decode(top map[string]toml.Primitive, c *Config) {
	sections := map[string]map[string]any{
		"refresh": {"concurrency": &c.Refresh.Concurrency, "per_host": &c.Refresh.PerHost,
			"full_text": &c.Refresh.FullText, "interval": &c.Refresh.Interval, "timeout": &c.Refresh.Timeout},
		"display": {"bidi": &c.Display.Bidi, "shape": &c.Display.Shape, "theme": &c.Display.Theme},
		"ui":      {"language": &c.UI.Language, "digits": &c.UI.Digits},
	}
	for _, name := range sortedKeys(top) {
		path := []string{name}
		switch name {
		case "refresh", "display", "ui":
			l.fields(top[name], path, sections[name])
		case "keys":
			l.keys(top[name], c)
		case "feeds":
			c.Feeds = map[string]FeedConfig{}
			for url, p := range l.tables(top[name], path) {
				var fc FeedConfig
				l.fields(p, []string{name, url}, map[string]any{"name": &fc.Name, "folder": &fc.Folder,
					"interval": &fc.Interval, "full_text": &fc.FullText, "dir": &fc.Dir,
					"keep_days": &fc.KeepDays, "keep_items": &fc.KeepItems})
				c.Feeds[url] = fc
			}
		case "accounts":
			c.Accounts = map[string]AccountConfig{}
			for url, p := range l.tables(top[name], path) {
				var ac AccountConfig
				l.fields(p, []string{name, url}, map[string]any{"username": &ac.Username,
					"password_command": &ac.PasswordCommand, "token_command": &ac.TokenCommand,
					"password_env": &ac.PasswordEnv, "token_env": &ac.TokenEnv, "insecure_http": &ac.InsecureHTTP})
				c.Accounts[url] = ac
			}
		default:
			l.warn(path, "unknown key (ignored)")
		}
	}
}

// tables decodes p as a table of tables (feeds and accounts by URL).
func (l *configLoader) tables(p toml.Primitive, path []string) map[string]toml.Primitive {
	var t map[string]toml.Primitive
	if err := l.md.PrimitiveDecode(p, &t); err != nil {
		l.warn(path, "want a table (ignored)")
		return nil
	}
	return t
}

// fields decodes the table p into the variables of fields, by key.
func (l *configLoader) fields(p toml.Primitive, path []string, fields map[string]any) {
	t := l.tables(p, path)
	for _, key := range sortedKeys(t) {
		v := t[key]
		kp := append(slices.Clone(path), key)
		ptr, ok := fields[key]
		if !ok {
			l.warn(kp, "unknown key (ignored)")
			continue
		}
		l.value(v, ptr, kp)
	}
}

// value decodes p into *ptr, leaving *ptr as it was when p has the wrong
// type.
func (l *configLoader) value(p toml.Primitive, ptr any, path []string) bool {
	tmp := reflect.New(reflect.TypeOf(ptr).Elem())
	if err := l.md.PrimitiveDecode(p, tmp.Interface()); err != nil {
		l.warn(path, "want %s, not a %s; using the default", typeName(tmp.Elem().Type()), l.md.Type(path...))
		return false
	}
	reflect.ValueOf(ptr).Elem().Set(tmp.Elem())
	return true
}

func typeName(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Int:
		return "an integer"
	case reflect.Bool:
		return "true or false"
	case reflect.Pointer:
		return typeName(t.Elem())
	case reflect.Slice:
		return "a list of strings"
	}
	return t.String()
}

// keys decodes [keys]. Rebindings of unknown actions, or with no keys,
// are dropped; then, while some key is bound to two actions, the
// rebinding whose removal leaves the fewest problems is dropped (the
// later one on a tie), each with a warning.
func (l *configLoader) keys(p toml.Primitive, c *Config) {
	c.Keys = map[string][]string{}
	t := l.tables(p, []string{"keys"})
	for _, action := range sortedKeys(t) {
		var keys []string
		path := []string{"keys", action}
		switch {
		case !l.value(t[action], &keys, path):
		case !slices.Contains(tui.ActionNames(), action):
			l.warn(path, "unknown action %q (known: %s)", action, strings.Join(tui.ActionNames(), ", "))
		case len(keys) == 0:
			l.warn(path, "no keys; keeping the default")
		default:
			c.Keys[action] = keys
		}
	}
	for {
		err := rebindProblems(c.Keys)
		if err == nil {
			return
		}
		drop, least := "", -1
		for _, action := range sortedKeys(c.Keys) {
			rest := maps.Clone(c.Keys)
			delete(rest, action)
			if n := problemCount(rebindProblems(rest)); least < 0 || n <= least {
				drop, least = action, n
			}
		}
		l.warn([]string{"keys", drop}, "%v; keeping the default", err)
		delete(c.Keys, drop)
	}
}

// rebindProblems applies table to the default key map.
func rebindProblems(table map[string][]string) error {
	km := tui.DefaultKeyMap()
	return km.Rebind(table)
}

// problemCount is how many problems a Rebind error lists.
func problemCount(err error) int {
	if err == nil {
		return 0
	}
	return strings.Count(err.Error(), "; ") + 1
}

// sortedKeys returns m's keys in order, so warnings come out the same
// way every run.
func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
