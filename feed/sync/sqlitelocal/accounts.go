package sqlitelocal

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/sync"
)

// SaveAccount adds (ID 0) or updates an account. Only where the secret
// comes from is stored, never the secret.
func (d *DB) SaveAccount(ctx context.Context, a sync.Account) (sync.Account, error) {
	cred, err := json.Marshal(a.Credential)
	if err != nil {
		return a, fmt.Errorf("save account: %w", err)
	}
	err = d.inTx(ctx, "save account", func(tx *sql.Tx) error {
		if a.ID != 0 {
			_, err := tx.ExecContext(ctx, `UPDATE accounts SET kind=?, url=?, username=?, credential=? WHERE id=?`,
				a.Kind, a.URL, a.Username, cred, a.ID)
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO accounts(kind, url, username, credential) VALUES (?,?,?,?)`,
			a.Kind, a.URL, a.Username, cred)
		if err != nil {
			return err
		}
		a.ID, err = res.LastInsertId()
		return err
	})
	return a, err
}

// Accounts lists every account in the order they were added.
func (d *DB) Accounts(ctx context.Context) ([]sync.Account, error) {
	rows, err := d.db.QueryContext(ctx, `SELECT id, kind, url, username, credential FROM accounts ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("accounts: %w", err)
	}
	defer rows.Close()
	var out []sync.Account
	for rows.Next() {
		var a sync.Account
		var cred []byte
		if err := rows.Scan(&a.ID, &a.Kind, &a.URL, &a.Username, &cred); err != nil {
			return nil, fmt.Errorf("accounts: %w", err)
		}
		if err := json.Unmarshal(cred, &a.Credential); err != nil {
			return nil, fmt.Errorf("accounts: credential of %d: %w", a.ID, err)
		}
		out = append(out, a)
	}
	return out, wrap("accounts", rows.Err())
}

// RemoveAccount drops the account and, by cascade, its feeds, items,
// queue and cursor.
func (d *DB) RemoveAccount(ctx context.Context, id int64) error {
	return d.inTx(ctx, "remove account", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM accounts WHERE id=?`, id)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n == 0 {
			return errors.Join(err, fmt.Errorf("account %d: %w", id, feed.ErrNotFound))
		}
		return nil
	})
}

// Cursor returns the account's sync position, "" before the first sync.
func (d *DB) Cursor(ctx context.Context, account int64) (string, error) {
	var c string
	err := d.db.QueryRowContext(ctx, `SELECT cursor FROM cursors WHERE account=?`, account).Scan(&c)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return c, wrap("cursor", err)
}

// SaveCursor stores the account's sync position.
func (d *DB) SaveCursor(ctx context.Context, account int64, cursor string) error {
	_, err := d.db.ExecContext(ctx, `INSERT INTO cursors(account, cursor) VALUES (?,?)
		ON CONFLICT(account) DO UPDATE SET cursor=excluded.cursor`, account, cursor)
	return wrap("save cursor", err)
}

func wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s: %w", op, err)
}
