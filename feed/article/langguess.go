package article

import (
	"strings"
	"sync"
	"unicode"

	"github.com/akhbar/akhbar/feed"
)

// guessLang names the language of text from its letters: by script for
// the scripts one language (or a clear few) writes, by the short words
// every sentence uses for languages in the Latin script. sure is set when
// the text says it clearly: enough letters of the script, and for Latin
// text many more common words of one language than of any other.
func guessLang(text string) (lang string, sure bool) {
	c := countScripts(text)
	if l := c.lang(); l != "" {
		return l, true
	}
	total := c.total()
	if total < 20 {
		return "", false
	}
	if l := c.otherScriptLang(text); l != "" {
		return l, true
	}
	if c.latin*2 < total {
		return "", false
	}
	return latinLang(text)
}

// otherScriptLang names the language of text written mostly in a script
// other than Latin, Arabic and Hebrew, or "".
func (c scriptCounts) otherScriptLang(text string) string {
	half := c.total() / 2
	switch {
	case c.hangul > half:
		return "ko"
	case c.kana+c.han > half && c.kana*10 > c.han:
		return "ja"
	case c.han > half:
		return "zh"
	case c.cyrillic > half:
		return cyrillicLang(text)
	case c.greek > half:
		return "el"
	case c.thai > half:
		return "th"
	case c.devanagari > half:
		return "hi"
	case c.bengali > half:
		return "bn"
	case c.tamil > half:
		return "ta"
	case c.georgian > half:
		return "ka"
	case c.armenian > half:
		return "hy"
	}
	return ""
}

// cyrillicLang tells the main languages written in Cyrillic apart by the
// letters only one of them uses.
func cyrillicLang(text string) string {
	count := func(letters string) int {
		n := 0
		for _, r := range strings.ToLower(text) {
			if strings.ContainsRune(letters, r) {
				n++
			}
		}
		return n
	}
	switch ukr, rus, srb := count("іїєґ"), count("ыэъё"), count("ђћџљњј"); {
	case srb > 3 && srb > rus:
		return "sr"
	case ukr > 3 && ukr > rus:
		return "uk"
	case count("ъ") > 3 && count("ыэ") == 0:
		return "bg"
	}
	return "ru"
}

// latinLang scores Latin-script text against the common words of each
// language it knows and returns the best when it wins clearly.
func latinLang(text string) (string, bool) {
	words := commonWords()
	score := map[string]int{}
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) }) {
		for _, l := range words[w] {
			score[l]++
		}
	}
	best, second := "", ""
	for l, n := range score {
		switch {
		case n > score[best] || n == score[best] && l < best:
			best, second = l, best
		case n > score[second] || n == score[second] && l < second:
			second = l
		}
	}
	if score[best] < 8 {
		return "", false
	}
	return best, score[best]*10 >= score[second]*13 || sameFamily(best, second)
}

// languageFamilies groups languages whose common words overlap so much
// that the words cannot tell them apart reliably. Read-only.
var languageFamilies = [][]string{{"da", "nb", "no", "nn"}, {"id", "ms"}, {"cs", "sk"}, {"hr", "sr", "bs"}}

// sameFamily reports whether two languages are close relatives (see
// languageFamilies), or the same.
func sameFamily(a, b string) bool {
	if a == b {
		return true
	}
	for _, f := range languageFamilies {
		if strings.Contains(" "+strings.Join(f, " ")+" ", " "+a+" ") && strings.Contains(" "+strings.Join(f, " ")+" ", " "+b+" ") {
			return true
		}
	}
	return false
}

// contradicts reports whether a declared language is clearly wrong for
// text that guessLang named guess (sure): a language of another script,
// or another Latin-script language the common words tell apart. A
// declared language the guesser does not know is never contradicted by
// the words.
func contradicts(declared, guess string, sure bool) bool {
	if guess == "" || !sure || sameFamily(declared, guess) {
		return false
	}
	ds, gs := scriptOf(declared), scriptOf(guess)
	if ds != "" && gs != "" && ds != gs {
		return true
	}
	_, known := commonWordsRaw[declared]
	return ds == "latin" && gs == "latin" && known
}

// scriptOf names the script a language is written in, "" when unknown.
func scriptOf(lang string) string {
	switch {
	case lang == "":
		return ""
	case feed.IsRTLLang(lang):
		return "rtl"
	case strings.Contains(" ru uk bg sr mk be kk ", " "+lang+" "):
		return "cyrillic"
	case strings.Contains(" zh ja ko el th hi bn ta ka hy ", " "+lang+" "):
		return lang
	}
	if _, ok := commonWordsRaw[lang]; ok {
		return "latin"
	}
	return ""
}

// commonWordsRaw lists, per language, short words that make up much of
// any running text in it. Read-only.
var commonWordsRaw = map[string]string{
	"en": "the and of to in is that for it was with on as he she said by at from his her have are be this which has were but not they an who been their will would",
	"de": "der die und das ist nicht mit den sich des auf für ein eine dem auch es sie wird von im zu bei nach wie aus einer sind hat wurde oder werden dass noch",
	"fr": "le la les des et est une un du dans que qui pour pas sur au avec par il ce sont aux ont elle été mais plus son ses cette",
	"es": "el la los las de que y en del se por un una con para es al lo como más pero sus fue ha este esta también han",
	"it": "il di che è e la per un una del della non sono con le gli dei nel nella si da anche ha al alla come più questo",
	"pt": "o a os as de que e do da dos das em no na um uma para com não por se mais foi ao pelo pela é são também",
	"nl": "de het een en van is dat op niet zijn met voor ook maar aan er die te naar bij wordt door heeft werd nog hij ze",
	"sv": "och att det som en är på för med den av till inte har om ett var men från de jag kan sig också efter vid eller",
	"da": "og at det er en til på de med for af ikke der som har den et var men fra også om kan efter blev sig jeg hvor",
	"nb": "og i det er som på en til av for med ikke har de den et var men fra også om kan etter ble seg jeg hvor skal",
	"fi": "ja on ei se että oli ovat mutta hän kun tai myös joka jos sen mukaan vain niin ole jo nyt kuin tämä",
	"pl": "i w na z się nie do że to jest o jak po dla od przez są ale jego czy który była został jej tym także",
	"cs": "a v se na je že s z do o to k by jsou ale jak po pro který byl jeho také od ve za není bylo už",
	"tr": "ve bir bu da de için ile olarak daha çok gibi ama olan en sonra kadar ise değil her ne o olduğunu dedi",
	"id": "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke ada oleh karena bahwa mereka sudah telah saat atau",
	"ro": "și în de la cu că pe a nu din o un este mai care pentru au fost ce sunt sau dar lui își",
	"hu": "a az és hogy nem is egy meg de van volt csak már még mint el ki azt ez vagy után pedig",
	"vi": "và của là có các được trong cho không những người một với đã này khi để từ đến năm cũng tại",
	"lt": "ir kad yra į su bet jo tai o iš buvo nuo apie kaip jau dar už tik ar nes",
	"zu": "ukuthi futhi kodwa kanye ngoba uma kakhulu lokhu ngokusho kusho abantu ukuze wathi noma kwathi kanti",
}

// commonWords maps each common word to the languages that use it, built
// once on first use. Read-only.
var commonWords = sync.OnceValue(func() map[string][]string {
	m := map[string][]string{}
	for lang, words := range commonWordsRaw {
		for _, w := range strings.Fields(words) {
			m[w] = append(m[w], lang)
		}
	}
	return m
})
