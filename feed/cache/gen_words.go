package cache

// Vocabulary and sentence templates of the synthetic caches that Generate
// writes, written for this project. Slots in templates: {P} a person,
// {L} a place, {N} and {M} two nouns of the story's section, {C} the
// story's own project name, {V} a verb, {A} an adjective, {D} a number.

// genLang is the vocabulary of one language.
type genLang struct {
	code      string
	first     []string
	last      []string
	places    []string
	sections  []genSection
	verbs     []string
	adjs      []string
	syllables []string // joined to make project names
	titles    []string
	sentences []string
}

// genSection is a news section: its category name and its nouns.
type genSection struct {
	name  string
	nouns []string
}

func genArabic() genLang {
	return genLang{
		code: "ar",
		first: []string{"محمد", "أحمد", "علي", "حسن", "خالد", "عمر", "يوسف", "إبراهيم", "سارة", "فاطمة",
			"مريم", "ليلى", "نور", "سلمى", "هدى", "رنا", "طارق", "سامي", "كريم", "ماجد", "وليد", "ناصر",
			"فيصل", "عادل", "منى", "هالة", "دينا", "ريم", "جمال", "رامي"},
		last: []string{"الخطيب", "العلي", "النجار", "الحداد", "الشامي", "المصري", "العمري", "الزين",
			"القاسم", "السيد", "الحسيني", "البدوي", "الراشد", "المنصور", "الأحمد", "الكبيسي", "الهاشمي",
			"الجبوري", "العطار", "الصباغ", "الخوري", "النعيمي", "الدوسري", "الطائي", "السويدي"},
		places: []string{"القاهرة", "بيروت", "دمشق", "بغداد", "عمّان", "الرياض", "الدوحة", "دبي", "الكويت",
			"المنامة", "مسقط", "تونس", "الجزائر", "الرباط", "طرابلس", "الخرطوم", "صنعاء", "القدس", "غزة",
			"حلب", "الموصل", "البصرة", "جدة", "الإسكندرية", "وهران", "صفاقس", "مراكش", "إربد", "حمص", "نابلس"},
		sections: []genSection{
			{"اقتصاد", []string{"الاقتصاد", "الأسواق", "البورصة", "التضخم", "الاستثمار", "النفط", "الميزانية",
				"الضرائب", "البنك المركزي", "أسعار الفائدة", "الصادرات", "العملة المحلية"}},
			{"سياسة", []string{"الحكومة", "البرلمان", "الانتخابات", "الوزير", "المعارضة", "الدستور", "القمة",
				"المفاوضات", "الاتفاق", "الرئاسة", "الأحزاب"}},
			{"رياضة", []string{"المنتخب", "البطولة", "المباراة", "الدوري", "الملعب", "المدرب", "النادي",
				"الجماهير", "الاتحاد الرياضي"}},
			{"ثقافة", []string{"المهرجان", "الرواية", "المعرض", "المسرح", "السينما", "الشاعر", "دار النشر",
				"الموسيقى", "المتحف"}},
			{"علوم", []string{"الجامعة", "الباحثين", "الدراسة", "التجربة", "الفضاء", "المختبر", "اللقاح",
				"الذكاء الاصطناعي", "المرصد"}},
			{"صحة", []string{"المستشفى", "الأطباء", "المرضى", "الوباء", "العلاج", "الدواء", "وزارة الصحة",
				"التطعيم"}},
			{"بيئة", []string{"المناخ", "الجفاف", "الأمطار", "الطاقة الشمسية", "التلوث", "المياه الجوفية",
				"الغابات", "التصحر"}},
			{"تقنية", []string{"الهواتف الذكية", "الإنترنت", "الشركات الناشئة", "البرمجيات", "الشبكات",
				"البيانات", "الأمن الرقمي", "الحوسبة السحابية"}},
		},
		verbs: []string{"ارتفع", "تراجع", "تحسّن", "تضاعف", "استقر", "انخفض", "تغيّر", "تباطأ"},
		adjs: []string{"ملحوظ", "كبير", "مفاجئ", "تدريجي", "واضح", "محدود", "غير مسبوق", "متوقع",
			"حاد", "طفيف"},
		syllables: []string{"تال", "مير", "سان", "دور", "كاف", "ريم", "نوا", "بلا", "زين", "قمر", "جود",
			"فار", "لين", "سهل", "راس", "نيل", "وفا", "شمس", "بحر", "غيث"},
		titles: []string{
			"{P} يعلن خطة جديدة بشأن {N} في {L}",
			"مشروع {C}: {N} يشهد تحولاً {A} في {L}",
			"{L}: {N} {V} بنسبة {D} في المئة",
			"جدل حول {N} بعد تصريحات {P}",
			"ما الذي يعنيه مشروع {C} لـ{M} في {L}؟",
			"تقرير: {M} و{N} على طاولة البحث في {L}",
		},
		sentences: []string{
			"قال {P} في {L} إن {N} سيشهد تحولاً {A} خلال الأشهر المقبلة.",
			"وأضاف أن {N} و{M} يرتبطان بمشروع {C} الذي أُعلن عنه الأسبوع الماضي.",
			"وأكدت مصادر مطلعة أن {D} في المئة من {N} {V} منذ بداية العام.",
			"ويرى مراقبون أن مشروع {C} قد يغيّر {M} في {L} بشكل {A}.",
			"من جهته، انتقد {P} طريقة التعامل مع {N} وقال إن الوضع يحتاج إلى مراجعة.",
			"وتأتي هذه الخطوة بعد {D} أشهر من النقاش حول {N} و{M}.",
			"وفي {L}، عبّر السكان عن قلقهم من تأثير {N} على حياتهم اليومية.",
			"وكانت {L} قد شهدت تغيّراً {A} في {M} خلال العام الماضي.",
			"وبحسب الأرقام الرسمية، {V} {N} إلى {D} مليون في الربع الأخير.",
			"ودعا {P} إلى حوار واسع يشمل كل المعنيين بـ{M}.",
			"ولم يصدر حتى الآن تعليق رسمي على مشروع {C}.",
			"ويتوقع خبراء أن يبقى {N} في صدارة الاهتمام خلال الفترة المقبلة.",
		},
	}
}

