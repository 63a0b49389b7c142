package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/akhbar/akhbar/render"
)

// laidOut is text that render has sanitised and laid out for this
// output (see field): printf writes it as it is, isolates included.
type laidOut string

// printf writes text for a person to stdout. Every argument but laidOut
// text passes the sanitiser: much of it (titles, URLs, errors) came from
// the network. The format is the program's own.
func (a *app) printf(format string, args ...any) {
	for i, v := range args {
		switch v := v.(type) {
		case laidOut:
			args[i] = string(v)
		case string:
			args[i] = render.Sanitize(v)
		case error:
			args[i] = render.Sanitize(v.Error())
		case fmt.Stringer:
			args[i] = render.Sanitize(v.String())
		} // numbers and the like print nothing but digits
	}
	fmt.Fprintf(a.stdout, format, args...)
}

// clean makes one untrusted string safe for one line of output.
func (a *app) clean(s string) string { return render.SanitizeLine(s) }

// writeJSON prints v as one JSON document. Control characters that JSON
// would pass through raw (C1 controls, bidi overrides, line separators)
// are written as \u escapes, so the document is safe to print to a
// terminal and still carries the original text.
func (a *app) writeJSON(v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("encode json: %w", err)
	}
	if _, err := a.stdout.Write(escapeUnsafe(buf.Bytes())); err != nil {
		return fmt.Errorf("write json: %w", err)
	}
	return nil
}

// escapeUnsafe rewrites runes a terminal might act on (render's
// IsTerminalControl: DEL, C1, bidi controls and marks, invisible
// characters) as JSON \u escapes.
// It is only applied to encoder output, where such runes can only occur
// inside strings.
func escapeUnsafe(b []byte) []byte {
	var out bytes.Buffer
	out.Grow(len(b))
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if render.IsTerminalControl(r) {
			fmt.Fprintf(&out, `\u%04x`, r)
		} else {
			out.Write(b[:size])
		}
		b = b[size:]
	}
	return out.Bytes()
}

// writeXML prints the XML document write produces, with the runes a
// terminal might act on written as character references (&#x202e;), so
// the document is as safe to print as writeJSON's and means the same.
func (a *app) writeXML(write func(io.Writer) error) error {
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return err
	}
	var out bytes.Buffer
	out.Grow(buf.Len())
	for b := buf.Bytes(); len(b) > 0; {
		r, size := utf8.DecodeRune(b)
		if render.IsTerminalControl(r) {
			fmt.Fprintf(&out, "&#x%x;", r)
		} else {
			out.Write(b[:size])
		}
		b = b[size:]
	}
	if _, err := a.stdout.Write(out.Bytes()); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	return nil
}

// nonNil turns a nil slice into an empty one so JSON prints [] not null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
