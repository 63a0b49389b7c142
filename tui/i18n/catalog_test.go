package i18n

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// declaredIDs reads ids.go and returns the value of every MsgID constant,
// so that a new id without messages fails the tests below.
func declaredIDs(t *testing.T) []MsgID {
	t.Helper()
	f, err := parser.ParseFile(token.NewFileSet(), "ids.go", nil, 0)
	if err != nil {
		t.Fatalf("parse ids.go: %v", err)
	}
	var ids []MsgID
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.CONST {
			continue
		}
		for _, s := range g.Specs {
			v := s.(*ast.ValueSpec)
			if typ, ok := v.Type.(*ast.Ident); !ok || typ.Name != "MsgID" {
				t.Errorf("ids.go: constant %s is not declared as a MsgID", v.Names[0])
				continue
			}
			for _, val := range v.Values {
				lit, ok := val.(*ast.BasicLit)
				if !ok {
					t.Fatalf("ids.go: %s is not a string literal", v.Names[0])
				}
				s, err := strconv.Unquote(lit.Value)
				if err != nil {
					t.Fatalf("ids.go: %s: %v", v.Names[0], err)
				}
				ids = append(ids, MsgID(s))
			}
		}
	}
	if len(ids) < 50 {
		t.Fatalf("ids.go: found only %d ids; is the parser still reading it right?", len(ids))
	}
	return ids
}

// has reports whether m holds a message for id.
func (m messages) has(id MsgID) bool {
	_, inText := m.text[id]
	_, inPlural := m.plural[id]
	return inText || inPlural
}

// forms returns every message of m by a readable name, plural forms one
// by one; empty forms are left out.
func (m messages) forms(id MsgID) map[string]string {
	out := map[string]string{}
	if s, ok := m.text[id]; ok {
		out["text"] = s
	}
	if p, ok := m.plural[id]; ok {
		for name, s := range map[string]string{"zero": p.zero, "one": p.one, "two": p.two, "few": p.few, "many": p.many, "other": p.other} {
			if s != "" {
				out[name] = s
			}
		}
	}
	return out
}

var allLangs = []Lang{EN, AR, FA, HE}

func TestEveryIDHasEnglish(t *testing.T) {
	en := english()
	ids := declaredIDs(t)
	var missing []string
	for _, id := range ids {
		if !en.has(id) {
			missing = append(missing, string(id))
		}
	}
	if len(missing) > 0 {
		t.Errorf("English has no message for %d ids: %s", len(missing), strings.Join(missing, ", "))
	}
	seen := map[MsgID]bool{}
	for _, id := range ids {
		if seen[id] {
			t.Errorf("ids.go: value %q is used by two ids", id)
		}
		seen[id] = true
	}
}

func TestEveryLanguageHasEveryMessage(t *testing.T) {
	ids := declaredIDs(t)
	for _, l := range allLangs {
		m := messagesOf(l)
		var missing, unknown []string
		for _, id := range ids {
			if !m.has(id) {
				missing = append(missing, string(id))
			}
		}
		for id := range m.text {
			if !slices.Contains(ids, id) {
				unknown = append(unknown, string(id))
			}
		}
		for id := range m.plural {
			if !slices.Contains(ids, id) {
				unknown = append(unknown, string(id))
			}
			if _, twice := m.text[id]; twice {
				t.Errorf("%s: %s is both a text and a plural", l, id)
			}
		}
		slices.Sort(missing)
		slices.Sort(unknown)
		if len(missing) > 0 {
			t.Errorf("%s: %d messages still to translate: %s", l, len(missing), strings.Join(missing, ", "))
		}
		if len(unknown) > 0 {
			t.Errorf("%s: messages for ids that ids.go does not declare: %s", l, strings.Join(unknown, ", "))
		}
	}
}

// verb is one formatting verb: the argument it takes (from 1) and its kind.
type verb struct {
	arg  int
	kind rune
}

// parseVerbs lists the verbs of a fmt format string, following explicit
// argument indexes ("%[2]d") as fmt does.
func parseVerbs(format string) ([]verb, error) {
	var out []verb
	next := 1
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		for i < len(format) && strings.IndexByte("+-# 0", format[i]) >= 0 {
			i++
		}
		for i < len(format) && (format[i] == '.' || format[i] >= '0' && format[i] <= '9') {
			i++
		}
		if i < len(format) && format[i] == '[' {
			end := strings.IndexByte(format[i:], ']')
			if end < 0 {
				return nil, fmt.Errorf("unclosed [ in %q", format)
			}
			n, err := strconv.Atoi(format[i+1 : i+end])
			if err != nil {
				return nil, fmt.Errorf("bad index in %q: %w", format, err)
			}
			next = n
			i += end + 1
		}
		if i >= len(format) {
			return nil, fmt.Errorf("%q ends inside a verb", format)
		}
		if format[i] == '%' {
			continue
		}
		r, size := utf8.DecodeRuneInString(format[i:])
		i += size - 1
		out = append(out, verb{arg: next, kind: r})
		next++
	}
	return out, nil
}

// signature maps each argument to its verb kind, as a comparable string.
func signature(vs []verb, skip int) string {
	kinds := map[int]rune{}
	for _, v := range vs {
		if v.arg != skip {
			kinds[v.arg] = v.kind
		}
	}
	var parts []string
	for arg, kind := range kinds {
		parts = append(parts, fmt.Sprintf("%d:%c", arg, kind))
	}
	slices.Sort(parts)
	return strings.Join(parts, " ")
}

// countArg is the argument that picks a plural form: the first %d.
func countArg(vs []verb) int {
	first := 0
	for _, v := range vs {
		if v.kind == 'd' && (first == 0 || v.arg < first) {
			first = v.arg
		}
	}
	return first
}

