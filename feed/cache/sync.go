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

// The cache is the feed.SyncLocal of feed/remote: accounts and their cursors,
// synced feeds as ordinary feeds (so lists, counts, search, related and
// follows see them like any other), entries mapped to items by remote ID,
// and the queue of local changes. SetRead, SetStarred and Mark queue the
// change of a synced item in the transaction that makes it.

var _ feed.SyncLocal = (*Store)(nil)

// SaveAccount adds an account (ID 0) or updates one. Only where its
// secret comes from is stored, never the secret. It fails with
// feed.ErrNotFound when updating an unknown account.
func (s *Store) SaveAccount(ctx context.Context, a feed.Account) (feed.Account, error) {
	cred, err := json.Marshal(a.Credential)
	if err != nil {
		return a, fmt.Errorf("save account: %w", err)
	}
	err = withTx(ctx, s.w, func(tx *sql.Tx) error {
		if a.ID != 0 {
			res, err := tx.ExecContext(ctx, `UPDATE accounts SET kind = ?, url = ?, username = ?, credential = ?
				WHERE id = ?`, a.Kind, a.URL, a.Username, string(cred), a.ID)
			if err != nil {
				return err
			}
			return mustAffect(res, "account")
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO accounts (kind, url, username, credential) VALUES (?, ?, ?, ?)`,
			a.Kind, a.URL, a.Username, string(cred))
		if err != nil {
			return err
		}
		a.ID, err = res.LastInsertId()
		return err
	})
	if err != nil {
		return a, fmt.Errorf("save account %s: %w", a.URL, err)
	}
	return a, nil
}

// Accounts lists every account in the order they were added. It fails
// only when the database does.
func (s *Store) Accounts(ctx context.Context) ([]feed.Account, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT id, kind, url, username, credential FROM accounts ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("accounts: %w", err)
	}
	defer rows.Close()
	var out []feed.Account
	for rows.Next() {
		var a feed.Account
		var cred string
		if err := rows.Scan(&a.ID, &a.Kind, &a.URL, &a.Username, &cred); err != nil {
			return nil, fmt.Errorf("accounts: %w", err)
		}
		if err := json.Unmarshal([]byte(cred), &a.Credential); err != nil {
			return nil, fmt.Errorf("accounts: credential of %d: %w", a.ID, err)
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("accounts: %w", err)
	}
	return out, nil
}

// RemoveAccount drops the account with its cursor and queue, and its
// feeds like RemoveFeed: their items go, except starred ones. It fails
// with feed.ErrNotFound when there is no such account.
func (s *Store) RemoveAccount(ctx context.Context, id int64) error {
	err := withTx(ctx, s.w, func(tx *sql.Tx) error {
		feeds, err := accountFeeds(ctx, tx, id)
		if err != nil {
			return err
		}
		for _, f := range feeds {
			if err := removeFeedTx(ctx, tx, f.id, f.title); err != nil {
				return err
			}
		}
		res, err := tx.ExecContext(ctx, `DELETE FROM accounts WHERE id = ?`, id)
		if err != nil {
			return err
		}
		return mustAffect(res, "account")
	})
	if err != nil {
		return fmt.Errorf("remove account %d: %w", id, err)
	}
	return nil
}

// Cursor returns the account's sync position, "" before the first sync
// (or for an unknown account).
func (s *Store) Cursor(ctx context.Context, account int64) (string, error) {
	var c string
	err := s.r.QueryRowContext(ctx, `SELECT cursor FROM accounts WHERE id = ?`, account).Scan(&c)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("cursor of account %d: %w", account, err)
	}
	return c, nil
}

// SaveCursor stores the account's sync position. It fails with
// feed.ErrNotFound when there is no such account.
func (s *Store) SaveCursor(ctx context.Context, account int64, cursor string) error {
	err := withTx(ctx, s.w, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE accounts SET cursor = ? WHERE id = ?`, cursor, account)
		if err != nil {
			return err
		}
		return mustAffect(res, "account")
	})
	if err != nil {
		return fmt.Errorf("save cursor of account %d: %w", account, err)
	}
	return nil
}

// Mark sets an item's read or starred state and, when the item is an
// entry of sync accounts, queues the change for each, in one
// transaction. It fails with feed.ErrNotFound when there is no such item.
func (s *Store) Mark(ctx context.Context, itemID string, field feed.Field, value bool, at time.Time) error {
	col, err := fieldColumn(field)
	if err != nil {
		return fmt.Errorf("mark %s: %w", itemID, err)
	}
	err = withTx(ctx, s.w, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE items SET `+col+` = ? WHERE id = ?`, value, itemID)
		if err != nil {
			return err
		}
		if err := mustAffect(res, "item"); err != nil {
			return err
		}
		_, err = tx.ExecContext(ctx, queueSQL, field, value, at.UnixNano(), itemID)
		return err
	})
	if err != nil {
		return fmt.Errorf("mark %s %s: %w", itemID, field, err)
	}
	return nil
}

// queueSQL queues a change (field, value, at) of the item with an ID for
// every account that has it.
const queueSQL = `INSERT INTO sync_queue (account, item_id, remote_id, field, value, at)
	SELECT r.account, i.id, r.remote_id, ?, ?, ? FROM items i JOIN remote_items r ON r.item = i.n WHERE i.id = ?`

func fieldColumn(f feed.Field) (string, error) {
	switch f {
	case feed.FieldRead:
		return "read", nil
	case feed.FieldStarred:
		return "starred", nil
	}
	return "", fmt.Errorf("unknown field %q", f)
}

// Pending lists the account's queued changes, oldest first. It fails only
// when the database does.
func (s *Store) Pending(ctx context.Context, account int64) ([]feed.Change, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT id, item_id, remote_id, field, value, at FROM sync_queue
		WHERE account = ? ORDER BY id`, account)
	if err != nil {
		return nil, fmt.Errorf("pending changes of account %d: %w", account, err)
	}
	defer rows.Close()
	var out []feed.Change
	for rows.Next() {
		c := feed.Change{Account: account}
		var at int64
		if err := rows.Scan(&c.ID, &c.ItemID, &c.RemoteID, &c.Field, &c.Value, &at); err != nil {
			return nil, fmt.Errorf("pending changes of account %d: %w", account, err)
		}
		c.At = time.Unix(0, at)
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("pending changes of account %d: %w", account, err)
	}
	return out, nil
}

// Ack removes the account's queued changes with these IDs (unknown IDs
// are skipped).
func (s *Store) Ack(ctx context.Context, account int64, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	err := withTx(ctx, s.w, func(tx *sql.Tx) error {
		st, err := tx.PrepareContext(ctx, `DELETE FROM sync_queue WHERE account = ? AND id = ?`)
		if err != nil {
			return err
		}
		defer st.Close()
		for _, id := range ids {
			if _, err := st.ExecContext(ctx, account, id); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("ack %d changes of account %d: %w", len(ids), account, err)
	}
	return nil
}

// ItemByRemoteID finds the item of an account's entry by the server's
// entry ID, failing with feed.ErrNotFound when there is none.
func (s *Store) ItemByRemoteID(ctx context.Context, account int64, remoteID string) (feed.Item, error) {
	it, err := scanItem(s.r.QueryRowContext(ctx, `SELECT `+itemCols+itemFrom+`
		WHERE i.n = (SELECT item FROM remote_items WHERE account = ? AND remote_id = ?)`, account, remoteID))
	if errors.Is(err, sql.ErrNoRows) {
		err = notFound("item")
	}
	if err != nil {
		return it, fmt.Errorf("item %s of account %d: %w", remoteID, account, err)
	}
	return it, nil
}
