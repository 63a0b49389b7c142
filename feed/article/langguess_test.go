package article

import (
	"strings"
	"testing"

	"github.com/akhbar/akhbar/feed"
)

// langPage is a small article page with a lang attribute (none when
// lang is "") and body text.
func langPage(lang, text string) []byte {
	attr := ""
	if lang != "" {
		attr = ` lang="` + lang + `"`
	}
	return []byte(`<!DOCTYPE html><html` + attr + `><head><meta charset="utf-8"><title>t</title></head><body><article><h1>…</h1><p>` +
		text + `</p><p>` + text + `</p></article></body></html>`)
}

// TestLanguageFromText checks that a page without a lang attribute gets
// its language (and direction) from its text, that a lang attribute the
// text clearly contradicts gives way, and that one it does not (a close
// relative, a language the guesser does not know) stays.
func TestLanguageFromText(t *testing.T) {
	const (
		de = "Die Stadt hat am Montag die neue Brücke über den Fluss eröffnet. Sie wurde in nur zwei Jahren gebaut, und die Kosten sind nicht höher als geplant, sagte der Bürgermeister bei der Feier mit den Anwohnern."
		fr = "La ville a inauguré lundi le nouveau pont sur le fleuve. Il a été construit en deux ans et les travaux ont coûté moins que prévu, selon le maire qui était présent avec les habitants du quartier."
		en = "The city opened the new bridge over the river on Monday. It was built in only two years, and the cost has not been higher than planned, the mayor said at a party with the people who live nearby."
		ru = "В понедельник город открыл новый мост через реку. Его построили всего за два года, и стоимость работ не превысила план, сказал мэр на празднике вместе с жителями района."
		ja = "市は月曜日、川に架かる新しい橋を開通させた。工事はわずか二年で終わり、費用も予定を超えなかったと市長は住民との式典で話した。"
		nb = "Byen åpnet mandag den nye brua over elva. Den ble bygd på bare to år, og det kostet ikke mer enn planlagt, sa ordføreren til dem som var med på festen."
		ca = "La ciutat va inaugurar dilluns el nou pont sobre el riu. Es va construir en només dos anys i les obres no han costat més del previst, segons l'alcalde."
		ar = "افتتحت المدينة يوم الاثنين الجسر الجديد فوق النهر بعد عامين فقط من العمل، وقال رئيس البلدية إن التكلفة لم تتجاوز المخطط له."
	)
	tests := []struct {
		name, attr, text, lang string
		dir                    feed.Dir
	}{
		{"German without lang", "", de, "de", feed.DirLTR},
		{"French without lang", "", fr, "fr", feed.DirLTR},
		{"English without lang", "", en, "en", feed.DirLTR},
		{"Russian without lang", "", ru, "ru", feed.DirLTR},
		{"Japanese without lang", "", ja, "ja", feed.DirLTR},
		{"German marked English", "en", de, "de", feed.DirLTR},
		{"English marked German", "de-DE", en, "en", feed.DirLTR},
		{"Russian marked English", "en", ru, "ru", feed.DirLTR},
		{"Arabic marked English", "en", ar, "ar", feed.DirRTL},
		{"Norwegian marked nb stays", "nb", nb, "nb", feed.DirLTR},
		{"Catalan marked ca stays", "ca", ca, "ca", feed.DirLTR},
		{"English marked en stays", "en-GB", en, "en", feed.DirLTR},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := Extract("https://news.example.org/2024/05/04/bridge", langPage(tt.attr, tt.text), "text/html; charset=utf-8")
			if err != nil {
				t.Fatal(err)
			}
			if a.Lang != tt.lang || a.Dir != tt.dir {
				t.Errorf("lang %q dir %q, want %q %q", a.Lang, a.Dir, tt.lang, tt.dir)
			}
		})
	}
}

// TestGuessLangUnsure checks that short or mixed Latin text names no
// language rather than a wrong one.
func TestGuessLangUnsure(t *testing.T) {
	for _, text := range []string{"Brücke", "OK 2024", strings.Repeat("Lorem ipsum dolor sit amet ", 5)} {
		if l, sure := guessLang(text); l != "" && sure {
			t.Errorf("guessLang(%q) = %q sure, want no sure guess", text, l)
		}
	}
}
