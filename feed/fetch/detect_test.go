package fetch

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// Samples written for these tests.
const (
	sampleArabic = "أعلنت وزارة الصحة أن حملة التطعيم ستبدأ صباح الأحد في جميع المحافظات، " +
		"وقال المتحدث باسمها إن الفرق الطبية جاهزة لاستقبال الأطفال في المراكز القريبة من منازلهم."
	// Persian as legacy Windows pages hold it: Arabic yeh for ی.
	samplePersian = "شهرداري تهران اعلام کرد که ساخت پل تازه روي رودخانه تا پايان تابستان " +
		"به پايان مي\u200cرسد و گذرگاه\u200cهاي قديمي چند هفته بسته خواهند بود."
	sampleHebrew = "משרד הבריאות הודיע כי מבצע החיסונים יתחיל ביום ראשון בבוקר בכל הערים, " +
		"והצוותים הרפואיים מוכנים לקבל את הילדים במרפאות הקרובות לבתיהם."
)

func TestDetectLegacy(t *testing.T) {
	tests := []struct {
		name, text string
		page       *charmap.Charmap
		want       string
	}{
		{"arabic windows-1256", sampleArabic, charmap.Windows1256, "windows-1256"},
		{"arabic iso-8859-6", strings.ReplaceAll(sampleArabic, "أ", "ا"), charmap.ISO8859_6, "iso-8859-6"},
		{"persian windows-1256", samplePersian, charmap.Windows1256, "windows-1256"},
		{"hebrew windows-1255", sampleHebrew, charmap.Windows1255, "windows-1255"},
		{"hebrew iso-8859-8", sampleHebrew, charmap.ISO8859_8, "windows-1255"}, // same letters: the superset is used
		{"short arabic title", "<title>الكرملين يعلن موعد القمة</title>", charmap.Windows1256, "windows-1256"},
	}
	for _, tt := range tests {
		text := tt.text
		if tt.page == charmap.ISO8859_6 {
			text = strings.ReplaceAll(text, "\u200c", "") // no ZWNJ in ISO-8859-6
		}
		b, err := tt.page.NewEncoder().Bytes([]byte(text))
		if err != nil {
			t.Fatalf("%s: encode: %v", tt.name, err)
		}
		enc, name := DetectLegacy(b)
		if name != tt.want {
			t.Errorf("%s: DetectLegacy = %q, want %q", tt.name, name, tt.want)
			continue
		}
		out, err := enc.NewDecoder().Bytes(b)
		if err != nil || string(out) != text {
			t.Errorf("%s: decoded %q, %v; want the text back", tt.name, out, err)
		}
	}
	latin, err := charmap.Windows1252.NewEncoder().Bytes([]byte("Les élèves ont reçu leurs résultats à la fin de l'été, après une très longue attente."))
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range map[string][]byte{"french": latin, "ascii": []byte("plain text only"), "few bytes": {'a', 0xC7, 0xE1}} {
		if _, got := DetectLegacy(b); got != "" {
			t.Errorf("%s: DetectLegacy = %q, want no guess", name, got)
		}
	}
}

func TestDecodeReportsCharset(t *testing.T) {
	cp := encode1256(t, "<rss><channel><title>"+sampleArabic+"</title></channel></rss>")
	tests := []struct {
		name, contentType string
		body              []byte
		want              Charset
	}{
		{"detected", "application/rss+xml", cp, Charset{Name: "windows-1256"}},
		{"declared in the header", "text/xml; charset=windows-1256", cp, Charset{Name: "windows-1256", Declared: true}},
		{"utf-8", "text/xml", []byte(sampleArabic), Charset{Name: "utf-8"}},
		{"declared utf-8, invalid", "text/xml; charset=utf-8", cp, Charset{Name: "utf-8", Declared: true, Lossy: true}},
		{"nothing fits", "", []byte("a\xffb"), Charset{Name: "utf-8", Lossy: true}},
	}
	for _, tt := range tests {
		out, cs := Decode(tt.body, tt.contentType)
		if cs != tt.want {
			t.Errorf("%s: charset %+v, want %+v", tt.name, cs, tt.want)
		}
		if tt.want.Name == "windows-1256" && !strings.Contains(string(out), sampleArabic) {
			t.Errorf("%s: decoded %q", tt.name, out)
		}
	}
}
