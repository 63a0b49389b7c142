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

// Mark sets the field of every item with this ID and queues the change
// for each account holding it, in one transaction: once Mark returns,
// the change survives a crash and will be sent.
func (d *DB) Mark(ctx context.Context, itemID string, field sync.Field, value bool, at time.Time) error {
	col, err := column(field)
	if err != nil {
		return fmt.Errorf("mark %s: %w", itemID, err)
	}
	return d.inTx(ctx, "mark "+itemID, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE items SET `+col+`=? WHERE id=?`, value, itemID)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return errors.Join(err, feed.ErrNotFound)
		}
		_, err = tx.ExecContext(ctx, `INSERT INTO queue(account, item_id, remote_id, field, value, at)
			SELECT account, id, remote_id, ?, ?, ? FROM items WHERE id=?`, field, value, at.UnixNano(), itemID)
		return err
	})
}

func column(f sync.Field) (string, error) {
	switch f {
	case sync.Read:
		return "read", nil
	case sync.Starred:
		return "starred", nil
	}
	return "", fmt.Errorf("unknown field %q", f)
}

// Pending lists the account's queued changes, oldest first.
func (d *DB) Pending(ctx context.Context, account int64) ([]sync.Change, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT id, item_id, remote_id, field, value, at FROM queue WHERE account=? ORDER BY id`, account)
	if err != nil {
		return nil, fmt.Errorf("pending: %w", err)
	}
	defer rows.Close()
	var out []sync.Change
	for rows.Next() {
		c := sync.Change{Account: account}
		var at int64
		if err := rows.Scan(&c.ID, &c.ItemID, &c.RemoteID, &c.Field, &c.Value, &at); err != nil {
			return nil, fmt.Errorf("pending: %w", err)
		}
		c.At = time.Unix(0, at)
		out = append(out, c)
	}
	return out, wrap("pending", rows.Err())
}

// Ack removes the queued changes with these IDs.
func (d *DB) Ack(ctx context.Context, account int64, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	return d.inTx(ctx, "ack", func(tx *sql.Tx) error {
		for _, id := range ids {
			if _, err := tx.ExecContext(ctx, `DELETE FROM queue WHERE account=? AND id=?`, account, id); err != nil {
				return err
			}
		}
		return nil
	})
}

var _ sync.Local = (*DB)(nil)
