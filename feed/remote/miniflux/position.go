package miniflux

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// position is where the next sync lists changed entries from: those
// changed after changedAfter (a Unix second of the server's clock). A
// sync stopped at its bound leaves afterID, the last entry it saved, so
// the next one lists only later IDs, and resume, the server's time when
// the interrupted listing began: once the listing completes, resume
// becomes changedAfter, so a change made while it ran is fetched again
// rather than missed.
//
// It is stored as "changedAfter", or "changedAfter,afterID,resume" while
// a listing is interrupted.
type position struct {
	changedAfter, afterID, resume int64
}

// parsePosition reads a stored position; "" is the start of a first sync.
func parsePosition(s string) (position, error) {
	var p position
	if s == "" {
		return p, nil
	}
	parts := strings.Split(s, ",")
	if len(parts) != 1 && len(parts) != 3 {
		return p, fmt.Errorf("sync: cursor %q: want 1 or 3 numbers", s)
	}
	nums := make([]int64, 3)
	for i, part := range parts {
		n, err := strconv.ParseInt(part, 10, 64)
		if err != nil {
			return p, fmt.Errorf("sync: cursor %q: %w", s, err)
		}
		nums[i] = n
	}
	return position{changedAfter: nums[0], afterID: nums[1], resume: nums[2]}, nil
}

// String is the stored form of p.
func (p position) String() string {
	if p.afterID == 0 {
		return strconv.FormatInt(p.changedAfter, 10)
	}
	return fmt.Sprintf("%d,%d,%d", p.changedAfter, p.afterID, p.resume)
}

// stoppedAt is the position after a listing from p stopped having saved
// the entries up to afterID. serverNow is the server's time (its Date
// header) before the listing began; zero when unknown.
func (p position) stoppedAt(afterID int64, serverNow time.Time) position {
	if afterID <= p.afterID {
		return p // nothing saved: start where this one did
	}
	resume := p.resume
	if p.afterID == 0 {
		resume = p.changedAfter // no Date header: the old time, refetching is safe
		if !serverNow.IsZero() {
			resume = serverNow.Unix()
		}
	}
	return position{changedAfter: p.changedAfter, afterID: afterID, resume: resume}
}

// done is the position after a listing from p completed: the server's
// time before the listing began (whole seconds), or before the
// interrupted listing that this one completed began. A change committed
// while the pages were read has a later changed_at, so it is fetched
// again next time rather than missed (paging by ID could skip it).
// Without a Date header the old time stays: refetching is safe.
func (p position) done(serverNow time.Time) position {
	next := p.changedAfter
	switch {
	case p.afterID != 0:
		next = p.resume
	case !serverNow.IsZero():
		next = serverNow.Unix()
	}
	return position{changedAfter: max(p.changedAfter, next)}
}
