package i18n_test

import (
	"testing"

	"github.com/akhbar/akhbar/tui/i18n"
)

// The expected strings are written by hand, not derived from the tables.
func TestPluralTables(t *testing.T) {
	tests := []struct {
		lang i18n.Lang
		id   i18n.MsgID
		n    int
		want string
	}{
		// Arabic: zero, one, two, few (3–10), many (11–99), other (100…).
		{i18n.AR, i18n.MsgAgoHoursLong, 0, "منذ ٠ ساعة"},
		{i18n.AR, i18n.MsgAgoHoursLong, 1, "منذ ساعة"},
		{i18n.AR, i18n.MsgAgoHoursLong, 2, "منذ ساعتين"},
		{i18n.AR, i18n.MsgAgoHoursLong, 3, "منذ ٣ ساعات"},
		{i18n.AR, i18n.MsgAgoHoursLong, 10, "منذ ١٠ ساعات"},
		{i18n.AR, i18n.MsgAgoHoursLong, 11, "منذ ١١ ساعة"},
		{i18n.AR, i18n.MsgAgoHoursLong, 99, "منذ ٩٩ ساعة"},
		{i18n.AR, i18n.MsgAgoHoursLong, 100, "منذ ١٠٠ ساعة"},
		{i18n.AR, i18n.MsgAgoHoursLong, 103, "منذ ١٠٣ ساعات"},
		{i18n.AR, i18n.MsgAgoDaysLong, 0, "منذ ٠ يوم"},
		{i18n.AR, i18n.MsgAgoDaysLong, 1, "منذ يوم"},
		{i18n.AR, i18n.MsgAgoDaysLong, 2, "منذ يومين"},
		{i18n.AR, i18n.MsgAgoDaysLong, 3, "منذ ٣ أيام"},
		{i18n.AR, i18n.MsgAgoDaysLong, 10, "منذ ١٠ أيام"},
		{i18n.AR, i18n.MsgAgoDaysLong, 11, "منذ ١١ يومًا"},
		{i18n.AR, i18n.MsgAgoDaysLong, 59, "منذ ٥٩ يومًا"},
		{i18n.AR, i18n.MsgAgoDaysLong, 100, "منذ ١٠٠ يوم"},
		{i18n.AR, i18n.MsgAgoMinutesLong, 0, "منذ ٠ دقيقة"},
		{i18n.AR, i18n.MsgAgoMinutesLong, 1, "منذ دقيقة"},
		{i18n.AR, i18n.MsgAgoMinutesLong, 2, "منذ دقيقتين"},
		{i18n.AR, i18n.MsgAgoMinutesLong, 5, "منذ ٥ دقائق"},
		{i18n.AR, i18n.MsgAgoMinutesLong, 11, "منذ ١١ دقيقة"},
		{i18n.AR, i18n.MsgAgoMinutesLong, 100, "منذ ١٠٠ دقيقة"},
		{i18n.AR, i18n.MsgAgoMonthsLong, 2, "منذ شهرين"},
		{i18n.AR, i18n.MsgAgoMonthsLong, 7, "منذ ٧ أشهر"},
		{i18n.AR, i18n.MsgAgoMonthsLong, 23, "منذ ٢٣ شهرًا"},
		{i18n.AR, i18n.MsgAgoYearsLong, 2, "منذ سنتين"},
		{i18n.AR, i18n.MsgAgoYearsLong, 5, "منذ ٥ سنوات"},
		{i18n.AR, i18n.MsgMarkedRead, 2, "تم تعليم خبرين كمقروءين — u للتراجع"},
		{i18n.AR, i18n.MsgMarkedRead, 1234, "تم تعليم ١٬٢٣٤ خبرًا كمقروء — u للتراجع"},
		// Persian: nouns stay singular; one says یک.
		{i18n.FA, i18n.MsgAgoHoursLong, 0, "۰ ساعت پیش"},
		{i18n.FA, i18n.MsgAgoHoursLong, 1, "یک ساعت پیش"},
		{i18n.FA, i18n.MsgAgoHoursLong, 2, "۲ ساعت پیش"},
		{i18n.FA, i18n.MsgAgoHoursLong, 11, "۱۱ ساعت پیش"},
		{i18n.FA, i18n.MsgAgoDaysLong, 1, "یک روز پیش"},
		{i18n.FA, i18n.MsgAgoDaysLong, 3, "۳ روز پیش"},
		{i18n.FA, i18n.MsgAgoMinutesLong, 100, "۱۰۰ دقیقه پیش"},
		// Hebrew: one, the dual for hours, days, months and years, many.
		{i18n.HE, i18n.MsgAgoHoursLong, 1, "לפני שעה"},
		{i18n.HE, i18n.MsgAgoHoursLong, 2, "לפני שעתיים"},
		{i18n.HE, i18n.MsgAgoHoursLong, 3, "לפני 3 שעות"},
		{i18n.HE, i18n.MsgAgoHoursLong, 11, "לפני 11 שעות"},
		{i18n.HE, i18n.MsgAgoDaysLong, 1, "לפני יום"},
		{i18n.HE, i18n.MsgAgoDaysLong, 2, "לפני יומיים"},
		{i18n.HE, i18n.MsgAgoDaysLong, 5, "לפני 5 ימים"},
		{i18n.HE, i18n.MsgAgoMinutesLong, 1, "לפני דקה"},
		{i18n.HE, i18n.MsgAgoMinutesLong, 2, "לפני 2 דקות"},
		{i18n.HE, i18n.MsgAgoYearsLong, 2, "לפני שנתיים"},
		// English: one, other.
		{i18n.EN, i18n.MsgAgoHoursLong, 1, "1 hour ago"},
		{i18n.EN, i18n.MsgAgoHoursLong, 2, "2 hours ago"},
		{i18n.EN, i18n.MsgAgoDaysLong, 1, "1 day ago"},
		{i18n.EN, i18n.MsgAgoDaysLong, 11, "11 days ago"},
		{i18n.EN, i18n.MsgRefreshDone, 1, "Refreshed 1 feed: 1 new"},
		{i18n.EN, i18n.MsgUndoneUnread, 1, "Undone: 1 headline unread again"},
		{i18n.EN, i18n.MsgUndoneUnread, 4, "Undone: 4 headlines unread again"},
		{i18n.AR, i18n.MsgUndoneUnread, 2, "تم التراجع: عاد خبران غير مقروءين"},
		{i18n.AR, i18n.MsgUndoneUnread, 7, "تم التراجع: عادت ٧ أخبار غير مقروءة"},
	}
	for _, tt := range tests {
		c := i18n.New(tt.lang, tt.lang.DefaultDigits())
		args := []any{tt.n}
		if tt.id == i18n.MsgRefreshDone {
			args = append(args, tt.n)
		}
		if got := c.T(tt.id, args...); got != tt.want {
			t.Errorf("%s T(%s, %d) = %q, want %q", tt.lang, tt.id, tt.n, got, tt.want)
		}
	}
}

