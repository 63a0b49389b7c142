package fetch

import (
	"bytes"
	"testing"

	"github.com/akhbar/akhbar/feed/feedtest"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
)

const arabic = "الأخبار العاجلة: 3 مصابين في «حادث» السير"

func encode1256(t testing.TB, s string) []byte {
	b, err := charmap.Windows1256.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestToUTF8(t *testing.T) {
	cp := encode1256(t, arabic)
	utf16le, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(arabic))
	if err != nil {
		t.Fatal(err)
	}
	xmlDecl := func(enc string, body []byte) []byte {
		return append([]byte(`<?xml version="1.0" encoding="`+enc+`"?><t>`), append(body, "</t>"...)...)
	}
	tests := []struct {
		name, contentType string
		body              []byte
		want              string
	}{
		{"header charset only", "text/xml; charset=windows-1256", cp, arabic},
		{"header charset, quoted", `text/html; charset="Windows-1256"`, cp, arabic},
		{"utf-8 plain", "text/xml", []byte(arabic), arabic},
		{"utf-8 bom dropped", "", append([]byte("\xEF\xBB\xBF"), arabic...), arabic},
		{"utf-16le bom", "application/xml", utf16le, arabic},
		{"xml declaration", "application/rss+xml", xmlDecl("windows-1256", cp), string(xmlDecl("windows-1256", []byte(arabic)))},
		{"header beats declaration", "text/xml; charset=utf-8", xmlDecl("windows-1256", []byte(arabic)), string(xmlDecl("windows-1256", []byte(arabic)))},
		{"html meta", "text/html", append([]byte(`<meta charset="windows-1256"><p>`), cp...), `<meta charset="windows-1256"><p>` + arabic},
		{"html http-equiv", "", append([]byte(`<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">`), cp...), `<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">` + arabic},
		{"invalid utf-8 kept as U+FFFD", "", []byte("a\xffb\xc3"), "a\uFFFDb\uFFFD"},
		{"unknown charset label", "text/xml; charset=x-nonsense", []byte(arabic), arabic},
		{"empty", "text/xml", nil, ""},
	}
	for _, tt := range tests {
		if got := string(ToUTF8(tt.body, tt.contentType)); got != tt.want {
			t.Errorf("%s: ToUTF8 = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestFetchWindows1256(t *testing.T) {
	s := feedtest.NewServer(t)
	body := append([]byte("<rss><channel><title>"), encode1256(t, arabic)...)
	s.Handle("/ar", feedtest.Route{Body: body, ContentType: "application/rss+xml; charset=windows-1256"})
	resp, err := get(local(Options{}), s.URL("/ar"))
	if err != nil {
		t.Fatal(err)
	}
	got := ToUTF8(resp.Body, resp.ContentType)
	if want := "<rss><channel><title>" + arabic; !bytes.Equal(got, []byte(want)) {
		t.Errorf("decoded %q, want %q", got, want)
	}
}
