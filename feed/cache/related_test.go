package cache

import (
	"context"
	"testing"

	"github.com/akhbar/akhbar/feed"
)

func TestRelated(t *testing.T) {
	s, _ := newStore(t)
	ctx := context.Background()
	news := addFeed(t, s, "https://news.example/rss", "")
	other := addFeed(t, s, "https://other.example/rss", "")
	mk := func(key, title, summary string, cats ...string) feed.Item {
		return feed.Item{GUID: key, URL: "https://x.example/" + key, Title: title, Summary: summary, Categories: cats}
	}
	saveFetch(t, s, news.ID,
		mk("src", "البنك المركزي في قطر يرفع أسعار الفائدة", "قرر مصرف قطر المركزي رفع أسعار الفائدة لمواجهة التضخم", "اقتصاد"),
		mk("football", "المنتخب يفوز في المباراة النهائية", "فاز المنتخب في المباراة النهائية للبطولة", "رياضة"),
		mk("weather", "أمطار غزيرة في العاصمة", "توقعت الأرصاد أمطارا غزيرة في العاصمة", "طقس"),
		mk("same-category", "افتتاح سوق جديد للأسهم", "افتتحت البورصة سوقا جديدا", "اقتصاد"),
		mk("films", "مهرجان السينما يفتتح دورته", "افتتح مهرجان السينما دورته الجديدة", "ثقافة"),
	)
	saveFetch(t, s, other.ID,
		mk("obvious", "قطر: المركزي يبقي أسعار الفائدة بعد رفعها", "أبقى مصرف قطر المركزي أسعار الفائدة والتضخم مستقر"),
		mk("partial", "التضخم في أوروبا", "ارتفع التضخم في أوروبا"),
		mk("english", "Qatar central bank raises rates", "Interest rates rise in Qatar"),
	)
	src, err := s.ItemByURL(ctx, "https://x.example/src")
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Related(ctx, src.ID, 5)
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, it := range got {
		keys = append(keys, it.GUID)
		if it.ID == src.ID {
			t.Fatalf("Related includes the item itself: %q", keys)
		}
	}
	if len(keys) < 3 || keys[0] != "obvious" {
		t.Fatalf("Related = %q, want \"obvious\" first", keys)
	}
	for _, want := range []string{"partial", "same-category"} {
		found := false
		for _, k := range keys {
			found = found || k == want
		}
		if !found {
			t.Errorf("Related = %q, missing %q", keys, want)
		}
	}
	for _, k := range keys {
		if k == "football" || k == "weather" || k == "films" {
			t.Errorf("Related = %q, includes unrelated %q", keys, k)
		}
	}
}

func TestKeyTerms(t *testing.T) {
	got := keyTerms("The Central Bank of Qatar في قطر 2026 و יש את הבנק", stopWords())
	want := []string{"central", "bank", "qatar", "قطر", "הבנק"}
	if len(got) != len(want) {
		t.Fatalf("keyTerms = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("keyTerms = %q, want %q", got, want)
		}
	}
}
