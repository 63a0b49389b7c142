package cache

import (
	"context"
	"database/sql"
	"fmt"

	"github.com/akhbar/akhbar/feed"
)

// DefaultSearchLimit is the number of hits Search returns when the limit
// given is 0 or less.
const DefaultSearchLimit = 20

// searchWindow bounds the work of a broad query: one that matches more
// items than this ranks only its searchWindow newest matches (bm25 reads
// the size of every document it scores, and a word found in half a 100k
// cache would take a third of a second to rank in full).
const searchWindow = 5000

// searchFrom returns the lowest item number that a search for match
// ranks: 0 when match has at most searchWindow hits, else the number of
// its searchWindow-th newest hit.
func searchFrom(ctx context.Context, tx *sql.Tx, match string, window int) (int64, error) {
	var from sql.NullInt64
	var n int
	err := tx.QueryRowContext(ctx, `SELECT min(rowid), count(*) FROM
		(SELECT rowid FROM items_fts WHERE items_fts MATCH ? ORDER BY rowid DESC LIMIT ?)`,
		match, window).Scan(&from, &n)
	if err != nil || n < window {
		return 0, err
	}
	return from.Int64, nil
}

// Search runs a full-text query over item titles, summaries and cached
// article text, best matches first (bm25, title words weigh 4× body
// words). The query is words that must all match, "quoted phrases" and
// prefix* words; it is normalised like the index (see Normalize) and
// translated to FTS5 syntax here, so no user input is an FTS5 syntax
// error. A query with no words returns no hits. A query matching more
// than searchWindow items ranks the newest searchWindow of them. Each hit carries a plain
// text snippet of the original text around the first match, with the
// byte ranges of the matches in it. It fails only when the database does.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]feed.SearchHit, error) {
	terms := parseQuery(query)
	if len(terms) == 0 {
		return nil, nil
	}
	if limit <= 0 {
		limit = DefaultSearchLimit
	}
	var hits []feed.SearchHit
	match := matchExpr(terms, "AND")
	err := withTx(ctx, s.r, func(tx *sql.Tx) error {
		from, err := searchFrom(ctx, tx, match, s.window)
		if err != nil {
			return err
		}
		items, err := queryItems(ctx, tx, `SELECT `+itemCols+`
			FROM (SELECT rowid AS n, rank FROM items_fts WHERE items_fts MATCH ? AND rowid >= ?
				ORDER BY rank LIMIT ?) h
			JOIN items i ON i.n = h.n LEFT JOIN feeds f ON f.id = i.feed_id
			ORDER BY h.rank`, match, from, limit)
		if err != nil {
			return err
		}
		for _, it := range items {
			text, err := articleText(ctx, tx, it.URL)
			if err != nil {
				return err
			}
			snip, match := snippet(bodyText(it.Summary, text), terms)
			hits = append(hits, feed.SearchHit{Item: it, Snippet: snip, Match: match})
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	return hits, nil
}
