package i18n_test

import (
	"testing"

	"github.com/akhbar/akhbar/tui/i18n"
)

func BenchmarkNew(b *testing.B) {
	for b.Loop() {
		i18n.New(i18n.AR, i18n.ArabicIndic)
	}
}

func BenchmarkTPlain(b *testing.B) {
	c := i18n.New(i18n.AR, i18n.ArabicIndic)
	for b.Loop() {
		c.T(i18n.MsgAllUnread)
	}
}

func BenchmarkTPlural(b *testing.B) {
	c := i18n.New(i18n.AR, i18n.ArabicIndic)
	for b.Loop() {
		c.T(i18n.MsgRefreshDone, 40, 1234)
	}
}

// One age per headline row: a 100-row screen calls this 100 times a frame.
func BenchmarkAgoShort(b *testing.B) {
	c := i18n.New(i18n.FA, i18n.Persian)
	then := now.Add(-3 * day)
	for b.Loop() {
		c.AgoShort(then, now)
	}
}

func BenchmarkAgoLong(b *testing.B) {
	c := i18n.New(i18n.AR, i18n.ArabicIndic)
	then := now.Add(-11 * day)
	for b.Loop() {
		c.AgoLong(then, now)
	}
}

func BenchmarkNumber(b *testing.B) {
	c := i18n.New(i18n.AR, i18n.ArabicIndic)
	for b.Loop() {
		c.Number(1234567)
	}
}
