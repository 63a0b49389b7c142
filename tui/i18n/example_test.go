package i18n_test

import (
	"fmt"
	"time"

	"github.com/akhbar/akhbar/tui/i18n"
)

func Example() {
	lang := i18n.FromEnv(func(name string) string {
		return map[string]string{"LANG": "ar_EG.UTF-8"}[name]
	})
	c := i18n.New(lang, lang.DefaultDigits())
	now := time.Date(2026, time.March, 14, 12, 0, 0, 0, time.UTC)

	fmt.Println(lang.RTL())
	fmt.Println(c.T(i18n.MsgRefreshDone, 12, 3))
	fmt.Println(c.AgoShort(now.Add(-3*time.Hour), now))
	fmt.Println(c.AgoLong(now.Add(-3*time.Hour), now))
	fmt.Println(c.AgoLong(now.Add(-2*time.Hour), now))
	// Output:
	// true
	// تم تحديث ١٢ مصدرًا، الجديد: ٣
	// ٣ س
	// منذ ٣ ساعات
	// منذ ساعتين
}
