package main

import (
	"math"
	"slices"
	"testing"
)

func TestTokensSplitsOnNonWordRunes(t *testing.T) {
	got := tokens("The Port's NEW crane — 12,5 m_high; الميناء الجديد")
	want := []string{"the", "port", "s", "new", "crane", "12", "5", "m_high", "الميناء", "الجديد"}
	if !slices.Equal(got, want) {
		t.Fatalf("tokens = %q, want %q", got, want)
	}
}

func TestShinglesCountsRepeats(t *testing.T) {
	got := shingles("a b c d a b c d")
	if got["a b c d"] != 2 || got["b c d a"] != 1 || len(got) != 4 {
		t.Fatalf("shingles = %v", got)
	}
	if short := shingles("only two"); short["only two"] != 1 || len(short) != 1 {
		t.Fatalf("short text shingles = %v", short)
	}
	if len(shingles(" — ")) != 0 {
		t.Fatal("text without words has shingles")
	}
}

func TestScoreText(t *testing.T) {
	truth := "The ferry left the harbour at dawn and reached the island before noon on Tuesday."
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
	cases := []struct {
		name     string
		got      string
		p, r, f1 float64
	}{
		{"exact", truth, 1, 1, 1},
		{"case and punctuation ignored", "the FERRY left the harbour, at dawn and reached the island before noon on tuesday", 1, 1, 1},
		{"nothing", "", 0, 0, 0},
		// 12 of the truth's 12 shingles, plus 4 from the added menu line.
		{"extra words", truth + " Home News Sport Weather", 12.0 / 16, 1, 2 * (12.0 / 16) / (12.0/16 + 1)},
		// the first half: 5 words give 2 shingles, all true.
		{"half", "The ferry left the harbour", 1, 2.0 / 12, 2 * (2.0 / 12) / (1 + 2.0/12)},
	}
	for _, c := range cases {
		s := scoreText(c.got, truth)
		if !near(s.P, c.p) || !near(s.R, c.r) || !near(s.F1, c.f1) {
			t.Errorf("%s: got P %.3f R %.3f F1 %.3f, want %.3f %.3f %.3f", c.name, s.P, s.R, s.F1, c.p, c.r, c.f1)
		}
	}
	if s := scoreText("", ""); s.F1 != 1 {
		t.Errorf("two empty texts: F1 %.3f, want 1", s.F1)
	}
}
