package bidi

import "testing"

// benchArticle is a news-like Arabic article written for these benchmarks, mixing
// English names, Western and Arabic-Indic digits, percentages and brackets.
const benchArticle = `أعلنت شركة Nile Data Systems (المعروفة اختصاراً باسم NDS) يوم الثلاثاء 14 مارس 2023 ` +
	`أنها ستفتتح مركزاً جديداً للبيانات في مدينة الإسكندرية بتكلفة تبلغ 250 مليون دولار، ` +
	`وقال المدير التنفيذي للشركة John Carter في مؤتمر صحفي إن المشروع "سيوفر أكثر من 1,200 ` +
	`فرصة عمل خلال السنوات الثلاث المقبلة". وأضاف أن نسبة 35% من العاملين سيكونون من خريجي ` +
	`الجامعات المصرية، وأن المرحلة الأولى (من أصل ثلاث مراحل) ستنتهي في الربع الأخير من عام ٢٠٢٤. ` +
	`من جهتها، رحبت وزارة الاتصالات بالخطوة، وذكرت في بيان نشرته على موقعها www.example.gov ` +
	`أن الاستثمارات الأجنبية في القطاع ارتفعت بنسبة 12.5% مقارنة بالعام الماضي [بحسب أرقام ` +
	`البنك المركزي]. ويرى المحلل الاقتصادي Sarah O'Neill من مؤسسة Global Markets Review أن ` +
	`"الطلب على الحوسبة السحابية في المنطقة يتضاعف كل 18 شهراً تقريباً"، مشيرة إلى أن شركات ` +
	`مثل Microsoft وAmazon وGoogle تتنافس على العقود الحكومية. وفي سياق متصل، قالت نقابة ` +
	`المهندسين إن رواتب المبرمجين زادت بمعدل 8-10% سنوياً منذ 2019، بينما بقيت أسعار الكهرباء ` +
	`(وهي العامل الأهم في تشغيل مراكز البيانات) مستقرة عند 1.45 جنيه للكيلوواط ساعة. ` +
	`وتتوقع الشركة أن يبدأ التشغيل التجريبي في يناير/كانون الثاني 2025، على أن يصل عدد الخوادم ` +
	`إلى 40 ألف خادم بحلول 2027. وقال Ahmed Hassan، رئيس قسم الهندسة في NDS: "اخترنا ` +
	`الإسكندرية لأنها تقع عند نقطة وصول سبعة كابلات بحرية (منها كابل 2Africa وكابل PEACE)، ` +
	`وهذا يقلل زمن الاستجابة إلى أقل من 30 ms للمستخدمين في أوروبا". ` +
	`وختم المؤتمر بعرض فيديو مدته 3:45 دقيقة عن تصميم المبنى الذي يمتد على مساحة ٤٥٬٠٠٠ متر مربع.`

func BenchmarkResolve(b *testing.B) {
	text := []rune(benchArticle)
	b.SetBytes(int64(len(benchArticle)))
	b.ReportAllocs()
	for b.Loop() {
		Resolve(text, Auto)
	}
}

func BenchmarkResolver(b *testing.B) {
	text := []rune(benchArticle)
	b.SetBytes(int64(len(benchArticle)))
	b.ReportAllocs()
	var z Resolver
	for b.Loop() {
		z.Resolve(text, Auto)
	}
}

func BenchmarkLine(b *testing.B) {
	text := []rune(benchArticle)
	p := Resolve(text, Auto)
	const start, width = 400, 80
	b.SetBytes(int64(len(string(text[start : start+width]))))
	b.ReportAllocs()
	for b.Loop() {
		VisualOrder(p.LineLevels(start, start+width))
	}
}

func BenchmarkClassOf(b *testing.B) {
	text := []rune(benchArticle)
	b.SetBytes(int64(len(benchArticle)))
	var sink Class
	for b.Loop() {
		//lint:ignore S1029,SA6003 decoding is done once, outside the loop: this measures ClassOf alone
		for _, r := range text {
			sink |= ClassOf(r)
		}
	}
	if sink > PDI {
		b.Fatal("impossible class")
	}
}
