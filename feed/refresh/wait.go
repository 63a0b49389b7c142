package refresh

import (
	"time"
)

// MaxRetryAfter bounds how long a feed is skipped because its server
// answered 429 or 503 with Retry-After: a server cannot switch a feed off
// for longer than a day.
const MaxRetryAfter = 24 * time.Hour

// WaitingError is a feed skipped without fetching, because its server
// asked (Retry-After) not to be fetched before Until.
type WaitingError struct {
	Until time.Time
}

// Error says until when, in local time.
func (e *WaitingError) Error() string {
	return "skipped: the server asked not to be fetched before " + e.Until.Local().Format("2006-01-02 15:04") + " (Retry-After)"
}
