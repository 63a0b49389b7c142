package cache

import (
	"database/sql"
	"fmt"
	"time"
)

// Times are stored as RFC 3339 text with nanoseconds and the original
// offset, so they round-trip exactly (any year); the zero time is NULL.

func encTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.Format(time.RFC3339Nano)
}

func decTime(s sql.NullString) (time.Time, error) {
	if !s.Valid || s.String == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(time.RFC3339Nano, s.String)
	if err != nil {
		return time.Time{}, fmt.Errorf("decode time %q: %w", s.String, err)
	}
	return t, nil
}

// maxAge is how far before its fetch time an item may claim to be.
const maxAge = 20 * 365 * 24 * time.Hour

// sortTime is the headline order key of an item: its date clamped to
// [fetched − 20 years, fetched], so items dated in 2100 do not stay on top
// forever and items dated 1970 (or by a broken clock) sort near their
// neighbours; undated items sort by when they were fetched.
func sortTime(published, updated, fetched time.Time) int64 {
	t := published
	if t.IsZero() {
		t = updated
	}
	if t.IsZero() || t.After(fetched) {
		t = fetched
	}
	if early := fetched.Add(-maxAge); t.Before(early) {
		t = early
	}
	return t.Unix()
}
