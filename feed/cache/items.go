package cache

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/akhbar/akhbar/feed"
)

// DefaultPageSize is the page size of Items when the query gives none.
const DefaultPageSize = 50

// itemCols are the columns scanItem reads, for items aliased i joined
// with feeds aliased f.
const itemCols = `i.id, coalesce(i.feed_id, 0), coalesce(CASE f.title WHEN '' THEN f.own_title ELSE f.title END, i.origin),
	i.guid, i.url, i.title, i.summary, i.author, i.published, i.updated, i.fetched,
	i.categories, i.image, i.lang, i.read, i.starred, i.position`

// itemFrom is the FROM clause that goes with itemCols.
const itemFrom = ` FROM items i LEFT JOIN feeds f ON f.id = i.feed_id `

func scanItem(row interface{ Scan(...any) error }) (feed.Item, error) {
	var it feed.Item
	var pub, upd, fetched sql.NullString
	var cats string
	err := row.Scan(&it.ID, &it.FeedID, &it.FeedTitle, &it.GUID, &it.URL, &it.Title,
		&it.Summary, &it.Author, &pub, &upd, &fetched, &cats, &it.Image, &it.Lang,
		&it.Read, &it.Starred, &it.Position)
	if err != nil {
		return it, err
	}
	if it.Published, err = decTime(pub); err != nil {
		return it, err
	}
	if it.Updated, err = decTime(upd); err != nil {
		return it, err
	}
	if it.Fetched, err = decTime(fetched); err != nil {
		return it, err
	}
	if err := json.Unmarshal([]byte(cats), &it.Categories); err != nil {
		return it, fmt.Errorf("decode categories of %s: %w", it.ID, err)
	}
	return it, nil
}

// queryItems runs a query whose columns are itemCols and collects the rows.
func queryItems(ctx context.Context, db interface {
	QueryContext(context.Context, string, ...any) (*sql.Rows, error)
}, query string, args ...any) ([]feed.Item, error) {
	rows, err := db.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []feed.Item
	for rows.Next() {
		it, err := scanItem(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, it)
	}
	return out, rows.Err()
}

// where renders the filter of q as a WHERE clause and its arguments. The
// conditions are written so that SQLite can use the items indices
// (including the partial index on starred items).
func where(q feed.ItemQuery) (string, []any) {
	var conds []string
	var args []any
	if q.FeedID != 0 {
		conds = append(conds, "i.feed_id = ?")
		args = append(args, q.FeedID)
	}
	if q.Folder != "" {
		conds = append(conds, "i.feed_id IN (SELECT id FROM feeds WHERE folder = ?)")
		args = append(args, q.Folder)
	}
	switch {
	case q.Account == feed.LocalOnly:
		conds = append(conds, "i.feed_id IN (SELECT id FROM feeds WHERE account IS NULL OR account = 0)")
	case q.Account > 0:
		conds = append(conds, "i.feed_id IN (SELECT id FROM feeds WHERE account = ?)")
		args = append(args, q.Account)
	}
	if q.Unread {
		conds = append(conds, "i.read = 0")
	}
	if q.Starred {
		conds = append(conds, "i.starred = 1")
	}
	if q.Follow != 0 {
		conds = append(conds, `i.n IN (SELECT rowid FROM items_fts WHERE items_fts MATCH
			coalesce((SELECT match FROM follows WHERE id = ?), '""'))`)
		args = append(args, q.Follow)
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

// orderBy is the ORDER BY clause of an order. The item number breaks
// ties so that pages never overlap; it runs against the time so that
// every order is one scan of an index declared (…, sort_time DESC),
// which carries the row number ascending. Items of one fetch, saved in
// feed order, keep that order within a second.
func orderBy(o feed.Order) string {
	switch o {
	case feed.OldestFirst:
		return " ORDER BY i.sort_time, i.n DESC"
	case feed.UnreadFirst:
		return " ORDER BY i.read, i.sort_time DESC, i.n"
	default:
		return " ORDER BY i.sort_time DESC, i.n"
	}
}

// pageSQL selects the numbers of one page of items: it reads only an
// index (every column it needs is in the index chosen), so skipping
// Offset rows does not read them. The outer query of Items then reads
// the page's rows alone and puts them back in order.
func pageSQL(where string, o feed.Order) string {
	return `SELECT i.n FROM items i` + where + orderBy(o) + ` LIMIT ? OFFSET ?`
}

// Items returns one page of headlines selected by q: at most q.Limit rows
// (DefaultPageSize when 0) from q.Offset, read through an index in sort
// order. An empty page is not an error.
func (s *Store) Items(ctx context.Context, q feed.ItemQuery) ([]feed.Item, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = DefaultPageSize
	}
	w, args := where(q)
	args = append(args, limit, max(q.Offset, 0))
	items, err := queryItems(ctx, s.r, `SELECT `+itemCols+` FROM (`+pageSQL(w, q.Order)+`) AS page
		JOIN items i ON i.n = page.n LEFT JOIN feeds f ON f.id = i.feed_id`+orderBy(q.Order), args...)
	if err != nil {
		return nil, fmt.Errorf("list items: %w", err)
	}
	return items, nil
}

// CountItems counts what Items pages through for q (ignoring Offset and
// Limit). It fails only when the database does.
func (s *Store) CountItems(ctx context.Context, q feed.ItemQuery) (int, error) {
	w, args := where(q)
	var n int
	if err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM items i`+w, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("count items: %w", err)
	}
	return n, nil
}

// Item finds one item by its ID, failing with feed.ErrNotFound when there
// is none.
func (s *Store) Item(ctx context.Context, id string) (feed.Item, error) {
	it, err := scanItem(s.r.QueryRowContext(ctx, `SELECT `+itemCols+itemFrom+` WHERE i.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		err = notFound("item")
	}
	if err != nil {
		return feed.Item{}, fmt.Errorf("item %s: %w", id, err)
	}
	return it, nil
}

