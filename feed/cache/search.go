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

// Search runs a full-text query over item titles, summaries and cached
// article text, best matches first (bm25, title words weigh 4× body
// words). The query is words that must all match, "quoted phrases" and
// prefix* words; it is normalised like the index (see Normalize) and
// translated to FTS5 syntax here, so no user input is an FTS5 syntax
// error. A query with no words returns no hits. Each hit carries a plain
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
	err := withTx(ctx, s.r, func(tx *sql.Tx) error {
		items, err := queryItems(ctx, tx, `SELECT `+itemCols+`
			FROM (SELECT rowid AS n, rank FROM items_fts WHERE items_fts MATCH ? ORDER BY rank LIMIT ?) h
			JOIN items i ON i.n = h.n LEFT JOIN feeds f ON f.id = i.feed_id
			ORDER BY h.rank`, matchExpr(terms, "AND"), limit)
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
