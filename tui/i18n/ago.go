package i18n

import "time"

const day = 24 * time.Hour

// span is a duration as a relative time says it: a message pair and the
// whole number of units (n is unused for "now").
type span struct {
	short, long MsgID
	n           int
}

// elapsed rounds d down to the largest unit that fits: under a minute is
// now, then minutes, hours, days (under 60), months of 30 days (under
// two years) and years of 365 days.
func elapsed(d time.Duration) span {
	switch {
	case d < time.Minute:
		return span{MsgAgoNowShort, MsgAgoNowLong, 0}
	case d < time.Hour:
		return span{MsgAgoMinutesShort, MsgAgoMinutesLong, int(d / time.Minute)}
	case d < day:
		return span{MsgAgoHoursShort, MsgAgoHoursLong, int(d / time.Hour)}
	case d < 60*day:
		return span{MsgAgoDaysShort, MsgAgoDaysLong, int(d / day)}
	case d < 730*day:
		return span{MsgAgoMonthsShort, MsgAgoMonthsLong, int(d / (30 * day))}
	}
	return span{MsgAgoYearsShort, MsgAgoYearsLong, int(d / (365 * day))}
}

// say is T for a relative-time message; "now" takes no count.
func (c *Catalog) say(id MsgID, s span) string {
	if s.short == MsgAgoNowShort {
		return c.T(id)
	}
	return c.T(id, s.n)
}

// AgoShort says how long ago t was in at most about six cells, for
// headline rows: "now", "3h", "٣ س", "۳ س", "3 ש׳". Under a minute is "now"
// (also up to a minute into the future, for clocks that disagree); a
// later date shows its year. The zero time gives "".
func (c *Catalog) AgoShort(t, now time.Time) string {
	if t.IsZero() {
		return ""
	}
	if now.Sub(t) < -time.Minute {
		return c.plainNumber(t.Year())
	}
	s := elapsed(now.Sub(t))
	return c.say(s.short, s)
}

// AgoLong says how long ago t was in words, for the reader and the status
// line: "3 hours ago", "منذ ٣ ساعات", "۳ ساعت پیش", "לפני 3 שעות", with the
// plural forms of the language. A date more than a minute in the future
// shows as the date (2006-01-02, or 2006/01/02 in Arabic-script digits).
// The zero time gives "".
func (c *Catalog) AgoLong(t, now time.Time) string {
	if t.IsZero() {
		return ""
	}
	if now.Sub(t) < -time.Minute {
		if c.digits == Latin {
			return t.Format("2006-01-02")
		}
		return c.digits.convert(t.Format("2006/01/02"))
	}
	s := elapsed(now.Sub(t))
	return c.say(s.long, s)
}
