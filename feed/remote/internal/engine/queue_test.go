package engine

import (
	"slices"
	"testing"
	"time"

	"github.com/akhbar/akhbar/feed"
)

func TestPlanChanges(t *testing.T) {
	t0 := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	at := func(s int) time.Time { return t0.Add(time.Duration(s) * time.Second) }
	tests := []struct {
		name      string
		pending   []feed.Change
		remote    map[string]RemoteState
		wantSend  map[BatchKey][]string
		wantSent  []int64
		wantDrops []int64
	}{
		{
			name:     "unseen entry is sent",
			pending:  []feed.Change{{ID: 1, RemoteID: "10", Field: feed.FieldRead, Value: true, At: at(0)}},
			wantSend: map[BatchKey][]string{{feed.FieldRead, true}: {"10"}},
			wantSent: []int64{1},
		},
		{
			name:      "later server change wins",
			pending:   []feed.Change{{ID: 1, RemoteID: "10", Field: feed.FieldStarred, Value: true, At: at(0)}},
			remote:    map[string]RemoteState{"10": {ChangedAt: at(5)}},
			wantDrops: []int64{1},
		},
		{
			name:     "later local change wins",
			pending:  []feed.Change{{ID: 1, RemoteID: "10", Field: feed.FieldRead, Value: false, At: at(9)}},
			remote:   map[string]RemoteState{"10": {ChangedAt: at(5), Read: true}},
			wantSend: map[BatchKey][]string{{feed.FieldRead, false}: {"10"}},
			wantSent: []int64{1},
		},
		{
			name:      "server already has the value",
			pending:   []feed.Change{{ID: 1, RemoteID: "10", Field: feed.FieldRead, Value: true, At: at(9)}},
			remote:    map[string]RemoteState{"10": {ChangedAt: at(5), Read: true}},
			wantDrops: []int64{1},
		},
		{
			name:      "entry gone from the server",
			pending:   []feed.Change{{ID: 1, RemoteID: "10", Field: feed.FieldStarred, Value: true, At: at(9)}},
			remote:    map[string]RemoteState{"10": {Gone: true}},
			wantDrops: []int64{1},
		},
		{
			name: "repeated changes collapse to the latest",
			pending: []feed.Change{
				{ID: 1, RemoteID: "10", Field: feed.FieldRead, Value: true, At: at(1)},
				{ID: 2, RemoteID: "10", Field: feed.FieldRead, Value: false, At: at(2)},
				{ID: 3, RemoteID: "10", Field: feed.FieldRead, Value: true, At: at(3)},
				{ID: 4, RemoteID: "11", Field: feed.FieldRead, Value: true, At: at(3)},
			},
			wantSend: map[BatchKey][]string{{feed.FieldRead, true}: {"10", "11"}},
			wantSent: []int64{1, 2, 3, 4},
		},
	}
	for _, tt := range tests {
		p := PlanChanges(tt.pending, tt.remote)
		for k := range p.Batches {
			slices.Sort(p.Batches[k])
		}
		slices.Sort(p.SendIDs)
		slices.Sort(p.DropIDs)
		if len(p.Batches) != len(tt.wantSend) {
			t.Errorf("%s: batches %v, want %v", tt.name, p.Batches, tt.wantSend)
		}
		for k, ids := range tt.wantSend {
			if !slices.Equal(p.Batches[k], ids) {
				t.Errorf("%s: batch %v = %v, want %v", tt.name, k, p.Batches[k], ids)
			}
		}
		if !slices.Equal(p.SendIDs, tt.wantSent) || !slices.Equal(p.DropIDs, tt.wantDrops) {
			t.Errorf("%s: sent %v dropped %v, want %v %v", tt.name, p.SendIDs, p.DropIDs, tt.wantSent, tt.wantDrops)
		}
	}
}
