package greader

import (
	"maps"
	"strings"
	"testing"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/remote/internal/engine"
)

func TestGRCursorRoundTrip(t *testing.T) {
	tests := []struct {
		name     string
		unread   idSet
		wantForm string // how the unread set is written
	}{
		{"empty", idSet{}, `"unread":"d:"`},
		{"decimal as base-36 differences", idSet{"1764390000000000": true, "1764390000000036": true, "5": true}, `"unread":"d:5.hdf9kqst17.10"`},
		{"hex IDs as they are", idSet{"5d0cbf5e1b2c3d4e5f607182": true, "12": true}, `"unread":"s:12 5d0cbf5e1b2c3d4e5f607182"`},
		{"leading zero is not decimal", idSet{"012": true}, `"unread":"s:012"`},
		{"negative is not decimal", idSet{"-1": true}, `"unread":"s:-1"`},
	}
	for _, tt := range tests {
		c := grCursor{Time: 1764390000, Mode: modeIDs, Unread: tt.unread, Starred: idSet{"7": true}}
		s, err := c.encode()
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if !strings.Contains(s, tt.wantForm) {
			t.Errorf("%s: cursor %s, want %s in it", tt.name, s, tt.wantForm)
		}
		back, err := parseGRCursor(s)
		if err != nil {
			t.Fatalf("%s: parse %s: %v", tt.name, s, err)
		}
		if back.Time != c.Time || back.Mode != c.Mode || !maps.Equal(back.Unread, c.Unread) || !maps.Equal(back.Starred, c.Starred) {
			t.Errorf("%s: %s read back as %+v, want %+v", tt.name, s, back, c)
		}
	}
}

func TestGRCursorBad(t *testing.T) {
	for _, s := range []string{`{`, `{"unread":"x:1"}`, `{"unread":"d:1.!"}`, `{"unread":5}`} {
		if _, err := parseGRCursor(s); err == nil {
			t.Errorf("parseGRCursor(%s) succeeded", s)
		}
	}
	c, err := parseGRCursor("")
	if err != nil || c.Time != 0 || c.Mode != "" || len(c.Unread) != 0 || c.Unread == nil || c.Starred == nil {
		t.Errorf(`parseGRCursor("") = %+v, %v, want an empty cursor with empty sets`, c, err)
	}
}

func TestApplySent(t *testing.T) {
	c := grCursor{Unread: idSet{"1": true, "2": true}, Starred: idSet{"3": true}}
	applySent(c, map[engine.BatchKey][]string{
		{Field: feed.FieldRead, Value: true}:     {"1"},
		{Field: feed.FieldRead, Value: false}:    {"4"},
		{Field: feed.FieldStarred, Value: true}:  {"2"},
		{Field: feed.FieldStarred, Value: false}: {"3"},
	})
	if want := (idSet{"2": true, "4": true}); !maps.Equal(c.Unread, want) {
		t.Errorf("unread %v, want %v", c.Unread, want)
	}
	if want := (idSet{"2": true}); !maps.Equal(c.Starred, want) {
		t.Errorf("starred %v, want %v", c.Starred, want)
	}
}
