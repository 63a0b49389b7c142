package cache

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/akhbar/akhbar/feed"
)

// SaveEntries upserts the account's entries, in one transaction, as
// items of the feeds of their RemoteFeedID (an entry of a feed the cache
// does not know is kept without a feed, like a starred orphan). An entry
// maps to an item by its remote ID, else by item identity as SaveFetch
// finds it (ID, or feed, link and title), so an entry of a local
// subscription the account took over is not duplicated. Read and starred
// come from the entry, except a field with a queued change later than
// the entry's ChangedAt: the later change wins. Removed entries go with
// their articles and queued changes; a starred one stays as an item of
// no entry. It fails when the database does.
func (s *Store) SaveEntries(ctx context.Context, account int64, entries []feed.Entry) error {
	now := s.now()
	err := withStmtTx(ctx, s.w, func(tx *stmtTx) error {
		feeds := map[string]int64{}
		for _, e := range entries {
			if err := saveEntry(ctx, tx, account, e, feeds, now); err != nil {
				return fmt.Errorf("entry %s: %w", e.RemoteID, err)
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("save entries of account %d: %w", account, err)
	}
	return nil
}

// keepLocalSQL is true when a change of the field (first argument) queued
// for the entry is later than the server's change (second argument).
const keepLocalSQL = `EXISTS (SELECT 1 FROM sync_queue q WHERE q.account = r.account AND q.remote_id = r.remote_id
	AND q.field = ? AND q.at > ?)`

func saveEntry(ctx context.Context, tx *stmtTx, account int64, e feed.Entry, feeds map[string]int64, now time.Time) error {
	n, mapped, err := mappedItem(ctx, tx, account, e.RemoteID)
	if err != nil || e.Removed {
		if err == nil && mapped {
			err = removeEntry(ctx, tx, account, e.RemoteID, n)
		}
		return err
	}
	it := e.Item
	if it.ID == "" {
		return errors.New("no item ID")
	}
	if it.FeedID, err = remoteFeedID(ctx, tx, account, e.RemoteFeedID, feeds); err != nil {
		return err
	}
	if n, err = upsertEntryItem(ctx, tx, n, mapped, it, now); err != nil {
		return err
	}
	changed := e.ChangedAt.UnixNano()
	_, err = tx.ExecContext(ctx, `INSERT INTO remote_items (account, remote_id, item, changed_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (account, remote_id) DO UPDATE SET item = excluded.item, changed_at = excluded.changed_at`,
		account, e.RemoteID, n, changed)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE items SET
		read = CASE WHEN `+keepLocalSQL+` THEN read ELSE ? END,
		starred = CASE WHEN `+keepLocalSQL+` THEN starred ELSE ? END
		FROM remote_items r WHERE r.account = ? AND r.remote_id = ? AND items.n = r.item`,
		feed.FieldRead, changed, it.Read, feed.FieldStarred, changed, it.Starred, account, e.RemoteID)
	return err
}

// mappedItem finds the item an entry was saved as.
func mappedItem(ctx context.Context, tx *stmtTx, account int64, remoteID string) (int64, bool, error) {
	var n int64
	err := tx.QueryRowContext(ctx, `SELECT item FROM remote_items WHERE account = ? AND remote_id = ?`, account, remoteID).Scan(&n)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, false, nil
	}
	return n, err == nil, err
}

// remoteFeedID returns the cache's ID of an account's feed, 0 when the
// cache does not have it; feeds caches the answers.
func remoteFeedID(ctx context.Context, tx *stmtTx, account int64, remoteID string, feeds map[string]int64) (int64, error) {
	if id, ok := feeds[remoteID]; ok {
		return id, nil
	}
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM feeds WHERE account = ? AND remote_id = ?`, account, remoteID).Scan(&id)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, err
	}
	feeds[remoteID] = id
	return id, nil
}

// upsertEntryItem updates the item n an entry is mapped to, or finds or
// inserts the item of a new entry, and returns its number.
func upsertEntryItem(ctx context.Context, tx *stmtTx, n int64, mapped bool, it feed.Item, now time.Time) (int64, error) {
	cats, err := json.Marshal(nonNil(it.Categories))
	if err != nil {
		return 0, err
	}
	var old stored
	found := false
	if mapped {
		old, found, err = storedByN(ctx, tx, n)
	} else {
		old, found, err = findItem(ctx, tx, it)
	}
	if err != nil {
		return 0, err
	}
	if found {
		return old.n, updateItem(ctx, tx, old, it, string(cats), now)
	}
	if err := insertItem(ctx, tx, it, string(cats), now, now.Unix()); err != nil {
		return 0, err
	}
	err = tx.QueryRowContext(ctx, `SELECT n FROM items WHERE id = ?`, it.ID).Scan(&n)
	return n, err
}

// storedByN loads what updateItem needs of item n.
func storedByN(ctx context.Context, tx *stmtTx, n int64) (stored, bool, error) {
	var s stored
	err := tx.QueryRowContext(ctx, `SELECT n, feed_id, title, summary, categories, fetched FROM items WHERE n = ?`, n).
		Scan(&s.n, &s.feedID, &s.title, &s.summary, &s.cats, &s.fetched)
	if errors.Is(err, sql.ErrNoRows) {
		return s, false, nil
	}
	return s, err == nil, err
}

// removeEntry forgets an entry the server removed, with its queued
// changes, and deletes its item n and the item's article, unless the
// item is starred: then it stays, akhbar's own, and retention treats it
// like any item the server no longer has.
func removeEntry(ctx context.Context, tx *stmtTx, account int64, remoteID string, n int64) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM sync_queue WHERE account = ? AND remote_id = ?`, account, remoteID); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM remote_items WHERE account = ? AND remote_id = ?`, account, remoteID); err != nil {
		return err
	}
	var url string
	var starred bool
	err := tx.QueryRowContext(ctx, `SELECT url, starred FROM items WHERE n = ?`, n).Scan(&url, &starred)
	if err != nil || starred {
		return err
	}
	return removeItems(ctx, tx, []int64{n}, map[string]bool{url: true}, &CleanupReport{})
}

// Held lists the account's entries the cache holds, with the server's
// ID of their item's feed and the item's read and starred state. It
// fails only when the database does.
func (s *Store) Held(ctx context.Context, account int64) ([]feed.HeldEntry, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT r.remote_id, coalesce(f.remote_id, ''), i.read, i.starred
		FROM remote_items r JOIN items i ON i.n = r.item
		LEFT JOIN feeds f ON f.id = i.feed_id AND f.account = r.account
		WHERE r.account = ?`, account)
	if err != nil {
		return nil, fmt.Errorf("entries held for account %d: %w", account, err)
	}
	defer rows.Close()
	var out []feed.HeldEntry
	for rows.Next() {
		var h feed.HeldEntry
		if err := rows.Scan(&h.RemoteID, &h.RemoteFeedID, &h.Read, &h.Starred); err != nil {
			return nil, fmt.Errorf("entries held for account %d: %w", account, err)
		}
		out = append(out, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("entries held for account %d: %w", account, err)
	}
	return out, nil
}