// Counted messages with a second argument keep it in every form.
func TestPluralWithSecondArgument(t *testing.T) {
	tests := []struct {
		lang        i18n.Lang
		feeds, news int
		want        string
	}{
		{i18n.AR, 1, 5, "تم تحديث مصدر واحد، الجديد: ٥"},
		{i18n.AR, 2, 0, "تم تحديث مصدرين، الجديد: ٠"},
		{i18n.AR, 4, 12, "تم تحديث ٤ مصادر، الجديد: ١٢"},
		{i18n.AR, 40, 3, "تم تحديث ٤٠ مصدرًا، الجديد: ٣"},
		{i18n.AR, 200, 3, "تم تحديث ٢٠٠ مصدر، الجديد: ٣"},
		{i18n.HE, 1, 5, "פיד אחד רוענן: 5 חדשות"},
		{i18n.HE, 7, 5, "7 פידים רועננו: 5 חדשות"},
		{i18n.FA, 7, 5, "۷ خوراک به\u200cروز شد، ۵ خبر تازه"},
		{i18n.EN, 7, 1005, "Refreshed 7 feeds: 1,005 new"},
	}
	for _, tt := range tests {
		c := i18n.New(tt.lang, tt.lang.DefaultDigits())
		if got := c.T(i18n.MsgRefreshDone, tt.feeds, tt.news); got != tt.want {
			t.Errorf("%s T(MsgRefreshDone, %d, %d) = %q, want %q", tt.lang, tt.feeds, tt.news, got, tt.want)
		}
	}
}

// The count that picks the form need not be the first argument.
func TestPluralCountAfterString(t *testing.T) {
	tests := []struct {
		lang i18n.Lang
		n    int
		want string
	}{
		{i18n.AR, 0, "بحث: غزة — لا نتائج"},
		{i18n.AR, 1, "بحث: غزة — نتيجة واحدة"},
		{i18n.AR, 2, "بحث: غزة — نتيجتان"},
		{i18n.AR, 5, "بحث: غزة — ٥ نتائج"},
		{i18n.AR, 25, "بحث: غزة — ٢٥ نتيجة"},
		{i18n.HE, 1, "חיפוש: غزة — תוצאה אחת"},
		{i18n.HE, 9, "חיפוש: غزة — 9 תוצאות"},
		{i18n.FA, 9, "جستجو: غزة — ۹ نتیجه"},
		{i18n.EN, 9, "Search: غزة — 9 found"},
	}
	for _, tt := range tests {
		c := i18n.New(tt.lang, tt.lang.DefaultDigits())
		if got := c.T(i18n.MsgSearchResults, "غزة", tt.n); got != tt.want {
			t.Errorf("%s T(MsgSearchResults, q, %d) = %q, want %q", tt.lang, tt.n, got, tt.want)
		}
	}
}
