package fetch

import (
	"net/http"
	"strconv"
	"strings"
	"time"
)

// maxRetries bounds how often Get retries a 429 or 503.
const maxRetries = 3

// backoff is the least wait before retry number attempt (0-based):
// 250ms, 500ms, 1s, …
func backoff(attempt int) time.Duration {
	return 250 * time.Millisecond << attempt
}

// parseRetryAfter reads a Retry-After value, either delay-seconds or an
// HTTP date, as an absolute time. It returns zero when v is empty or
// malformed.
func parseRetryAfter(v string, now time.Time) time.Time {
	v = strings.TrimSpace(v)
	if v == "" {
		return time.Time{}
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs < 0 {
			return time.Time{}
		}
		secs = min(secs, 366*24*3600) // keep the addition from overflowing
		return now.Add(time.Duration(secs) * time.Second)
	}
	if t, err := http.ParseTime(v); err == nil {
		return t
	}
	return time.Time{}
}
