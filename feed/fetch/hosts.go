package fetch

import (
	"context"
	"strings"
	"sync"
)

// hostLimiter bounds concurrent requests per host with one semaphore
// (a buffered channel) per host name.
type hostLimiter struct {
	per  int
	mu   sync.Mutex
	sems map[string]chan struct{}
}

func newHostLimiter(per int) *hostLimiter {
	return &hostLimiter{per: per, sems: make(map[string]chan struct{})}
}

// acquire waits for a free slot for host, or for ctx to end. The
// returned func gives the slot back.
func (h *hostLimiter) acquire(ctx context.Context, host string) (func(), error) {
	host = strings.ToLower(host)
	h.mu.Lock()
	sem, ok := h.sems[host]
	if !ok {
		sem = make(chan struct{}, h.per)
		h.sems[host] = sem
	}
	h.mu.Unlock()
	select {
	case sem <- struct{}{}:
		return func() { <-sem }, nil
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}
