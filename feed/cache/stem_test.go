package cache

import (
	"context"
	"database/sql"
	"path/filepath"
	"slices"
	"testing"

	"github.com/akhbar/akhbar/feed"
)

func TestWordForms(t *testing.T) {
	tests := []struct {
		word string
		has  []string // forms that must be there
		not  []string // forms that must not
	}{
		{"والمغادرة", []string{"المغادره", "مغادره", "مغادر"}, nil},
		{"للمغادرة", []string{"مغادره"}, nil},
		{"بالكرملين", []string{"كرملين", "الكرملين", "كرمل"}, nil},
		{"المعلمون", []string{"معلمون", "معلم"}, nil},
		{"ولبنان", []string{"لبنان"}, nil},
		{"النفطية", []string{"نفطيه", "نفط", "نفطي"}, nil},
		{"کتابها", []string{"كتاب"}, nil},                // Persian plural ها
		{"بيت", []string{"بيت"}, []string{"يت"}},         // too short to strip ب
		{"قمة", []string{"قمه"}, []string{"قم"}},         // too short to strip ة
		{"الاسلام", []string{"اسلام"}, []string{"سلام"}}, // ا is no prefix
		{"והממשלה", []string{"הממשלה", "ממשלה"}, []string{"משלה"}},
		{"בירושלים", []string{"ירושלים"}, nil},
		{"הבחירות", []string{"בחירות"}, []string{"חירות"}}, // ה comes last: nothing after it
		{"השר", []string{"השר"}, []string{"שר"}},           // too short
		{"בית", []string{"בית"}, []string{"ית"}},
		{"economy", nil, []string{"economy"}}, // other scripts: no forms at all
	}
	for _, tt := range tests {
		forms := wordForms(Normalize(tt.word))
		for _, f := range tt.has {
			if !slices.Contains(forms, f) {
				t.Errorf("wordForms(%s) = %q, want %s in it", tt.word, forms, f)
			}
		}
		for _, f := range tt.not {
			if slices.Contains(forms, f) {
				t.Errorf("wordForms(%s) = %q, want no %s", tt.word, forms, f)
			}
		}
	}
}

// TestSearchExactFormsFirst checks that, among items matching a word in
// the same field, those with the word as typed rank above those with an
// inflected form.
func TestSearchExactFormsFirst(t *testing.T) {
	s, _ := newStore(t)
	f := addFeed(t, s, "https://news.example/rss", "")
	saveFetch(t, s, f.ID,
		feed.Item{GUID: "inflected-title", Title: "وفد في الكرملين", Summary: "زيارة رسمية"},
		feed.Item{GUID: "exact-title", Title: "وفد في كرملين موسكو", Summary: "زيارة رسمية"},
		feed.Item{GUID: "inflected-body", Title: "زيارة رسمية", Summary: "وصل الوفد إلى الكرملين"},
		feed.Item{GUID: "exact-body", Title: "زيارة رسمية", Summary: "وصل الوفد إلى كرملين موسكو"},
	)
	hits, err := s.Search(context.Background(), "كرملين", 10)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, h := range hits {
		got = append(got, h.Item.GUID)
	}
	want := []string{"exact-title", "exact-body", "inflected-title", "inflected-body"}
	if len(got) != 4 || got[0] != "exact-title" || !slices.Contains(got[:2], "exact-body") {
		t.Fatalf("Search(كرملين) ranks %q, want the exact forms first (%q)", got, want)
	}
}

// TestMigrateFromVersion5 opens a cache written before light stemming
// and charset records (schema version 5): Open re-indexes its items and
// rebuilds its follows, so inflected forms are found at once, and a feed
// with U+FFFD garbage loses its validators (its next fetch is a full one).
func TestMigrateFromVersion5(t *testing.T) {
	path := filepath.Join(t.TempDir(), "cache.db")
	db, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for v := 1; v <= 5; v++ {
		if err := migrateStep(ctx, db, v, migrations[v-1]); err != nil {
			t.Fatal(err)
		}
	}
	for _, q := range []string{
		`INSERT INTO feeds (id, url) VALUES (1, 'https://old.example/rss')`,
		`INSERT INTO items (n, id, feed_id, title, summary, fetched, sort_time)
			VALUES (1, 'old-1', 1, 'وفد أوروبي بالكرملين', 'الحكومة والمغادرة', '2026-01-01T00:00:00Z', 1767225600)`,
		`INSERT INTO items_fts (rowid, title, body) VALUES (1, 'وفد اوروبي بالكرملين', 'الحكومه والمغادره')`,
		`INSERT INTO follows (id, query, match, created) VALUES (1, 'كرملين', '"كرملين"', '2026-01-01T00:00:00Z')`,
		`INSERT INTO feeds (id, url, etag, last_modified) VALUES (2, 'https://lossy.example/rss', '"v1"', 'yesterday')`,
		`INSERT INTO items (n, id, feed_id, title, fetched, sort_time)
			VALUES (2, 'lossy-1', 2, '` + "\uFFFD\uFFFD \uFFFD" + `', '2026-01-01T00:00:00Z', 1767225600)`,
	} {
		if _, err := db.ExecContext(ctx, q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for _, q := range []string{"كرملين", "مغادرة", "حكومة"} {
		hits, err := s.Search(ctx, q, 5)
		if err != nil || len(hits) != 1 {
			t.Fatalf("Search(%s) after migration: %d hits, %v; want 1", q, len(hits), err)
		}
	}
	for url, etag := range map[string]string{"https://old.example/rss": "", "https://lossy.example/rss": ""} {
		f, err := s.FeedByURL(ctx, url)
		if err != nil || f.ETag != etag || f.LastModified != "" {
			t.Fatalf("feed %s after migration: ETag %q, Last-Modified %q, %v; want none", url, f.ETag, f.LastModified, err)
		}
	}
	follows, err := s.Follows(ctx)
	if err != nil || len(follows) != 1 || follows[0].Total != 1 {
		t.Fatalf("follows after migration: %+v, %v; want one with 1 item", follows, err)
	}
}
