package article

import (
	"strings"
	"sync"
	"unicode"
)

// norm folds text for matching labels and markers: lower case, one space
// between words, Arabic-script letter variants unified (أ إ آ ٱ → ا,
// ى → ي, ی → ي, ک → ك, ة → ه), harakat and tatweel dropped, and
// punctuation at either end (colons, bullets, arrows) trimmed.
func norm(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case r == 'أ' || r == 'إ' || r == 'آ' || r == 'ٱ':
			r = 'ا'
		case r == 'ى' || r == 'ی':
			r = 'ي'
		case r == 'ک':
			r = 'ك'
		case r == 'ة':
			r = 'ه'
		case r == 'ـ' || r >= 0x064B && r <= 0x065F || r == 0x0670:
			continue
		case unicode.IsSpace(r) || r == 0x200C || r == 0x00A0:
			space = b.Len() > 0
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return strings.TrimFunc(b.String(), func(r rune) bool {
		return unicode.IsPunct(r) || unicode.IsSymbol(r) || unicode.IsSpace(r)
	})
}

// phraseTables holds the phrase lists below folded by norm. They are
// built on first use, not at start-up (most commands never extract an
// article), and are read-only.
type phraseTables struct {
	relatedLabels, adMarkers, widgetMarkers, prevNextLabels, promoPhrases, sourcePrefixes []string
	listLabels, genericTitles                                                             []string
}

// phrases returns the folded phrase tables, building them once.
var phrases = sync.OnceValue(func() phraseTables {
	return phraseTables{
		relatedLabels:  foldAll(relatedLabelsRaw...),
		adMarkers:      foldAll(adMarkersRaw...),
		widgetMarkers:  foldAll(widgetMarkersRaw...),
		prevNextLabels: foldAll(prevNextLabelsRaw...),
		promoPhrases:   foldAll(promoPhrasesRaw...),
		sourcePrefixes: foldAll(sourcePrefixesRaw...),
		listLabels:     foldAll(listLabelsRaw...),
		genericTitles:  foldAll(genericTitlesRaw...),
	}
})

// foldAll applies norm to every phrase.
func foldAll(list ...string) []string {
	out := make([]string, len(list))
	for i, p := range list {
		out[i] = norm(p)
	}
	return out
}

// relatedLabelsRaw head blocks of links to other stories.
var relatedLabelsRaw = []string{
	"related", "related stories", "related articles", "related news", "read more",
	"read also", "also read", "more on this", "more on this story", "you might also like",
	"you may also like", "see also", "اقرأ أيضا", "اقرأ أيضاً", "اقرأ ايضا", "إقرأ أيضا",
	"مواضيع إضافية", "مقالات ذات صلة", "ذات صلة", "أخبار متعلقة", "موضوعات متعلقة",
	"بیشتر بخوانید", "مطالب مرتبط", "بخوانید", "כתבות נוספות", "קראו עוד", "קראו גם",
	"lire aussi", "à lire aussi", "sur le même sujet", "mehr zum thema", "leer más",
	"lee también", "leia também",
}

// listLabelsRaw head lists of the newest or most read stories of a site:
// not related to the article unless the page says so.
var listLabelsRaw = []string{
	"latest", "latest news", "latest stories", "latest articles", "most read", "most popular",
	"popular", "trending", "most viewed", "most shared", "top stories", "just in", "breaking",
	"الأكثر قراءة", "الأكثر مشاهدة", "الأحدث", "آخر الأخبار", "أحدث الأخبار", "الأكثر تداولا",
	"پربازدیدترین", "پربازدید", "آخرین اخبار", "تازه ترین", "הנקראים ביותר", "הכי נקראים",
	"מבזקים", "חדשות אחרונות", "meistgelesen", "neueste", "neueste artikel", "les plus lus",
	"à la une", "dernières infos", "lo más leído", "últimas noticias", "mais lidas",
}

// genericTitlesRaw are anchor texts that name an action, not a story:
// a related link needs the story's own title.
var genericTitlesRaw = []string{
	"read more", "more", "read", "continue reading", "read the story", "read full story",
	"full story", "play video", "watch video", "watch", "video", "listen", "photos", "gallery",
	"click here", "here", "link", "اقرأ المزيد", "المزيد", "التفاصيل", "شاهد", "بیشتر",
	"ادامه مطلب", "קראו עוד", "עוד", "lire la suite", "weiterlesen", "mehr", "leer más", "ver más",
}

