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

// ToUTF8 decodes body to UTF-8 using, in order: the charset of the
// Content-Type header, a byte order mark, the XML declaration or an HTML
// <meta> charset, else UTF-8. Bytes that do not decode become U+FFFD; it
// never fails on content. A leading BOM is dropped.
func ToUTF8(body []byte, contentType string) []byte {
	if enc := detect(body, contentType); enc != nil {
		// x/text decoders replace bad bytes rather than fail; should one
		// ever fail, the raw bytes are kept and made valid below.
		if out, err := enc.NewDecoder().Bytes(body); err == nil {
			body = out
		}
	}
	body = bytes.TrimPrefix(body, []byte("\uFEFF"))
	return validUTF8(body)
}

// detect picks the encoding of body, or nil for UTF-8.
func detect(body []byte, contentType string) encoding.Encoding {
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		if e, _ := charset.Lookup(params["charset"]); e != nil {
			return e
		}
	}
	switch {
	case bytes.HasPrefix(body, []byte{0xEF, 0xBB, 0xBF}):
		return nil
	case bytes.HasPrefix(body, []byte{0xFE, 0xFF}):
		return unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)
	case bytes.HasPrefix(body, []byte{0xFF, 0xFE}):
		return unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)
	}
	head := body[:min(len(body), 1024)]
	if m := xmlEncoding.FindSubmatch(head); m != nil {
		if e, _ := charset.Lookup(string(m[1])); e != nil {
			return e
		}
	}
	// The HTML <meta> prescan. DetermineEncoding guesses windows-1252
	// when it finds no declaration; we want UTF-8 then.
	if !bytes.Contains(bytes.ToLower(head), []byte("charset")) {
		return nil
	}
	e, name, _ := charset.DetermineEncoding(head, "")
	if name == "utf-8" || (name == "windows-1252" && utf8.Valid(body)) {
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
