package cache

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/akhbar/akhbar/feed"
)

// Related tuning.
const (
	// DefaultRelatedLimit is the number of items Related returns when
	// the limit given is 0 or less.
	DefaultRelatedLimit = 10
	// relatedTerms is how many key terms the "more like this" query uses.
	relatedTerms = 12
	// leadBytes is how much of the article stands in for a missing summary.
	leadBytes = 600
	// sameCategoryBoost multiplies the bm25 score of a hit from the same
	// feed sharing a category (bm25 scores are negative: lower is better).
	sameCategoryBoost = 1.5
)

// source is what Related needs of the item it starts from.
type source struct {
	n       int64
	feedID  sql.NullInt64
	title   string
	summary string
	url     string
	cats    []string
}

// Related lists cached items most like the item with this ID, best
// first, never the item itself. It builds an OR query of the item's key
// terms (title and lead, normalised, without stop words, short words and
// numbers, keeping the rarest in the cache), ranks other items by bm25,
// boosts those of the same feed that share a category, and fills up with
// the newest items of the same feed sharing a category. It fails with
// feed.ErrNotFound when there is no item with this ID.
func (s *Store) Related(ctx context.Context, id string, limit int) ([]feed.Item, error) {
	if limit <= 0 {
		limit = DefaultRelatedLimit
	}
	var out []feed.Item
	err := withTx(ctx, s.r, func(tx *sql.Tx) error {
		src, err := loadSource(ctx, tx, id)
		if err != nil {
			return err
		}
		ranked, err := s.moreLikeThis(ctx, tx, src, limit)
		if err != nil {
			return err
		}
		out, err = itemsByN(ctx, tx, ranked)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("related to %s: %w", id, err)
	}
	return out, nil
}

func loadSource(ctx context.Context, tx *sql.Tx, id string) (source, error) {
	var src source
	var cats string
	err := tx.QueryRowContext(ctx, `SELECT n, feed_id, title, summary, url, categories FROM items WHERE id = ?`, id).
		Scan(&src.n, &src.feedID, &src.title, &src.summary, &src.url, &cats)
	if errors.Is(err, sql.ErrNoRows) {
		return src, notFound("item")
	}
	if err != nil {
		return src, err
	}
	if err := json.Unmarshal([]byte(cats), &src.cats); err != nil {
		return src, fmt.Errorf("decode categories: %w", err)
	}
	if src.summary == "" {
		text, err := articleText(ctx, tx, src.url)
		if err != nil {
			return src, err
		}
		src.summary = cutWords(text, leadBytes)
	}
	return src, nil
}

// cutWords returns at most about n bytes of s, cut at a word boundary.
func cutWords(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for _, sp := range wordSpans(s) {
		if sp.end > n {
			return s[:sp.start]
		}
	}
	return s[:n]
}

// moreLikeThis returns the item numbers most like src, best first.
func (s *Store) moreLikeThis(ctx context.Context, tx *sql.Tx, src source, limit int) ([]int64, error) {
	terms, err := rareTerms(ctx, tx, keyTerms(src.title+"\n"+src.summary, s.stop()))
	if err != nil {
		return nil, err
	}
	type hit struct {
		n     int64
		score float64
	}
	var hits []hit
	if len(terms) > 0 {
		rows, err := tx.QueryContext(ctx, `SELECT rowid, rank FROM items_fts
			WHERE items_fts MATCH ? AND rowid != ? ORDER BY rank LIMIT ?`,
			matchExpr(wordTerms(terms), "OR"), src.n, 2*limit)
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var h hit
			if err := rows.Scan(&h.n, &h.score); err != nil {
				return nil, errors.Join(err, rows.Close())
			}
			hits = append(hits, h)
		}
		if err := errors.Join(rows.Err(), rows.Close()); err != nil {
			return nil, err
		}
	}
	same, err := sameCategory(ctx, tx, src, 2*limit)
	if err != nil {
		return nil, err
	}
	for i, h := range hits {
		if slices.Contains(same, h.n) {
			hits[i].score *= sameCategoryBoost
		}
	}
	slices.SortStableFunc(hits, func(a, b hit) int { return cmp.Compare(a.score, b.score) })
	var out []int64
	for _, h := range hits {
		out = append(out, h.n)
	}
	for _, n := range same {
		if !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out[:min(limit, len(out))], nil
}

// wordTerms makes one single-word term of each word.
func wordTerms(words []string) []term {
	out := make([]term, len(words))
	for i, w := range words {
		out[i] = term{words: []string{w}}
	}
	return out
}

// rareTerms keeps the relatedTerms words of words that occur in the
// fewest items, dropping words that occur in only one item (this one) or
// in more than one item in a hundred (at least 20).
func rareTerms(ctx context.Context, tx *sql.Tx, words []string) ([]string, error) {
	if len(words) == 0 {
		return nil, nil
	}
	var total int
	if err := tx.QueryRowContext(ctx, `SELECT coalesce(sum(total), 0) FROM feeds`).Scan(&total); err != nil {
		return nil, err
	}
	limit := max(20, total/100)
	dfs, err := docCounts(ctx, tx, words, limit+1)
	if err != nil {
		return nil, err
	}
	dfs = slices.DeleteFunc(dfs, func(d docCount) bool { return d.docs <= 1 || d.docs > limit })
	var out []string
	for _, d := range dfs[:min(relatedTerms, len(dfs))] {
		out = append(out, d.term)
	}
	return out, nil
}

// docCount is how many items a word occurs in (up to a cap).
type docCount struct {
	term string
	docs int
}

// docCounts counts the items each word occurs in, stopping at limit (so
// a common word costs no more than a rare one; fts5vocab would read a
// common word's whole posting list), and sorts them rarest first.
func docCounts(ctx context.Context, tx *sql.Tx, words []string, limit int) ([]docCount, error) {
	st, err := tx.PrepareContext(ctx, `SELECT count(*) FROM
		(SELECT rowid FROM items_fts WHERE items_fts MATCH ? LIMIT ?)`)
	if err != nil {
		return nil, err
	}
	defer st.Close()
	var dfs []docCount
	for _, w := range words {
		d := docCount{term: w}
		if err := st.QueryRowContext(ctx, matchExpr(wordTerms([]string{w}), ""), limit).Scan(&d.docs); err != nil {
			return nil, err
		}
		dfs = append(dfs, d)
	}
	slices.SortFunc(dfs, func(a, b docCount) int { return cmp.Or(cmp.Compare(a.docs, b.docs), cmp.Compare(a.term, b.term)) })
	return dfs, nil
}

// sameCategory returns the newest items of src's feed that share one of
// its categories, at most limit, never src itself.
func sameCategory(ctx context.Context, tx *sql.Tx, src source, limit int) ([]int64, error) {
	if !src.feedID.Valid || len(src.cats) == 0 {
		return nil, nil
	}
	args := []any{src.feedID.Int64}
	for _, c := range src.cats {
		args = append(args, Normalize(c))
	}
	args = append(args, src.n, limit)
	rows, err := tx.QueryContext(ctx, `SELECT DISTINCT c.item FROM item_categories c JOIN items i ON i.n = c.item
		WHERE c.feed_id = ? AND c.name IN (`+placeholders(len(src.cats))+`) AND c.item != ?
		ORDER BY i.sort_time DESC LIMIT ?`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []int64
	for rows.Next() {
		var n int64
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, rows.Err()
}

// itemsByN loads items by number, in the order given.
func itemsByN(ctx context.Context, tx *sql.Tx, ns []int64) ([]feed.Item, error) {
	if len(ns) == 0 {
		return nil, nil
	}
	args := make([]any, len(ns))
	for i, n := range ns {
		args[i] = n
	}
	rows, err := tx.QueryContext(ctx, `SELECT i.n, `+itemCols+itemFrom+` WHERE i.n IN (`+placeholders(len(ns))+`)`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	byN := map[int64]feed.Item{}
	for rows.Next() {
		var n int64
		it, err := scanItem(prefixScanner{rows, &n})
		if err != nil {
			return nil, err
		}
		byN[n] = it
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]feed.Item, 0, len(ns))
	for _, n := range ns {
		if it, ok := byN[n]; ok {
			out = append(out, it)
		}
	}
	return out, nil
}

// prefixScanner scans one extra leading column into first.
type prefixScanner struct {
	rows  *sql.Rows
	first any
}

func (p prefixScanner) Scan(dst ...any) error {
	return p.rows.Scan(append([]any{p.first}, dst...)...)
}
