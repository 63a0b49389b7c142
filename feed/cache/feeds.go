package cache

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/akhbar/akhbar/feed"
)

// feedCols are the columns scanFeed reads, in order.
const feedCols = `id, url, CASE title WHEN '' THEN own_title ELSE title END,
	site_url, folder, etag, last_modified, last_fetch, last_error, notice, unread, total, coalesce(account, 0), retry_after, public_only`

func scanFeed(row interface{ Scan(...any) error }) (feed.Feed, error) {
	var f feed.Feed
	var last, retry sql.NullString
	err := row.Scan(&f.ID, &f.URL, &f.Title, &f.SiteURL, &f.Folder, &f.ETag,
		&f.LastModified, &last, &f.LastError, &f.Notice, &f.Unread, &f.Total, &f.Account, &retry, &f.PublicOnly)
	if err != nil {
		return f, err
	}
	if f.LastFetch, err = decTime(last); err != nil {
		return f, err
	}
	f.RetryAfter, err = decTime(retry)
	return f, err
}

// AddFeed subscribes to f.URL, keeping f.Title (as the user's title, which
// fetches never overwrite), f.SiteURL, f.Folder and f.PublicOnly. Adding a
// URL again returns the existing feed, with Folder updated when f.Folder
// is set; it stays PublicOnly only when both adds said so (a URL the user
// typed may be private however else it was found). It fails when f.URL is
// empty or the database fails.
func (s *Store) AddFeed(ctx context.Context, f feed.Feed) (feed.Feed, error) {
	if f.URL == "" {
		return feed.Feed{}, errors.New("add feed: empty URL")
	}
	var out feed.Feed
	err := withTx(ctx, s.w, func(tx *sql.Tx) error {
		_, err := tx.ExecContext(ctx, `
			INSERT INTO feeds (url, title, site_url, folder, public_only) VALUES (?, ?, ?, ?, ?)
			ON CONFLICT (url) DO UPDATE SET
				folder = CASE excluded.folder WHEN '' THEN folder ELSE excluded.folder END,
				public_only = public_only AND excluded.public_only`,
			f.URL, f.Title, f.SiteURL, f.Folder, f.PublicOnly)
		if err != nil {
			return err
		}
		out, err = scanFeed(tx.QueryRowContext(ctx, `SELECT `+feedCols+` FROM feeds WHERE url = ?`, f.URL))
		return err
	})
	if err != nil {
		return feed.Feed{}, fmt.Errorf("add feed %s: %w", f.URL, err)
	}
	return out, nil
}

// RemoveFeed unsubscribes from the feed at url. Its items and their
// articles are deleted, except starred items (and their articles), which
// stay as orphans: feed_id NULL, the feed's title kept as FeedTitle. It
// fails with feed.ErrNotFound when there is no such feed.
func (s *Store) RemoveFeed(ctx context.Context, url string) error {
	err := withTx(ctx, s.w, func(tx *sql.Tx) error {
		var id int64
		var title string
		err := tx.QueryRowContext(ctx, `SELECT id, CASE title WHEN '' THEN own_title ELSE title END
			FROM feeds WHERE url = ?`, url).Scan(&id, &title)
		if errors.Is(err, sql.ErrNoRows) {
			return notFound("feed")
		}
		if err != nil {
			return err
		}
		return removeFeedTx(ctx, tx, id, title)
	})
	if err != nil {
		return fmt.Errorf("remove feed %s: %w", url, err)
	}
	return nil
}

// removeFeedTx deletes the feed id and its items and articles, keeping
// starred items (and their articles) as orphans titled title.
func removeFeedTx(ctx context.Context, tx *sql.Tx, id int64, title string) error {
	steps := []struct {
		sql  string
		args []any
	}{
		{`DELETE FROM item_categories WHERE feed_id = ?`, []any{id}},
		{`UPDATE items SET feed_id = NULL, origin = ? WHERE feed_id = ? AND starred = 1`, []any{title, id}},
		{`DELETE FROM articles WHERE url IN (SELECT url FROM items WHERE feed_id = ?)
			AND NOT EXISTS (SELECT 1 FROM items j WHERE j.url = articles.url AND (j.feed_id IS NULL OR j.feed_id != ?))`,
			[]any{id, id}},
		{orphanImagesSQL, nil},
		{`DELETE FROM items WHERE feed_id = ?`, []any{id}},
		{`DELETE FROM feeds WHERE id = ?`, []any{id}},
	}
	for _, st := range steps {
		if _, err := tx.ExecContext(ctx, st.sql, st.args...); err != nil {
			return err
		}
	}
	return nil
}

// Feeds lists every subscription, by folder then title, with its unread
// and total counts (kept up to date by triggers, so this reads one row
// per feed). It fails only when the database does.
func (s *Store) Feeds(ctx context.Context) ([]feed.Feed, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT `+feedCols+` FROM feeds
		ORDER BY folder, CASE title WHEN '' THEN own_title ELSE title END COLLATE NOCASE, id`)
	if err != nil {
		return nil, fmt.Errorf("list feeds: %w", err)
	}
	defer rows.Close()
	var out []feed.Feed
	for rows.Next() {
		f, err := scanFeed(rows)
		if err != nil {
			return nil, fmt.Errorf("list feeds: %w", err)
		}
		out = append(out, f)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("list feeds: %w", err)
	}
	return out, nil
}

// FeedByURL finds one subscription by its URL, failing with
// feed.ErrNotFound when there is none.
func (s *Store) FeedByURL(ctx context.Context, url string) (feed.Feed, error) {
	f, err := scanFeed(s.r.QueryRowContext(ctx, `SELECT `+feedCols+` FROM feeds WHERE url = ?`, url))
	if errors.Is(err, sql.ErrNoRows) {
		err = notFound("feed")
	}
	if err != nil {
		return feed.Feed{}, fmt.Errorf("feed %s: %w", url, err)
	}
	return f, nil
}

// SaveFeedError records a failed fetch of the feed at time at, keeping its
// items. It fails with feed.ErrNotFound when there is no such feed.
func (s *Store) SaveFeedError(ctx context.Context, feedID int64, msg string, at time.Time) error {
	err := withTx(ctx, s.w, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE feeds SET last_error = ?, last_fetch = ? WHERE id = ?`,
			msg, encTime(at), feedID)
		if err != nil {
			return err
		}
		return mustAffect(res, "feed")
	})
	if err != nil {
		return fmt.Errorf("save error of feed %d: %w", feedID, err)
	}
	return nil
}

// DeferFeed records that the feed's server asked not to be fetched before
// until. It fails with feed.ErrNotFound when there is no such feed.
func (s *Store) DeferFeed(ctx context.Context, feedID int64, until time.Time) error {
	err := withTx(ctx, s.w, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE feeds SET retry_after = ? WHERE id = ?`, encTime(until), feedID)
		if err != nil {
			return err
		}
		return mustAffect(res, "feed")
	})
	if err != nil {
		return fmt.Errorf("defer feed %d: %w", feedID, err)
	}
	return nil
}

// mustAffect turns an update that changed no row into a not-found error.
func mustAffect(res sql.Result, what string) error {
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return notFound(what)
	}
	return nil
}
