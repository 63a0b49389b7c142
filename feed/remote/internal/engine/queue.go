// Package engine holds what the sync engines share: the plan for the
// offline queue of local changes, and the HTTP client that talks to a
// sync server.
package engine

import (
	"fmt"
	"time"

	"github.com/akhbar/akhbar/feed"
)

// RemoteState is what a sync learned about one entry from the server.
type RemoteState struct {
	ChangedAt     time.Time
	Read, Starred bool
	Gone          bool // the server no longer has the entry
}

func (r RemoteState) value(f feed.Field) bool {
	if f == feed.FieldStarred {
		return r.Starred
	}
	return r.Read
}

// BatchKey groups changes that one request can send: the same field set
// to the same value.
type BatchKey struct {
	Field feed.Field
	Value bool
}

// Plan is what to do with the queue after the server's changes arrived.
type Plan struct {
	Batches map[BatchKey][]string // remote IDs to send, per field and value
	SendIDs []int64               // queue IDs done once the batches are sent
	DropIDs []int64               // queue IDs done now: superseded or already true on the server
}

// PlanChanges decides the fate of each queued change. Changes of the
// same field of the same entry collapse to the latest. A change is
// dropped when the server no longer has the entry, when the server
// changed the entry at or after it (the later change wins) or when the
// server already has its value; the rest are sent, batched by field and
// value.
func PlanChanges(pending []feed.Change, remote map[string]RemoteState) Plan {
	type key struct {
		remoteID string
		field    feed.Field
	}
	latest := make(map[key]feed.Change)
	ids := make(map[key][]int64)
	for _, c := range pending {
		k := key{c.RemoteID, c.Field}
		ids[k] = append(ids[k], c.ID)
		if old, ok := latest[k]; !ok || !c.At.Before(old.At) {
			latest[k] = c
		}
	}
	p := Plan{Batches: make(map[BatchKey][]string)}
	for k, c := range latest {
		r, seen := remote[c.RemoteID]
		if seen && (r.Gone || !c.At.After(r.ChangedAt) || r.value(c.Field) == c.Value) {
			p.DropIDs = append(p.DropIDs, ids[k]...)
			continue
		}
		b := BatchKey{c.Field, c.Value}
		p.Batches[b] = append(p.Batches[b], c.RemoteID)
		p.SendIDs = append(p.SendIDs, ids[k]...)
	}
	return p
}

// WrapErr wraps err with op, or returns nil.
func WrapErr(op string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s: %w", op, err)
}