// adMarkersRaw are the whole text of advertisement labels.
var adMarkersRaw = []string{
	"اعلان", "إعلان", "إعلانات", "advertisement", "advertising", "ad", "ads",
	"anzeige", "werbung", "publicité", "publicidad", "פרסומת", "تبلیغات", "آگهی",
	"sponsored", "sponsored content", "محتوى ممول", "مُموَّل", "partner content",
}

// widgetMarkersRaw are the whole text of share, copy, print and comment
// widgets and of other page furniture that shows up as a short line.
var widgetMarkersRaw = []string{
	"شارك هذا المقال", "شارك", "مشاركة", "شارك المقال", "share", "share this article",
	"share this", "share this story", "tweet", "copy link", "copy to clipboard", "copied",
	"link copied", "تم النسخ", "رابط النسخ", "نسخ الرابط", "partager", "partager cet article",
	"teilen", "שתפו", "שתף", "שתפו כתבה", "اشتراک گذاری", "همرسانی", "print", "طباعة",
	"چاپ", "הדפסה", "imprimer", "drucken", "أرسل لصديق", "أضف تعليق", "email", "e-mail",
	"comments", "تعليقات", "التعليقات", "نظرات", "תגובות", "commentaires", "kommentare",
	"listen to this article", "استمع إلى المقال",
}

// prevNextLabelsRaw head previous/next article teasers.
var prevNextLabelsRaw = []string{
	"previous article", "next article", "previous story", "next story", "المقال السابق",
	"المقال التالي", "الخبر السابق", "الخبر التالي", "مطلب قبلی", "مطلب بعدی", "הכתבה הקודמת",
	"הכתבה הבאה", "article précédent", "article suivant", "vorheriger artikel",
	"nächster artikel",
}

// promoPhrasesRaw mark newsletter, app and subscription promos when a short
// block contains them.
var promoPhrasesRaw = []string{
	"newsletter", "sign up for", "subscribe to", "download our app", "download the app",
	"اشترك في النشرة", "النشرة البريدية", "النشرة الإخبارية", "حمل تطبيق", "حمّل تطبيق",
	"تابعونا على", "تابعنا على", "عضویت در خبرنامه", "خبرنامه", "הירשמו לניוזלטר", "ניוזלטר",
	"lettre d'information", "inscrivez-vous", "abonnez-vous", "follow us on",
}

// sourcePrefixesRaw start source lines ("المصدر: وكالات") that close many
// Arabic articles; such short lines are dropped from the body.
var sourcePrefixesRaw = []string{
	"المصدر", "المصادر", "المصادر الإضافية", "مصدر", "منبع", "source", "sources",
	"additional sources", "מקור", "avec agences", "mit agenturen",
}

// bylineLabels start byline lines; the label is stripped from the name.
var bylineLabels = []string{
	"بقلم:", "بقلم", "كتب:", "كتبت:", "كتب", "كتبت", "إعداد:", "تحرير:", "نویسنده:",
	"نوشته:", "מאת:", "מאת", "By:", "By", "Par:", "Par", "Von:", "Von", "Por:", "Por",
}

// equalsAny reports whether the folded text s is one of phrases.
func equalsAny(s string, phrases []string) bool {
	for _, p := range phrases {
		if s == p {
			return true
		}
	}
	return false
}

// hasPhrase reports whether the folded text s contains one of phrases
// as whole words.
func hasPhrase(s string, phrases []string) bool {
	for _, p := range phrases {
		if containsWords(s, p) {
			return true
		}
	}
	return false
}

// startsWithAny reports whether the folded text s starts with one of
// phrases followed by a word boundary.
func startsWithAny(s string, phrases []string) bool {
	for _, p := range phrases {
		if strings.HasPrefix(s, p) && boundary(s, len(p)) {
			return true
		}
	}
	return false
}

// containsWords reports whether phrase occurs in s between word
// boundaries.
func containsWords(s, phrase string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], phrase)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(phrase)
		if (start == 0 || !isWordByte(s, start-1)) && boundary(s, end) {
			return true
		}
		i = start + 1
	}
}

// boundary reports whether position i of s ends a word.
func boundary(s string, i int) bool {
	return i >= len(s) || !isWordByte(s, i)
}

// isWordByte reports whether the rune at or before byte i of s is a
// letter or digit. It looks at the whole rune containing byte i.
func isWordByte(s string, i int) bool {
	for i > 0 && s[i]&0xC0 == 0x80 {
		i--
	}
	r := []rune(s[i:min(len(s), i+4)])
	return len(r) > 0 && (unicode.IsLetter(r[0]) || unicode.IsDigit(r[0]) || unicode.IsMark(r[0]))
}
