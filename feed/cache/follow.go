package cache

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"

	"github.com/akhbar/akhbar/feed"
)

// Following a developing story: a follow is a saved query, in the
// language of Search. Its items are the items the search index matches,
// so a refresh that saves a matching item adds it to the follow at once;
// feed.ItemQuery.Follow pages through them like a feed.

// AddFollow saves query as a followed story titled by the query itself.
// It fails when the query has no word to search for, or the database
// fails.
func (s *Store) AddFollow(ctx context.Context, query string) (feed.Follow, error) {
	query = strings.Join(strings.Fields(query), " ")
	terms := parseQuery(query)
	if len(terms) == 0 {
		return feed.Follow{}, fmt.Errorf("follow %q: no words to search for", query)
	}
	f := feed.Follow{Query: query, Title: query, Created: s.now()}
	err := withTx(ctx, s.w, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `INSERT INTO follows (query, match, title, created) VALUES (?, ?, ?, ?)`,
			f.Query, matchExpr(terms, "AND"), f.Title, encTime(f.Created))
		if err != nil {
			return err
		}
		f.ID, err = res.LastInsertId()
		return err
	})
	if err != nil {
		return feed.Follow{}, fmt.Errorf("follow %q: %w", query, err)
	}
	return s.countFollow(ctx, f)
}

// RemoveFollow stops following a story (its items stay). It fails with
// feed.ErrNotFound when there is no follow with this ID.
func (s *Store) RemoveFollow(ctx context.Context, id int64) error {
	err := withTx(ctx, s.w, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM follows WHERE id = ?`, id)
		if err != nil {
			return err
		}
		return mustAffect(res, "follow")
	})
	if err != nil {
		return fmt.Errorf("unfollow %d: %w", id, err)
	}
	return nil
}

// Follows lists the followed stories, oldest first, with their unread
// and total counts (one index lookup per follow and a count of its
// matches). It fails only when the database does.
func (s *Store) Follows(ctx context.Context) ([]feed.Follow, error) {
	var out []feed.Follow
	err := withTx(ctx, s.r, func(tx *sql.Tx) error {
		rows, err := tx.QueryContext(ctx, `SELECT f.id, f.query, f.title, f.created,
			(SELECT count(*) FROM items_fts WHERE items_fts MATCH f.match),
			(SELECT count(*) FROM items_fts JOIN items i ON i.n = items_fts.rowid
				WHERE items_fts MATCH f.match AND i.read = 0)
			FROM follows f ORDER BY f.id`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			f, err := scanFollow(rows)
			if err != nil {
				return err
			}
			out = append(out, f)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("list follows: %w", err)
	}
	return out, nil
}

func scanFollow(row interface{ Scan(...any) error }) (feed.Follow, error) {
	var f feed.Follow
	var created sql.NullString
	if err := row.Scan(&f.ID, &f.Query, &f.Title, &created, &f.Total, &f.Unread); err != nil {
		return f, err
	}
	var err error
	f.Created, err = decTime(created)
	return f, err
}

// countFollow fills in f's counts.
func (s *Store) countFollow(ctx context.Context, f feed.Follow) (feed.Follow, error) {
	var err error
	if f.Total, err = s.CountItems(ctx, feed.ItemQuery{Follow: f.ID}); err != nil {
		return f, fmt.Errorf("follow %q: %w", f.Query, err)
	}
	if f.Unread, err = s.CountItems(ctx, feed.ItemQuery{Follow: f.ID, Unread: true}); err != nil {
		return f, fmt.Errorf("follow %q: %w", f.Query, err)
	}
	return f, nil
}

// Follow query tuning.
const (
	// followTerms is how many key terms FollowQuery suggests.
	followTerms = 3
	// followCountCap bounds the count of items per candidate term.
	followCountCap = 5000
)

// FollowQuery suggests a query for following the story of an item: up to
// three of its key terms (no stop words, short words or numbers), the
// rarest in the cache first, taken from the title and, when it has too
// few, from the summary or lead; written as they appear in the item. The
// user can edit it before AddFollow. It fails with feed.ErrNotFound when
// there is no such item; an item with no usable terms gives its title.
func (s *Store) FollowQuery(ctx context.Context, itemID string) (string, error) {
	var q string
	err := withTx(ctx, s.r, func(tx *sql.Tx) error {
		src, err := loadSource(ctx, tx, itemID)
		if err != nil {
			return err
		}
		picked, err := storyTerms(ctx, tx, keyTerms(src.title, s.stop()), nil)
		if err != nil {
			return err
		}
		if len(picked) < followTerms {
			if picked, err = storyTerms(ctx, tx, keyTerms(src.summary, s.stop()), picked); err != nil {
				return err
			}
		}
		q = originalWords(src.title+"\n"+src.summary, picked)
		if q == "" {
			q = src.title
		}
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("follow query for %s: %w", itemID, err)
	}
	return q, nil
}

// storyTerms adds to picked, up to followTerms, the words that occur in
// the fewest items but more than one.
func storyTerms(ctx context.Context, tx *sql.Tx, words, picked []string) ([]string, error) {
	dfs, err := docCounts(ctx, tx, words, followCountCap)
	if err != nil {
		return nil, err
	}
	for _, d := range dfs {
		if len(picked) == followTerms {
			break
		}
		if d.docs > 1 && !slices.Contains(picked, d.term) {
			picked = append(picked, d.term)
		}
	}
	return picked, nil
}

// originalWords writes the normalised words as they first appear in text
// (with their harakat, hamza and case), in that order of appearance.
func originalWords(text string, words []string) string {
	want := map[string]bool{}
	for _, w := range words {
		want[w] = true
	}
	var out []string
	for _, sp := range wordSpans(text) {
		orig := text[sp.start:sp.end]
		if n := Normalize(orig); want[n] {
			out = append(out, orig)
			delete(want, n)
		}
	}
	return strings.Join(out, " ")
}
