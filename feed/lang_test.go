package feed

import "testing"

func TestIsRTLLang(t *testing.T) {
	tests := []struct {
		tag  string
		want bool
	}{
		{"ar", true},
		{"fa-IR", true},
		{"he_IL", true},
		{" UR ", true},
		{"ckb", true},
		{"iw", true},
		{"en", false},
		{"en-US", false},
		{"fr_ar", false}, // only the primary subtag counts
		{"arabic", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := IsRTLLang(tt.tag); got != tt.want {
			t.Errorf("IsRTLLang(%q) = %v, want %v", tt.tag, got, tt.want)
		}
	}
}
