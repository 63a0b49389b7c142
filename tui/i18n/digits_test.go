package i18n_test

import (
	"math"
	"testing"

	"github.com/akhbar/akhbar/tui/i18n"
)

func TestNumber(t *testing.T) {
	tests := []struct {
		lang   i18n.Lang
		digits i18n.Digits
		n      int
		want   string
	}{
		{i18n.EN, i18n.Latin, 1234567, "1,234,567"},
		{i18n.HE, i18n.Latin, 1234567, "1,234,567"},
		{i18n.AR, i18n.ArabicIndic, 1234567, "١٬٢٣٤٬٥٦٧"},
		{i18n.FA, i18n.Persian, 1234567, "۱٬۲۳۴٬۵۶۷"},
		{i18n.AR, i18n.Latin, 1234567, "1,234,567"},
		{i18n.EN, i18n.Persian, 1234567, "۱٬۲۳۴٬۵۶۷"},
		{i18n.AR, i18n.ArabicIndic, 0, "٠"},
		{i18n.AR, i18n.ArabicIndic, 999, "٩٩٩"},
		{i18n.AR, i18n.ArabicIndic, 1000, "١٬٠٠٠"},
		{i18n.FA, i18n.Persian, 100000, "۱۰۰٬۰۰۰"},
		{i18n.EN, i18n.Latin, -1234, "-1,234"},
		{i18n.EN, i18n.Latin, math.MinInt64, "-9,223,372,036,854,775,808"},
		{i18n.FA, i18n.Persian, 9876543210, "۹٬۸۷۶٬۵۴۳٬۲۱۰"},
	}
	for _, tt := range tests {
		if got := i18n.New(tt.lang, tt.digits).Number(tt.n); got != tt.want {
			t.Errorf("%s/%s Number(%d) = %q, want %q", tt.lang, tt.digits, tt.n, got, tt.want)
		}
	}
}

func TestTUsesCatalogueDigits(t *testing.T) {
	tests := []struct {
		lang   i18n.Lang
		digits i18n.Digits
		id     i18n.MsgID
		args   []any
		want   string
	}{
		{i18n.EN, i18n.Latin, i18n.MsgRefreshProgress, []any{3, 120, 7}, "Refreshing 3/120… 7 new"},
		{i18n.EN, i18n.Persian, i18n.MsgRefreshProgress, []any{3, 120, 7}, "Refreshing ۳/۱۲۰… ۷ new"},
		{i18n.AR, i18n.ArabicIndic, i18n.MsgRefreshProgress, []any{3, 1200, 7}, "جارٍ التحديث ٣/١٬٢٠٠… الجديد: ٧"},
		{i18n.AR, i18n.Latin, i18n.MsgAgoHoursLong, []any{3}, "منذ 3 ساعات"},
		{i18n.FA, i18n.Persian, i18n.MsgNoSuchLink, []any{int64(12)}, "پیوند [۱۲] در این مقاله نیست"},
		{i18n.FA, i18n.ArabicIndic, i18n.MsgNoSuchLink, []any{int32(12)}, "پیوند [١٢] در این مقاله نیست"},
		{i18n.HE, i18n.Latin, i18n.MsgMarkedRead, []any{40}, "40 כתבות סומנו כנקראו — u לביטול"},
		{i18n.AR, i18n.ArabicIndic, i18n.MsgBidiMode, []any{"visual"}, "وضع الاتجاه: visual (اضغط b للتبديل)"},
		{i18n.AR, i18n.ArabicIndic, i18n.MsgClipboardDenied, []any{"https://example.com/1"}, "رفضت الطرفية النسخ إلى الحافظة؛ الرابط: https://example.com/1"},
	}
	for _, tt := range tests {
		c := i18n.New(tt.lang, tt.digits)
		if got := c.T(tt.id, tt.args...); got != tt.want {
			t.Errorf("%s/%s T(%s, %v) = %q, want %q", tt.lang, tt.digits, tt.id, tt.args, got, tt.want)
		}
	}
}

func TestParseDigits(t *testing.T) {
	tests := []struct {
		in      string
		want    i18n.Digits
		wantErr bool
	}{
		{"latin", i18n.Latin, false},
		{"Arabic", i18n.ArabicIndic, false},
		{" persian ", i18n.Persian, false},
		{"hindi", i18n.Latin, true},
		{"", i18n.Latin, true},
	}
	for _, tt := range tests {
		got, err := i18n.ParseDigits(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("ParseDigits(%q) = %v, %v; want %v, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
		if err == nil {
			if back, err := i18n.ParseDigits(got.String()); err != nil || back != got {
				t.Errorf("ParseDigits(%q.String()) = %v, %v", got, back, err)
			}
		}
	}
}
