package sync

import (
	"slices"
	"testing"
	"time"
)

func TestPlanChanges(t *testing.T) {
	t0 := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	at := func(s int) time.Time { return t0.Add(time.Duration(s) * time.Second) }
	tests := []struct {
		name      string
		pending   []Change
		remote    map[string]remoteState
		wantSend  map[batchKey][]string
		wantSent  []int64
		wantDrops []int64
	}{
		{
			name:     "unseen entry is sent",
			pending:  []Change{{ID: 1, RemoteID: "10", Field: Read, Value: true, At: at(0)}},
			wantSend: map[batchKey][]string{{Read, true}: {"10"}},
			wantSent: []int64{1},
		},
		{
			name:      "later server change wins",
			pending:   []Change{{ID: 1, RemoteID: "10", Field: Starred, Value: true, At: at(0)}},
			remote:    map[string]remoteState{"10": {changedAt: at(5)}},
			wantDrops: []int64{1},
		},
		{
			name:     "later local change wins",
			pending:  []Change{{ID: 1, RemoteID: "10", Field: Read, Value: false, At: at(9)}},
			remote:   map[string]remoteState{"10": {changedAt: at(5), read: true}},
			wantSend: map[batchKey][]string{{Read, false}: {"10"}},
			wantSent: []int64{1},
		},
		{
			name:      "server already has the value",
			pending:   []Change{{ID: 1, RemoteID: "10", Field: Read, Value: true, At: at(9)}},
			remote:    map[string]remoteState{"10": {changedAt: at(5), read: true}},
			wantDrops: []int64{1},
		},
		{
			name: "repeated changes collapse to the latest",
			pending: []Change{
				{ID: 1, RemoteID: "10", Field: Read, Value: true, At: at(1)},
				{ID: 2, RemoteID: "10", Field: Read, Value: false, At: at(2)},
				{ID: 3, RemoteID: "10", Field: Read, Value: true, At: at(3)},
				{ID: 4, RemoteID: "11", Field: Read, Value: true, At: at(3)},
			},
			wantSend: map[batchKey][]string{{Read, true}: {"10", "11"}},
			wantSent: []int64{1, 2, 3, 4},
		},
	}
	for _, tt := range tests {
		p := planChanges(tt.pending, tt.remote)
		for k := range p.batches {
			slices.Sort(p.batches[k])
		}
		slices.Sort(p.sendIDs)
		slices.Sort(p.dropIDs)
		if len(p.batches) != len(tt.wantSend) {
			t.Errorf("%s: batches %v, want %v", tt.name, p.batches, tt.wantSend)
		}
		for k, ids := range tt.wantSend {
			if !slices.Equal(p.batches[k], ids) {
				t.Errorf("%s: batch %v = %v, want %v", tt.name, k, p.batches[k], ids)
			}
		}
		if !slices.Equal(p.sendIDs, tt.wantSent) || !slices.Equal(p.dropIDs, tt.wantDrops) {
			t.Errorf("%s: sent %v dropped %v, want %v %v", tt.name, p.sendIDs, p.dropIDs, tt.wantSent, tt.wantDrops)
		}
	}
}
