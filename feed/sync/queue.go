package sync

import "time"

// remoteState is what a sync learned about one entry from the server.
type remoteState struct {
	changedAt     time.Time
	read, starred bool
}

func (r remoteState) value(f Field) bool {
	if f == Starred {
		return r.starred
	}
	return r.read
}

// batchKey groups changes that one request can send: the same field set
// to the same value.
type batchKey struct {
	field Field
	value bool
}

// plan is what to do with the queue after the server's changes arrived.
type plan struct {
	batches map[batchKey][]string // remote IDs to send, per field and value
	sendIDs []int64               // queue IDs done once the batches are sent
	dropIDs []int64               // queue IDs done now: superseded or already true on the server
}

// planChanges decides the fate of each queued change. Changes of the
// same field of the same entry collapse to the latest. A change is
// dropped when the server changed the entry at or after it (the later
// change wins) or when the server already has its value; the rest are
// sent, batched by field and value.
func planChanges(pending []Change, remote map[string]remoteState) plan {
	type key struct {
		remoteID string
		field    Field
	}
	latest := make(map[key]Change)
	ids := make(map[key][]int64)
	for _, c := range pending {
		k := key{c.RemoteID, c.Field}
		ids[k] = append(ids[k], c.ID)
		if old, ok := latest[k]; !ok || !c.At.Before(old.At) {
			latest[k] = c
		}
	}
	p := plan{batches: make(map[batchKey][]string)}
	for k, c := range latest {
		r, seen := remote[c.RemoteID]
		if seen && (!c.At.After(r.changedAt) || r.value(c.Field) == c.Value) {
			p.dropIDs = append(p.dropIDs, ids[k]...)
			continue
		}
		b := batchKey{c.Field, c.Value}
		p.batches[b] = append(p.batches[b], c.RemoteID)
		p.sendIDs = append(p.sendIDs, ids[k]...)
	}
	return p
}
