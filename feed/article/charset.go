package article

import (
	"bytes"
	"fmt"
	"mime"
	"net/http"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
)

// metaScanLimit is how far into the page decode looks for a <meta>
// charset. Browsers look at 1024 bytes; real pages often put long
// comments or scripts first, so we look further.
const metaScanLimit = 64 << 10

// sniffPage fails when the bytes are clearly not an HTML page: an image,
// a PDF, an archive, or a Content-Type that names such a type.
func sniffPage(body []byte, contentType string) error {
	if mt, _, err := mime.ParseMediaType(contentType); err == nil && !htmlish(mt) {
		return fmt.Errorf("not an article: page is %s", mt)
	}
	sniffed := http.DetectContentType(body)
	if !strings.HasPrefix(sniffed, "text/") {
		mt, _, _ := strings.Cut(sniffed, ";")
		return fmt.Errorf("not an article: page looks like %s", mt)
	}
	return nil
}

// htmlish reports whether a declared media type may hold an HTML page.
// Servers often label pages loosely, so any text type counts.
func htmlish(mt string) bool {
	return strings.HasPrefix(mt, "text/") || strings.Contains(mt, "html") ||
		strings.HasSuffix(mt, "xml") || mt == "application/octet-stream"
}

// Decode returns the page as valid UTF-8 text, decoded exactly as
// Extract decodes it (see decode). Tools that compare extractors use it
// to give each one the same text.
func Decode(body []byte, contentType string) string { return decode(body, contentType) }

// decode turns the page bytes into valid UTF-8. The charset comes from a
// byte order mark, else the Content-Type header, else a <meta> charset in
// the page, else UTF-8. A declared single- or double-byte charset is
// ignored when the bytes are valid UTF-8 with non-ASCII text in them: a
// page that decodes cleanly as UTF-8 is UTF-8 whatever its label says.
func decode(body []byte, contentType string) string {
	enc, name := bomEncoding(body)
	if enc == nil {
		enc, name = headerEncoding(contentType)
	}
	if enc == nil {
		enc, name = metaEncoding(body)
	}
	if enc == nil || name == "utf-8" || looksUTF8(body) {
		return strings.ToValidUTF8(string(bytes.TrimPrefix(body, []byte(utf8BOM))), "\uFFFD")
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		// The decoders of x/text replace bad bytes instead of failing;
		// keep the page readable if one ever does fail.
		return strings.ToValidUTF8(string(body), "\uFFFD")
	}
	return strings.ToValidUTF8(string(out), "\uFFFD")
}

// utf8BOM is the byte order mark of UTF-8.
const utf8BOM = "\xEF\xBB\xBF"

// bomEncoding reads a byte order mark.
func bomEncoding(body []byte) (encoding.Encoding, string) {
	switch {
	case bytes.HasPrefix(body, []byte(utf8BOM)):
		return charset.Lookup("utf-8")
	case bytes.HasPrefix(body, []byte{0xFE, 0xFF}):
		return charset.Lookup("utf-16be")
	case bytes.HasPrefix(body, []byte{0xFF, 0xFE}):
		return charset.Lookup("utf-16le")
	}
	return nil, ""
}

// headerEncoding reads the charset parameter of a Content-Type header.
func headerEncoding(contentType string) (encoding.Encoding, string) {
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil || params["charset"] == "" {
		return nil, ""
	}
	return charset.Lookup(params["charset"])
}

// metaEncoding finds <meta charset> or <meta http-equiv=Content-Type> in
// the first metaScanLimit bytes of the page.
func metaEncoding(body []byte) (encoding.Encoding, string) {
	if len(body) > metaScanLimit {
		body = body[:metaScanLimit]
	}
	z := html.NewTokenizer(bytes.NewReader(body))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return nil, ""
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		if tok.Data == "body" {
			return nil, ""
		}
		if tok.Data != "meta" {
			continue
		}
		if label := metaCharset(tok.Attr); label != "" {
			if enc, name := charset.Lookup(label); enc != nil {
				return enc, name
			}
		}
	}
}

// metaCharset returns the charset label a <meta> element declares, if any.
func metaCharset(attrs []html.Attribute) string {
	var equiv, content string
	for _, a := range attrs {
		switch strings.ToLower(a.Key) {
		case "charset":
			return strings.TrimSpace(a.Val)
		case "http-equiv":
			equiv = strings.ToLower(strings.TrimSpace(a.Val))
		case "content":
			content = a.Val
		}
	}
	if equiv != "content-type" {
		return ""
	}
	_, params, err := mime.ParseMediaType(content)
	if err != nil {
		return ""
	}
	return params["charset"]
}

// looksUTF8 reports whether body is valid UTF-8 with at least one
// multi-byte sequence. A partial rune cut off at the end is forgiven.
func looksUTF8(body []byte) bool {
	for i := len(body) - 1; i >= 0 && i > len(body)-4; i-- {
		if body[i] < 0x80 {
			break
		}
		if utf8.RuneStart(body[i]) {
			body = body[:i]
			break
		}
	}
	hasHigh := bytes.ContainsFunc(body, func(r rune) bool { return r >= 0x80 })
	return hasHigh && utf8.Valid(body)
}
