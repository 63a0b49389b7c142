package cache

import (
	"strings"
	"unicode"
)

// Stop words: the commonest function words of the languages akhbar reads,
// which say nothing about what a story is about. Written in any form:
// stopWords normalises them.
const (
	stopArabic = `في من على إلى الى عن مع هذا هذه ذلك تلك التي الذي الذين اللذين كان كانت
		يكون تكون قد لقد لم لن لا ما ماذا هل إن أن ان او أو ثم بل حتى إذا اذا كل بعض غير بين
		عند منذ خلال بعد قبل حول ضد عبر نحو لدى لكن وقد وفي ومن وعلى والتي وهو وهي هو هي هم
		نحن أنا انت هناك هنا أيضا ايضا فيه فيها منه منها عليه عليها إليه به بها له لها لهم كما
		وكان وقال قال قالت يوم اليوم أمس امس العام عام وأن وإن الى وذلك ولا أكثر اكثر أول اول`
	stopPersian = `و در به از که این آن را با است برای تا هم یا اما اگر نیز شد شده ` + "می\u200cشود" + ` شود
		بود کرد کرده کند کنند خود ما شما آنها ایشان او من تو هر همه یک دیگر بر پس چه چرا
		وی دارد دارند داشت باید خواهد گفت گفته روز امروز سال پیش پس بین`
	stopHebrew = `של את על עם אל זה זו זאת הוא היא הם הן אני אתה אנחנו לא כי אם או גם רק כל
		יש אין היה היתה היו יהיה אשר מה מי למה כמו אחרי לפני בין עד כדי אבל לכן שלא וגם
		הזה הזאת היום אתמול שנה אמר אמרה`
	stopEnglish = `a an the and or but if then else of in on at to for from by with without
		about into over under after before between during is are was were be been being
		has have had do does did will would shall should can could may might must not no
		this that these those it its he she they them his her their we our you your i me
		my as so than too very also just more most other some such only own same said says
		new one two year years today yesterday who whom which what when where why how all`
)

// stopWords returns the set of normalised stop words.
func stopWords() map[string]bool {
	set := map[string]bool{}
	for _, list := range []string{stopArabic, stopPersian, stopHebrew, stopEnglish} {
		for _, w := range tokens(Normalize(list)) {
			set[w] = true
		}
	}
	return set
}

// minTermRunes is the shortest word that Related considers a key term.
const minTermRunes = 3

// keyTerms returns the distinct normalised words of text that may say
// what it is about: no stop words, no short words, no bare numbers.
func keyTerms(text string, stop map[string]bool) []string {
	seen := map[string]bool{}
	var out []string
	for _, w := range tokens(Normalize(text)) {
		if seen[w] || stop[w] || len([]rune(w)) < minTermRunes || isNumber(w) {
			continue
		}
		seen[w] = true
		out = append(out, w)
	}
	return out
}

func isNumber(w string) bool {
	return strings.IndexFunc(w, func(r rune) bool { return !unicode.IsDigit(r) }) < 0
}
