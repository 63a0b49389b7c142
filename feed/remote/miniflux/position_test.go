package miniflux

import (
	"testing"
	"time"
)

func TestPosition(t *testing.T) {
	now := time.Unix(2000, 0)
	tests := []struct {
		name         string
		stored       string
		stopAt       int64     // 0: the listing completes
		serverNow    time.Time // zero: no Date header
		wantNext     string
		wantUnparsed position
	}{
		{"first sync completes", "", 0, now, "2000", position{}},
		{"completes without a Date header", "1500", 0, time.Time{}, "1500", position{changedAfter: 1500}},
		{"clock behind the cursor", "2500", 0, now, "2500", position{changedAfter: 2500}},
		{"stops at its bound", "1500", 3000, now, "1500,3000,2000", position{changedAfter: 1500}},
		{"stops again: the first start stays", "1500,3000,2000", 6000, time.Unix(2600, 0), "1500,6000,2000", position{1500, 3000, 2000}},
		{"stops having saved nothing", "1500,3000,2000", 3000, time.Unix(2600, 0), "1500,3000,2000", position{1500, 3000, 2000}},
		{"continued listing completes", "1500,6000,2000", 0, time.Unix(2600, 0), "2000", position{1500, 6000, 2000}},
		{"stops without a Date header", "1500", 3000, time.Time{}, "1500,3000,1500", position{changedAfter: 1500}},
	}
	for _, tt := range tests {
		p, err := parsePosition(tt.stored)
		if err != nil || p != tt.wantUnparsed {
			t.Errorf("%s: parse %q = %+v, %v, want %+v", tt.name, tt.stored, p, err, tt.wantUnparsed)
			continue
		}
		next := p.done(tt.serverNow)
		if tt.stopAt != 0 {
			next = p.stoppedAt(tt.stopAt, tt.serverNow)
		}
		if next.String() != tt.wantNext {
			t.Errorf("%s: next %q, want %q", tt.name, next, tt.wantNext)
		}
		if back, err := parsePosition(next.String()); err != nil || back != next {
			t.Errorf("%s: %q read back as %+v, %v", tt.name, next, back, err)
		}
	}
	for _, bad := range []string{"x", "1,2", "1,2,3,4", "1,,3"} {
		if _, err := parsePosition(bad); err == nil {
			t.Errorf("parsePosition(%q) succeeded", bad)
		}
	}
}