func sampleArgs(vs []verb) []any {
	n := 0
	for _, v := range vs {
		n = max(n, v.arg)
	}
	args := make([]any, n)
	for i := range args {
		args[i] = "x"
	}
	for _, v := range vs {
		if v.kind == 'd' {
			args[v.arg-1] = 7
		}
	}
	return args
}

func TestFormatVerbsAgree(t *testing.T) {
	en := english()
	for _, id := range declaredIDs(t) {
		ref, ok := en.text[id]
		if !ok {
			ref = en.plural[id].other
		}
		refVerbs, err := parseVerbs(ref)
		if err != nil {
			t.Errorf("en %s: %v", id, err)
			continue
		}
		want := signature(refVerbs, 0)
		count := countArg(refVerbs)
		for _, l := range allLangs {
			for name, s := range messagesOf(l).forms(id) {
				vs, err := parseVerbs(s)
				if err != nil {
					t.Errorf("%s %s (%s): %v", l, id, name, err)
					continue
				}
				got := signature(vs, 0)
				omitsCount := name != "other" && name != "text" && count > 0 && got == signature(refVerbs, count)
				if got != want && !omitsCount {
					t.Errorf("%s %s (%s) %q: verbs %q, English has %q", l, id, name, s, got, want)
				}
				if strings.Contains(s, "%") && len(vs) == 0 {
					t.Errorf("%s %s (%s) %q: a message without verbs must not contain %%", l, id, name, s)
				}
				if !strings.Contains(s, "%") {
					continue
				}
				if out := fmt.Sprintf(s, sampleArgs(refVerbs)...); strings.Contains(out, "%!") {
					t.Errorf("%s %s (%s): fmt says %q", l, id, name, out)
				}
			}
		}
	}
}

// requiredForms are the plural forms each language must spell out for a
// counted message; the others fall back to other.
var requiredForms = map[Lang][]string{
	EN: {"one", "other"},
	AR: {"one", "two", "few", "many", "other"},
	FA: {"other"},
	HE: {"one", "other"},
}

func TestPluralFormsPresent(t *testing.T) {
	for _, l := range allLangs {
		m := messagesOf(l)
		for id := range m.plural {
			forms := m.forms(id)
			for _, name := range requiredForms[l] {
				if _, ok := forms[name]; !ok {
					t.Errorf("%s %s: no %s form", l, id, name)
				}
			}
		}
	}
}

// bidiControls are the characters that change direction explicitly;
// direction is the renderer's business, never the catalogue's.
var bidiControls = []rune{
	'\u061C', '\u200E', '\u200F',
	'\u202A', '\u202B', '\u202C', '\u202D', '\u202E',
	'\u2066', '\u2067', '\u2068', '\u2069',
}

func TestNoControlCharacters(t *testing.T) {
	for _, l := range allLangs {
		m := messagesOf(l)
		for _, id := range declaredIDs(t) {
			for name, s := range m.forms(id) {
				if !utf8.ValidString(s) {
					t.Errorf("%s %s (%s): invalid UTF-8", l, id, name)
				}
				for _, r := range s {
					switch {
					case slices.Contains(bidiControls, r):
						t.Errorf("%s %s (%s): bidi control U+%04X", l, id, name, r)
					case unicode.Is(unicode.Cc, r):
						t.Errorf("%s %s (%s): control character U+%04X", l, id, name, r)
					case unicode.Is(unicode.Cf, r) && r != '\u200C':
						// ZWNJ (U+200C) is part of Persian spelling; no
						// other format character belongs in a message.
						t.Errorf("%s %s (%s): format character U+%04X", l, id, name, r)
					}
				}
				if strings.TrimSpace(s) == "" {
					t.Errorf("%s %s (%s): empty message", l, id, name)
				}
			}
		}
	}
}

func TestTFallsBack(t *testing.T) {
	c := New(AR, ArabicIndic)
	delete(c.own.text, MsgUndone)
	delete(c.own.plural, MsgMarkedRead)
	tests := []struct {
		id   MsgID
		args []any
		want string
	}{
		{MsgUndone, nil, "Undone"},
		{MsgMarkedRead, []any{1}, "Marked ١ headline read — u undoes"},
		{MsgMarkedRead, []any{3}, "Marked ٣ headlines read — u undoes"},
		{MsgID("no_such_message"), nil, "no_such_message"},
		{MsgID("no_such_message"), []any{3}, "no_such_message"},
		{MsgAll, nil, "الكل"},
	}
	for _, tt := range tests {
		if got := c.T(tt.id, tt.args...); got != tt.want {
			t.Errorf("T(%s, %v) = %q, want %q", tt.id, tt.args, got, tt.want)
		}
	}
}

// A translation is written in its own script, and Persian and Arabic keep
// their own letters apart: Persian ی and ک, Arabic ي and ك look alike but
// search, shaping and fonts tell them apart.
func TestTranslationsUseTheirScript(t *testing.T) {
	tests := []struct {
		lang      Lang
		script    *unicode.RangeTable
		forbidden string
	}{
		{AR, unicode.Arabic, "یکۀ"},
		{FA, unicode.Arabic, "يكة"},
		{HE, unicode.Hebrew, ""},
	}
	for _, tt := range tests {
		m := messagesOf(tt.lang)
		for _, id := range declaredIDs(t) {
			for name, s := range m.forms(id) {
				if !strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(tt.script, r) }) {
					t.Errorf("%s %s (%s) %q: no letter of the language's script; still English?", tt.lang, id, name, s)
				}
				if i := strings.IndexAny(s, tt.forbidden); tt.forbidden != "" && i >= 0 {
					t.Errorf("%s %s (%s) %q: letter %q belongs to the other language", tt.lang, id, name, s, []rune(s[i:])[0])
				}
			}
		}
	}
}