func genEnglish() genLang {
	return genLang{
		code: "en",
		first: []string{"James", "Maria", "David", "Sarah", "Michael", "Laura", "Daniel", "Emma", "Thomas",
			"Olivia", "Peter", "Hannah", "Robert", "Grace", "Samuel", "Alice", "George", "Chloe", "Henry",
			"Ruth", "Martin", "Clara", "Oscar", "Nina", "Victor", "Irene", "Felix", "Julia", "Adam", "Rosa"},
		last: []string{"Walker", "Bennett", "Hughes", "Fischer", "Moreau", "Lindqvist", "Okafor", "Tanaka",
			"Kowalski", "Ferreira", "Novak", "Brennan", "Adeyemi", "Larsen", "Castillo", "Haddad", "Müller",
			"Rossi", "Dubois", "Petrov", "Nakamura", "Silva", "Murphy", "Schmidt", "Andersen"},
		places: []string{"London", "Paris", "Berlin", "Madrid", "Rome", "Vienna", "Prague", "Warsaw", "Oslo",
			"Lisbon", "Dublin", "Athens", "Istanbul", "Cairo", "Nairobi", "Lagos", "Mumbai", "Tokyo",
			"Seoul", "Sydney", "Toronto", "Chicago", "Boston", "Denver", "Lima", "Bogotá", "Santiago",
			"Jakarta", "Manila", "Hanoi"},
		sections: []genSection{
			{"Economy", []string{"the economy", "markets", "the stock exchange", "inflation", "investment",
				"oil prices", "the budget", "taxes", "the central bank", "interest rates", "exports", "the currency"}},
			{"Politics", []string{"the government", "parliament", "the election", "the minister", "the opposition",
				"the constitution", "the summit", "negotiations", "the agreement", "the coalition"}},
			{"Sport", []string{"the national team", "the championship", "the final", "the league", "the stadium",
				"the coach", "the club", "supporters"}},
			{"Culture", []string{"the festival", "the novel", "the exhibition", "the theatre", "cinema",
				"the poet", "the publisher", "music", "the museum"}},
			{"Science", []string{"the university", "researchers", "the study", "the experiment", "space",
				"the laboratory", "the vaccine", "artificial intelligence", "the observatory"}},
			{"Health", []string{"the hospital", "doctors", "patients", "the epidemic", "treatment",
				"the drug", "the health ministry", "vaccination"}},
			{"Environment", []string{"the climate", "drought", "rainfall", "solar power", "pollution",
				"groundwater", "forests", "desertification"}},
			{"Technology", []string{"smartphones", "the internet", "start-ups", "software", "networks",
				"data", "cybersecurity", "cloud computing"}},
		},
		verbs: []string{"rose", "fell", "improved", "doubled", "held steady", "dropped", "changed", "slowed"},
		adjs: []string{"notable", "major", "sudden", "gradual", "clear", "limited", "unprecedented",
			"expected", "sharp", "slight"},
		syllables: []string{"tal", "mir", "san", "dor", "kaf", "rem", "nova", "bel", "zen", "quor", "jud",
			"far", "lin", "sol", "ras", "nil", "vek", "shar", "bra", "gis"},
		titles: []string{
			"{P} announces a new plan for {N} in {L}",
			"Project {C}: {N} faces a {A} shift in {L}",
			"{L}: {N} {V} by {D} per cent",
			"Row over {N} after remarks by {P}",
			"What project {C} means for {M} in {L}",
			"Report: {M} and {N} on the table in {L}",
		},
		sentences: []string{
			"{P} said in {L} that {N} would see a {A} shift in the coming months.",
			"The plan links {N} and {M} to project {C}, announced last week.",
			"Sources say {D} per cent of {N} {V} since the start of the year.",
			"Observers believe project {C} could change {M} in {L} in a {A} way.",
			"{P} criticised the handling of {N} and called for a review.",
			"The move follows {D} months of debate about {N} and {M}.",
			"In {L}, residents worry about the effect of {N} on daily life.",
			"{L} saw a {A} change in {M} last year.",
			"According to official figures, {N} {V} to {D} million in the last quarter.",
			"{P} called for a broad dialogue with everyone concerned with {M}.",
			"There has been no official comment on project {C} so far.",
			"Experts expect {N} to stay at the top of the agenda.",
		},
	}
}
