// Package sqlitelocal is a small implementation of sync.Local on its own
// SQLite file. It exists to run the sync engine end to end in tests and
// as the reference for feed/cache, which will hold these tables next to
// its own: accounts, cursors, account feeds and entries mapped by remote
// ID, and the queue of local changes.
package sqlitelocal

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"

	_ "modernc.org/sqlite" // database/sql driver "sqlite"
)

// DB is a sync.Local on one SQLite file. It is safe for concurrent use
// and for use by several processes on the same file.
type DB struct {
	db *sql.DB
}

const schema = `
CREATE TABLE IF NOT EXISTS accounts (
	id INTEGER PRIMARY KEY,
	kind TEXT NOT NULL,
	url TEXT NOT NULL,
	username TEXT NOT NULL DEFAULT '',
	credential TEXT NOT NULL DEFAULT '{}'
);
CREATE TABLE IF NOT EXISTS cursors (
	account INTEGER PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
	cursor TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS feeds (
	id INTEGER PRIMARY KEY,
	account INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
	remote_id TEXT NOT NULL,
	url TEXT NOT NULL,
	site_url TEXT NOT NULL DEFAULT '',
	title TEXT NOT NULL DEFAULT '',
	folder TEXT NOT NULL DEFAULT '',
	UNIQUE (account, remote_id)
);
CREATE TABLE IF NOT EXISTS items (
	account INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
	remote_id TEXT NOT NULL,
	id TEXT NOT NULL,
	feed_id INTEGER,
	url TEXT NOT NULL DEFAULT '',
	title TEXT NOT NULL DEFAULT '',
	content TEXT NOT NULL DEFAULT '',
	published INTEGER NOT NULL DEFAULT 0,
	changed_at INTEGER NOT NULL DEFAULT 0,
	read INTEGER NOT NULL DEFAULT 0,
	starred INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (account, remote_id)
);
CREATE INDEX IF NOT EXISTS items_id ON items(id);
CREATE TABLE IF NOT EXISTS queue (
	id INTEGER PRIMARY KEY AUTOINCREMENT,
	account INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
	item_id TEXT NOT NULL,
	remote_id TEXT NOT NULL,
	field TEXT NOT NULL,
	value INTEGER NOT NULL,
	at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS queue_entry ON queue(account, remote_id, field);
`

// Open opens (creating if needed) the database file at path. It fails
// when the file cannot be opened or the schema cannot be created.
func Open(path string) (*DB, error) {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(5000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "foreign_keys(1)")
	db, err := sql.Open("sqlite", "file:"+path+"?"+q.Encode())
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if _, err := db.Exec(schema); err != nil {
		if cerr := db.Close(); cerr != nil {
			return nil, fmt.Errorf("open %s: schema: %w (close: %v)", path, err, cerr)
		}
		return nil, fmt.Errorf("open %s: schema: %w", path, err)
	}
	return &DB{db: db}, nil
}

// Close closes the database.
func (d *DB) Close() error { return d.db.Close() }

// inTx runs fn in one transaction, committed when fn succeeds.
func (d *DB) inTx(ctx context.Context, op string, fn func(*sql.Tx) error) error {
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	if err := fn(tx); err != nil {
		if rbErr := tx.Rollback(); rbErr != nil {
			return fmt.Errorf("%s: %w (rollback: %v)", op, err, rbErr)
		}
		return fmt.Errorf("%s: %w", op, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("%s: commit: %w", op, err)
	}
	return nil
}
