package article

import (
	"strings"
	"testing"

	"github.com/akhbar/akhbar/feed"
)

// figurePage is an Arabic article with a lead image (og:image), the same
// image again in the body, a figure with a caption between paragraphs,
// a tracking pixel and an inline data: image.
const figurePage = `<!doctype html><html lang="ar" dir="rtl"><head>
<title>محطة الأرصاد الجديدة</title>
<meta property="og:image" content="/img/lead.jpg">
</head><body><article>
<h1>محطة الأرصاد الجديدة</h1>
<p><img src="/img/lead.jpg" alt="المحطة"></p>
<p>افتتحت البلدية صباح اليوم محطة جديدة لرصد الطقس على التلة الشمالية، وهي الأولى من نوعها في المنطقة منذ عقود طويلة من الانتظار.</p>
<p>وقال المهندس المسؤول إن المحطة ستنشر قراءاتها كل ساعة على موقع البلدية، وإن طلاب المدارس سيزورونها في الربيع للتعرف على أجهزتها.</p>
<figure><img src="https://cdn.example/pics/mast.png" alt="  صاري  الرياح " width="800" height="600"><figcaption>صاري قياس الرياح فوق المبنى</figcaption></figure>
<p>وتكلف المشروع نحو مليوني دينار جمعت من منحة حكومية ومن تبرعات السكان الذين طالبوا به منذ سنوات طويلة.</p>
<p><img src="/pixel.gif" width="1" height="1"><img src="data:image/png;base64,AAAA"></p>
<p>ومن المنتظر أن تنضم إليها محطتان أخريان قبل نهاية العام المقبل إذا سارت الأعمال كما هو مخطط لها.</p>
</article></body></html>`

func TestFigures(t *testing.T) {
	a, err := Extract("https://news.example/2026/station", []byte(figurePage), "text/html; charset=utf-8")
	if err != nil {
		t.Fatal(err)
	}
	if a.Image != "https://news.example/img/lead.jpg" {
		t.Errorf("Image = %q", a.Image)
	}
	if len(a.Figures) != 1 {
		t.Fatalf("Figures = %+v, want the mast alone (lead, pixel and data: left out)", a.Figures)
	}
	f := a.Figures[0]
	if f.URL != "https://cdn.example/pics/mast.png" || f.Alt != "صاري الرياح" {
		t.Errorf("figure = %+v", f)
	}
	if f.At <= 0 || f.At >= len(a.Blocks) {
		t.Fatalf("figure at %d of %d blocks", f.At, len(a.Blocks))
	}
	if b := a.Blocks[f.At]; b.Kind != feed.Caption || b.Text != "صاري قياس الرياح فوق المبنى" {
		t.Errorf("block after the figure = %+v, want its caption", b)
	}
	if !strings.Contains(a.Blocks[f.At-1].Text, "طلاب المدارس") {
		t.Errorf("block before the figure = %q, want the second paragraph", a.Blocks[f.At-1].Text)
	}
	if got := a.ImageURLs(); len(got) != 2 || got[0] != a.Image || got[1] != f.URL {
		t.Errorf("ImageURLs = %q", got)
	}
}

// Blocks that cleaning drops or the lead adds keep figures before the
// same text.
func TestMoveFigures(t *testing.T) {
	figs := []feed.Figure{{URL: "a", At: 0}, {URL: "b", At: 2}, {URL: "c", At: 3}}
	kept := []int{0, 1, 1, 2} // old block 1 dropped; 3 blocks → 2
	got := moveFigures(figs, kept, 1)
	want := []int{1, 2, 3}
	for i, f := range got {
		if f.At != want[i] {
			t.Errorf("figure %s at %d, want %d", f.URL, f.At, want[i])
		}
	}
}
