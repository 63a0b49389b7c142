package sync

import (
	"context"
	"fmt"
	"net/http"
)

// Engine syncs one account; Open returns the one its Kind needs.
type Engine interface {
	// Sync brings the account and the cache in step once.
	Sync(ctx context.Context) (Stats, error)
}

// Open returns the engine of the account: NewMiniflux for KindMiniflux,
// NewGReader for KindGReader. rt is the transport (nil:
// http.DefaultTransport). It fails on an unknown kind or when the
// account's secret cannot be had; it makes no request.
func Open(ctx context.Context, a Account, local Local, rt http.RoundTripper) (Engine, error) {
	switch a.Kind {
	case KindMiniflux:
		m, err := NewMiniflux(ctx, a, local, rt)
		if err != nil {
			return nil, err
		}
		return m, nil
	case KindGReader:
		g, err := NewGReader(ctx, a, local, rt)
		if err != nil {
			return nil, err
		}
		return g, nil
	}
	return nil, fmt.Errorf("open account %d: unknown kind %q", a.ID, a.Kind)
}