// ItemByURL finds the newest item whose link is url, failing with
// feed.ErrNotFound when there is none.
func (s *Store) ItemByURL(ctx context.Context, url string) (feed.Item, error) {
	it, err := scanItem(s.r.QueryRowContext(ctx, `SELECT `+itemCols+itemFrom+
		` WHERE i.url = ? ORDER BY i.sort_time DESC, i.n LIMIT 1`, url))
	if errors.Is(err, sql.ErrNoRows) {
		err = notFound("item")
	}
	if err != nil {
		return feed.Item{}, fmt.Errorf("item at %s: %w", url, err)
	}
	return it, nil
}

// SetRead marks the items with these IDs read or unread, in one
// transaction that also queues the change of synced items for their
// accounts (see Mark). Unknown IDs are skipped.
func (s *Store) SetRead(ctx context.Context, ids []string, read bool) error {
	at := s.now().UnixNano()
	err := withStmtTx(ctx, s.w, func(tx *stmtTx) error {
		for _, id := range ids {
			res, err := tx.ExecContext(ctx, `UPDATE items SET read = ? WHERE id = ? AND read != ?`, read, id, read)
			if err != nil {
				return err
			}
			n, err := res.RowsAffected()
			if err != nil {
				return err
			}
			if n == 0 {
				continue
			}
			if _, err := tx.ExecContext(ctx, queueSQL, feed.FieldRead, read, at, id); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("set read on %d items: %w", len(ids), err)
	}
	return nil
}

// SetStarred stars or unstars one item, and queues the change when the
// item is synced (see Mark). It fails with feed.ErrNotFound when there is
// no item with this ID.
func (s *Store) SetStarred(ctx context.Context, id string, starred bool) error {
	err := withTx(ctx, s.w, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE items SET starred = ? WHERE id = ?`, starred, id)
		if err != nil {
			return err
		}
		if err := mustAffect(res, "item"); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, queueSQL, feed.FieldStarred, starred, s.now().UnixNano(), id)
		return err
	})
	if err != nil {
		return fmt.Errorf("set starred on %s: %w", id, err)
	}
	return nil
}
