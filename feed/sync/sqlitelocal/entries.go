package sqlitelocal

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/sync"
)

// SaveFeeds makes the account's feeds exactly feeds; feeds no longer
// listed go with their items, except starred ones.
func (d *DB) SaveFeeds(ctx context.Context, account int64, feeds []sync.RemoteFeed) error {
	return d.inTx(ctx, "save feeds", func(tx *sql.Tx) error {
		if _, err := tx.ExecContext(ctx, `CREATE TEMP TABLE IF NOT EXISTS listed(remote_id TEXT PRIMARY KEY)`); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM temp.listed`); err != nil {
			return err
		}
		for _, f := range feeds {
			if _, err := tx.ExecContext(ctx, `INSERT INTO feeds(account, remote_id, url, site_url, title, folder) VALUES (?,?,?,?,?,?)
				ON CONFLICT(account, remote_id) DO UPDATE SET url=excluded.url, site_url=excluded.site_url,
				title=excluded.title, folder=excluded.folder`,
				account, f.RemoteID, f.URL, f.SiteURL, f.Title, f.Folder); err != nil {
				return err
			}
			if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO temp.listed VALUES (?)`, f.RemoteID); err != nil {
				return err
			}
		}
		gone := `SELECT id FROM feeds WHERE account=? AND remote_id NOT IN (SELECT remote_id FROM temp.listed)`
		if _, err := tx.ExecContext(ctx, `DELETE FROM items WHERE account=? AND starred=0 AND feed_id IN (`+gone+`)`, account, account); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `UPDATE items SET feed_id=NULL WHERE account=? AND feed_id IN (`+gone+`)`, account, account); err != nil {
			return err
		}
		_, err := tx.ExecContext(ctx, `DELETE FROM feeds WHERE account=? AND remote_id NOT IN (SELECT remote_id FROM temp.listed)`, account)
		return err
	})
}

// keepLocal is true when a queued change of the field is later than the
// server's change: the SQL of "the later change wins".
const keepLocal = `EXISTS (SELECT 1 FROM queue q WHERE q.account=items.account AND q.remote_id=items.remote_id
	AND q.field=? AND q.at > excluded.changed_at)`

// SaveEntries upserts entries; read and starred follow the server unless
// a later local change of that field is queued. Removed entries go
// unless starred.
func (d *DB) SaveEntries(ctx context.Context, account int64, entries []sync.Entry) error {
	return d.inTx(ctx, "save entries", func(tx *sql.Tx) error {
		upsert, err := tx.PrepareContext(ctx, `INSERT INTO items(account, remote_id, id, feed_id, url, title, content, published, changed_at, read, starred)
			VALUES (?,?,?,(SELECT id FROM feeds WHERE account=? AND remote_id=?),?,?,?,?,?,?,?)
			ON CONFLICT(account, remote_id) DO UPDATE SET id=excluded.id, feed_id=excluded.feed_id, url=excluded.url,
			title=excluded.title, content=excluded.content, published=excluded.published, changed_at=excluded.changed_at,
			read=CASE WHEN `+keepLocal+` THEN items.read ELSE excluded.read END,
			starred=CASE WHEN `+keepLocal+` THEN items.starred ELSE excluded.starred END`)
		if err != nil {
			return err
		}
		defer upsert.Close()
		for _, e := range entries {
			if e.Removed {
				if _, err := tx.ExecContext(ctx, `DELETE FROM items WHERE account=? AND remote_id=? AND starred=0`, account, e.RemoteID); err != nil {
					return err
				}
				continue
			}
			it := e.Item
			if _, err := upsert.ExecContext(ctx, account, e.RemoteID, it.ID, account, e.RemoteFeedID, it.URL, it.Title, e.Content,
				it.Published.UnixNano(), e.ChangedAt.UnixNano(), it.Read, it.Starred, sync.Read, sync.Starred); err != nil {
				return fmt.Errorf("entry %s: %w", e.RemoteID, err)
			}
		}
		return nil
	})
}

// Feeds lists the account's feeds with their folders, by title.
func (d *DB) Feeds(ctx context.Context, account int64) ([]feed.Feed, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT f.id, f.url, f.site_url, f.title, f.folder,
		(SELECT count(*) FROM items i WHERE i.feed_id=f.id AND i.read=0), (SELECT count(*) FROM items i WHERE i.feed_id=f.id)
		FROM feeds f WHERE f.account=? ORDER BY f.title, f.id`, account)
	if err != nil {
		return nil, fmt.Errorf("feeds: %w", err)
	}
	defer rows.Close()
	var out []feed.Feed
	for rows.Next() {
		var f feed.Feed
		if err := rows.Scan(&f.ID, &f.URL, &f.SiteURL, &f.Title, &f.Folder, &f.Unread, &f.Total); err != nil {
			return nil, fmt.Errorf("feeds: %w", err)
		}
		out = append(out, f)
	}
	return out, wrap("feeds", rows.Err())
}

// Item returns the account's item with this remote ID, its content in
// Summary.
func (d *DB) Item(ctx context.Context, account int64, remoteID string) (feed.Item, error) {
	var it feed.Item
	var feedID sql.NullInt64
	var published int64
	err := d.db.QueryRowContext(ctx, `SELECT id, feed_id, url, title, content, published, read, starred
		FROM items WHERE account=? AND remote_id=?`, account, remoteID).
		Scan(&it.ID, &feedID, &it.URL, &it.Title, &it.Summary, &published, &it.Read, &it.Starred)
	if errors.Is(err, sql.ErrNoRows) {
		return it, fmt.Errorf("item %s: %w", remoteID, feed.ErrNotFound)
	}
	it.FeedID = feedID.Int64
	it.Published = time.Unix(0, published)
	return it, wrap("item "+remoteID, err)
}

// CountItems counts the account's items.
func (d *DB) CountItems(ctx context.Context, account int64) (int, error) {
	var n int
	err := d.db.QueryRowContext(ctx, `SELECT count(*) FROM items WHERE account=?`, account).Scan(&n)
	return n, wrap("count items", err)
}
