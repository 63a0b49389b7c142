package i18n_test

import (
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"github.com/akhbar/akhbar/tui/i18n"
)

// now is a fixed clock; tests never read the real one.
var now = time.Date(2026, time.March, 14, 12, 0, 0, 0, time.UTC)

const day = 24 * time.Hour

func TestAgo(t *testing.T) {
	tests := []struct {
		lang        i18n.Lang
		ago         time.Duration
		short, long string
	}{
		{i18n.EN, 0, "now", "just now"},
		{i18n.EN, 59 * time.Second, "now", "just now"},
		{i18n.EN, -30 * time.Second, "now", "just now"},
		{i18n.EN, time.Minute, "1m", "1 minute ago"},
		{i18n.EN, 5*time.Minute + 59*time.Second, "5m", "5 minutes ago"},
		{i18n.EN, 3 * time.Hour, "3h", "3 hours ago"},
		{i18n.EN, 23*time.Hour + 59*time.Minute, "23h", "23 hours ago"},
		{i18n.EN, day, "1d", "1 day ago"},
		{i18n.EN, 59 * day, "59d", "59 days ago"},
		{i18n.EN, 60 * day, "2mo", "2 months ago"},
		{i18n.EN, 729 * day, "24mo", "24 months ago"},
		{i18n.EN, 730 * day, "2y", "2 years ago"},
		{i18n.EN, -2 * day, "2026", "2026-03-16"},

		{i18n.AR, 30 * time.Second, "الآن", "منذ لحظات"},
		{i18n.AR, time.Minute, "١ د", "منذ دقيقة"},
		{i18n.AR, 2 * time.Minute, "٢ د", "منذ دقيقتين"},
		{i18n.AR, 3 * time.Hour, "٣ س", "منذ ٣ ساعات"},
		{i18n.AR, 11 * time.Hour, "١١ س", "منذ ١١ ساعة"},
		{i18n.AR, 2 * day, "٢ يوم", "منذ يومين"},
		{i18n.AR, 15 * day, "١٥ يوم", "منذ ١٥ يومًا"},
		{i18n.AR, 90 * day, "٣ شهر", "منذ ٣ أشهر"},
		{i18n.AR, 3 * 365 * day, "٣ سنة", "منذ ٣ سنوات"},
		{i18n.AR, -2 * day, "٢٠٢٦", "٢٠٢٦/٠٣/١٦"},

		{i18n.FA, 30 * time.Second, "اکنون", "همین حالا"},
		{i18n.FA, time.Hour, "۱ س", "یک ساعت پیش"},
		{i18n.FA, 3 * time.Hour, "۳ س", "۳ ساعت پیش"},
		{i18n.FA, 12 * day, "۱۲ روز", "۱۲ روز پیش"},
		{i18n.FA, 400 * day, "۱۳ ماه", "۱۳ ماه پیش"},
		{i18n.FA, 800 * day, "۲ سال", "۲ سال پیش"},
		{i18n.FA, -2 * day, "۲۰۲۶", "۲۰۲۶/۰۳/۱۶"},

		{i18n.HE, 30 * time.Second, "עכשיו", "ממש עכשיו"},
		{i18n.HE, time.Hour, "1 ש׳", "לפני שעה"},
		{i18n.HE, 2 * time.Hour, "2 ש׳", "לפני שעתיים"},
		{i18n.HE, 3 * time.Hour, "3 ש׳", "לפני 3 שעות"},
		{i18n.HE, 2 * day, "2 י׳", "לפני יומיים"},
		{i18n.HE, 45 * time.Minute, "45 ד׳", "לפני 45 דקות"},
		{i18n.HE, 60 * day, "2 ח׳", "לפני חודשיים"},
		{i18n.HE, 1000 * day, "2 שנ׳", "לפני שנתיים"},
		{i18n.HE, -2 * day, "2026", "2026-03-16"},
	}
	for _, tt := range tests {
		c := i18n.New(tt.lang, tt.lang.DefaultDigits())
		then := now.Add(-tt.ago)
		if got := c.AgoShort(then, now); got != tt.short {
			t.Errorf("%s AgoShort(now-%v) = %q, want %q", tt.lang, tt.ago, got, tt.short)
		}
		if got := c.AgoLong(then, now); got != tt.long {
			t.Errorf("%s AgoLong(now-%v) = %q, want %q", tt.lang, tt.ago, got, tt.long)
		}
	}
}

func TestAgoZeroTime(t *testing.T) {
	for _, l := range []i18n.Lang{i18n.EN, i18n.AR, i18n.FA, i18n.HE} {
		c := i18n.New(l, l.DefaultDigits())
		if got := c.AgoShort(time.Time{}, now); got != "" {
			t.Errorf("%s AgoShort(zero) = %q, want empty", l, got)
		}
		if got := c.AgoLong(time.Time{}, now); got != "" {
			t.Errorf("%s AgoLong(zero) = %q, want empty", l, got)
		}
	}
}

// The short form must fit the age column of a headline row.
func TestAgoShortFitsSixCells(t *testing.T) {
	var ages []time.Duration
	for d := time.Duration(0); d < 100*365*day; d += d/10 + time.Second {
		ages = append(ages, d)
	}
	for _, l := range []i18n.Lang{i18n.EN, i18n.AR, i18n.FA, i18n.HE} {
		for _, digits := range []i18n.Digits{i18n.Latin, i18n.ArabicIndic, i18n.Persian} {
			c := i18n.New(l, digits)
			for _, d := range ages {
				s := c.AgoShort(now.Add(-d), now)
				if w := ansi.StringWidth(s); w > 6 || w == 0 {
					t.Errorf("%s/%s AgoShort(now-%v) = %q is %d cells, want 1–6", l, digits, d, s, w)
				}
			}
		}
	}
}
