package fetch

import (
	"bytes"
	"mime"
	"regexp"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/unicode"
)

// Charset says how a document's bytes were decoded to text.
type Charset struct {
	Name     string // the WHATWG name of the encoding used, e.g. "windows-1256"
	Declared bool   // named by the header, a byte order mark or the document
	Lossy    bool   // some bytes did not decode and became U+FFFD
}

// ToUTF8 decodes body to UTF-8 (see Decode).
func ToUTF8(body []byte, contentType string) []byte {
	out, _ := Decode(body, contentType)
	return out
}

// Decode decodes body to UTF-8 using, in order: the charset of the
// Content-Type header, a byte order mark, the XML declaration or an HTML
// <meta> charset; else UTF-8 when body is valid UTF-8; else the Arabic or
// Hebrew code page its bytes look like (DetectLegacy). Bytes that do not
// decode become U+FFFD; it never fails on content. A leading BOM is
// dropped. It reports the charset used.
func Decode(body []byte, contentType string) ([]byte, Charset) {
	enc, cs := declared(body, contentType)
	if enc == nil && !cs.Declared && !utf8.Valid(body) {
		if e, name := DetectLegacy(body); e != nil {
			enc, cs = e, Charset{Name: name}
		}
	}
	if enc != nil {
		// x/text decoders replace bad bytes rather than fail; should one
		// ever fail, the raw bytes are kept and made valid below.
		if out, err := enc.NewDecoder().Bytes(body); err == nil {
			body = out
		}
	}
	body = bytes.TrimPrefix(body, []byte("\uFEFF"))
	cs.Lossy = !utf8.Valid(body) || enc != nil && bytes.ContainsRune(body, utf8.RuneError)
	return validUTF8(body), cs
}

// declared picks the encoding that body or its header names, or nil for
// UTF-8 (declared or not).
func declared(body []byte, contentType string) (encoding.Encoding, Charset) {
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		if e, name := charset.Lookup(params["charset"]); e != nil {
			return utf8Nil(e, name), Charset{Name: name, Declared: true}
		}
	}
	switch {
	case bytes.HasPrefix(body, []byte{0xEF, 0xBB, 0xBF}):
		return nil, Charset{Name: "utf-8", Declared: true}
	case bytes.HasPrefix(body, []byte{0xFE, 0xFF}):
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM), Charset{Name: "utf-16be", Declared: true}
	case bytes.HasPrefix(body, []byte{0xFF, 0xFE}):
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM), Charset{Name: "utf-16le", Declared: true}
	}
	head := body[:min(len(body), 1024)]
	if m := xmlEncoding.FindSubmatch(head); m != nil {
		if e, name := charset.Lookup(string(m[1])); e != nil {
			return utf8Nil(e, name), Charset{Name: name, Declared: true}
		}
	}
	// The HTML <meta> prescan, on a copy whose other bytes are ASCII: so
	// DetermineEncoding falls back to UTF-8 (not windows-1252) when it
	// finds no declaration.
	lower := bytes.ToLower(head)
	if !bytes.Contains(lower, []byte("charset")) {
		return nil, Charset{Name: "utf-8"}
	}
	ascii := bytes.Map(func(r rune) rune {
		if r >= utf8.RuneSelf || r == utf8.RuneError {
			return 'x'
		}
		return r
	}, head)
	e, name, _ := charset.DetermineEncoding(ascii, "")
	if name == "utf-8" {
		utf8Meta := bytes.Contains(lower, []byte("utf-8")) || bytes.Contains(lower, []byte("utf8"))
		return nil, Charset{Name: name, Declared: utf8Meta}
	}
	return e, Charset{Name: name, Declared: true}
}

// utf8Nil returns nil for UTF-8 (no decoding needed), else e.
func utf8Nil(e encoding.Encoding, name string) encoding.Encoding {
	if name == "utf-8" {
		return nil
	}
	return e
}

// xmlEncoding finds the encoding of an XML declaration.
var xmlEncoding = regexp.MustCompile(`^\s*<\?xml[^>]*?\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']`)

// validUTF8 replaces every byte that is not part of valid UTF-8 with
// U+FFFD.
func validUTF8(b []byte) []byte {
	if utf8.Valid(b) {
		return b
	}
	out := make([]byte, 0, len(b)+16)
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if r == utf8.RuneError && n == 1 {
			out = utf8.AppendRune(out, utf8.RuneError)
		} else {
			out = append(out, b[:n]...)
		}
		b = b[n:]
	}
	return out
}
