package cache

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// migrations are the schema steps, applied in order. Step i brings the
// database to PRAGMA user_version i+1. Never edit a step that has been
// released: append a new one.
//
// Search uses a contentless FTS5 table (content=”): it stores only the
// inverted index of the normalised text, not the text itself, so the
// normalised copy of every article costs index space only once and the
// original text lives in items and articles alone. Snippets are built in
// Go from the original text. contentless_delete=1 lets rows be deleted and
// replaced when an item or its article changes. Read-only.
var migrations = []string{
	// 1: feeds, items, articles, categories, search.
	`
CREATE TABLE feeds (
	id            INTEGER PRIMARY KEY,
	url           TEXT NOT NULL UNIQUE,
	title         TEXT NOT NULL DEFAULT '', -- the user's title, if given
	own_title     TEXT NOT NULL DEFAULT '', -- the feed's own title
	site_url      TEXT NOT NULL DEFAULT '',
	folder        TEXT NOT NULL DEFAULT '',
	etag          TEXT NOT NULL DEFAULT '',
	last_modified TEXT NOT NULL DEFAULT '',
	last_fetch    TEXT,
	last_error    TEXT NOT NULL DEFAULT '',
	unread        INTEGER NOT NULL DEFAULT 0, -- kept by triggers on items
	total         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX feeds_folder ON feeds(folder);

CREATE TABLE items (
	n          INTEGER PRIMARY KEY, -- the search index's rowid
	id         TEXT NOT NULL UNIQUE, -- feed.ItemID
	feed_id    INTEGER REFERENCES feeds(id), -- NULL: starred orphan of a removed feed
	origin     TEXT NOT NULL DEFAULT '', -- feed title, kept for orphans
	guid       TEXT NOT NULL DEFAULT '',
	url        TEXT NOT NULL DEFAULT '',
	title      TEXT NOT NULL DEFAULT '',
	summary    TEXT NOT NULL DEFAULT '',
	author     TEXT NOT NULL DEFAULT '',
	published  TEXT,
	updated    TEXT,
	fetched    TEXT NOT NULL,
	sort_time  INTEGER NOT NULL, -- unix seconds, published clamped to [fetched-20y, fetched]
	categories TEXT NOT NULL DEFAULT '[]', -- JSON array
	image      TEXT NOT NULL DEFAULT '',
	lang       TEXT NOT NULL DEFAULT '',
	read       INTEGER NOT NULL DEFAULT 0,
	starred    INTEGER NOT NULL DEFAULT 0
);
-- Headline orders (see orderBy) scan these forwards or backwards.
CREATE INDEX items_feed_time ON items(feed_id, sort_time DESC);
CREATE INDEX items_feed_read_time ON items(feed_id, read, sort_time DESC);
CREATE INDEX items_time ON items(sort_time DESC);
CREATE INDEX items_read_time ON items(read, sort_time DESC);
CREATE INDEX items_starred_time ON items(sort_time DESC) WHERE starred = 1;
CREATE INDEX items_url ON items(url);

-- Normalised categories of each item, for "same feed, same category".
CREATE TABLE item_categories (
	feed_id INTEGER NOT NULL,
	name    TEXT NOT NULL,
	item    INTEGER NOT NULL REFERENCES items(n) ON DELETE CASCADE,
	PRIMARY KEY (feed_id, name, item)
) WITHOUT ROWID;
CREATE INDEX item_categories_item ON item_categories(item);

CREATE TABLE articles (
	url       TEXT PRIMARY KEY,
	item_id   TEXT NOT NULL DEFAULT '',
	title     TEXT NOT NULL DEFAULT '',
	byline    TEXT NOT NULL DEFAULT '',
	lang      TEXT NOT NULL DEFAULT '',
	dir       TEXT NOT NULL DEFAULT '',
	published TEXT,
	modified  TEXT,
	section   TEXT NOT NULL DEFAULT '',
	site_name TEXT NOT NULL DEFAULT '',
	image     TEXT NOT NULL DEFAULT '',
	blocks    TEXT NOT NULL DEFAULT '[]', -- JSON
	links     TEXT NOT NULL DEFAULT '[]',
	related   TEXT NOT NULL DEFAULT '[]',
	fetched   TEXT NOT NULL
);
CREATE INDEX articles_item ON articles(item_id);

CREATE VIRTUAL TABLE items_fts USING fts5(
	title, body,
	content = '', contentless_delete = 1,
	tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co M*'"
);
INSERT INTO items_fts(items_fts, rank) VALUES ('rank', 'bm25(4.0, 1.0)');
CREATE VIRTUAL TABLE items_vocab USING fts5vocab(items_fts, 'row');

CREATE TRIGGER items_counts_insert AFTER INSERT ON items BEGIN
	UPDATE feeds SET total = total + 1, unread = unread + (new.read = 0) WHERE id = new.feed_id;
END;
CREATE TRIGGER items_counts_delete AFTER DELETE ON items BEGIN
	UPDATE feeds SET total = total - 1, unread = unread - (old.read = 0) WHERE id = old.feed_id;
	DELETE FROM items_fts WHERE rowid = old.n;
END;
CREATE TRIGGER items_counts_update AFTER UPDATE OF read, feed_id ON items BEGIN
	UPDATE feeds SET total = total - 1, unread = unread - (old.read = 0) WHERE id = old.feed_id;
	UPDATE feeds SET total = total + 1, unread = unread + (new.read = 0) WHERE id = new.feed_id;
END;
`,
	// 2: reading position, when an item was last listed by its feed
	// (retention keeps what the feed still lists), followed stories.
	`
ALTER TABLE items ADD COLUMN position REAL NOT NULL DEFAULT 0; -- 0–1 of the article read
ALTER TABLE items ADD COLUMN seen INTEGER NOT NULL DEFAULT 0;  -- unix time of the last fetch listing it
CREATE INDEX items_feed_seen ON items(feed_id, seen);

CREATE TABLE follows (
	id      INTEGER PRIMARY KEY,
	query   TEXT NOT NULL,
	title   TEXT NOT NULL DEFAULT '',
	created TEXT NOT NULL
);
`,
	// 3: read, starred and position imported (ImportState) for items
	// not fetched yet, applied when they arrive.
	`
CREATE TABLE pending_state (
	id       TEXT PRIMARY KEY, -- feed.ItemID
	read     INTEGER NOT NULL DEFAULT 0,
	starred  INTEGER NOT NULL DEFAULT 0,
	position REAL NOT NULL DEFAULT 0,
	created  INTEGER NOT NULL -- unix time of the import
);
`,
	// 4: the FTS5 expression of each follow's query (parseQuery,
	// matchExpr), so that item queries need no lookup in Go.
	`
ALTER TABLE follows ADD COLUMN match TEXT NOT NULL DEFAULT '""';
`,
	// 5: sync accounts (feed.SyncLocal). A synced feed is an ordinary
	// row of feeds with its account and remote ID; remote_items maps
	// the account's entry IDs to items; sync_queue holds local changes
	// not yet accepted by the server, written in the transaction of the
	// change itself.
	`
CREATE TABLE accounts (
	id         INTEGER PRIMARY KEY,
	kind       TEXT NOT NULL,
	url        TEXT NOT NULL,
	username   TEXT NOT NULL DEFAULT '',
	credential TEXT NOT NULL DEFAULT '{}', -- where the secret comes from, never the secret
	cursor     TEXT NOT NULL DEFAULT ''
);
ALTER TABLE feeds ADD COLUMN account INTEGER REFERENCES accounts(id); -- NULL: a local subscription
ALTER TABLE feeds ADD COLUMN remote_id TEXT;
CREATE UNIQUE INDEX feeds_remote ON feeds(account, remote_id);

CREATE TABLE remote_items (
	account    INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
	remote_id  TEXT NOT NULL,
	item       INTEGER NOT NULL REFERENCES items(n) ON DELETE CASCADE,
	changed_at INTEGER NOT NULL DEFAULT 0, -- unix nanoseconds, the server's
	PRIMARY KEY (account, remote_id)
) WITHOUT ROWID;
CREATE INDEX remote_items_item ON remote_items(item);

CREATE TABLE sync_queue (
	id        INTEGER PRIMARY KEY AUTOINCREMENT,
	account   INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
	item_id   TEXT NOT NULL,
	remote_id TEXT NOT NULL,
	field     TEXT NOT NULL, -- read | starred
	value     INTEGER NOT NULL,
	at        INTEGER NOT NULL -- unix nanoseconds
);
CREATE INDEX sync_queue_entry ON sync_queue(account, remote_id, field);
`,
	// 6: when a feed's latest full fetch was (a 304 or a failure
	// re-lists nothing): retention keeps the items whose seen equals it.
	// Until then the old rule's latest seen stands in.
	`
ALTER TABLE feeds ADD COLUMN listed INTEGER NOT NULL DEFAULT 0; -- unix time of the latest full fetch
UPDATE feeds SET listed = coalesce((SELECT max(seen) FROM items WHERE items.feed_id = feeds.id), 0);
`,
	// 7: when a feed's server asked not to be fetched before (Retry-After).
	`ALTER TABLE feeds ADD COLUMN retry_after TEXT;`,
	// 8: what the last fetch of a feed did that its user should know
	// (items left out by the cap, item IDs that change on every fetch).
	`
ALTER TABLE feeds ADD COLUMN notice TEXT NOT NULL DEFAULT '';
`,
	// 9: light stemming (stem.go). The search table gains a stems
	// column, weighing least, so every item is indexed again (reindex)
	// and every follow's stored expression is rebuilt.
	`
DROP TABLE items_vocab;
DROP TABLE items_fts;
CREATE VIRTUAL TABLE items_fts USING fts5(
	title, body, stems,
	content = '', contentless_delete = 1,
	tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co M*'"
);
INSERT INTO items_fts(items_fts, rank) VALUES ('rank', 'bm25(4.0, 1.0, 0.25)');
CREATE VIRTUAL TABLE items_vocab USING fts5vocab(items_fts, 'row');
`,
	// 10: how each feed's stored items were decoded (feed.Charset), so a
	// later fetch that decodes better can re-decode them. Feeds whose
	// items hold U+FFFD were decoded lossily by an older akhbar: they lose
	// their validators, so the next fetch is a full one.
	`
ALTER TABLE feeds ADD COLUMN charset TEXT NOT NULL DEFAULT '';
ALTER TABLE feeds ADD COLUMN charset_declared INTEGER NOT NULL DEFAULT 0;
ALTER TABLE feeds ADD COLUMN charset_lossy INTEGER NOT NULL DEFAULT 0;
UPDATE feeds SET charset_lossy = 1, etag = '', last_modified = '' WHERE id IN
	(SELECT feed_id FROM items WHERE instr(title, char(65533)) OR instr(summary, char(65533)));
`,
	// 11: feeds whose URL a remote document or redirect supplied (a feed
	// announced by a page, a redirect to another host): never fetched
	// from a private address. Older rows were all subscribed by hand.
	`ALTER TABLE feeds ADD COLUMN public_only INTEGER NOT NULL DEFAULT 0;`,
	// 12: an article's figures (JSON, like its blocks) and its images,
	// re-encoded small (feed.Picture), in the order of
	// Article.ImageURLs. Images go when their article does (Cleanup,
	// RemoveFeed delete them in the same transaction).
	`
ALTER TABLE articles ADD COLUMN figures TEXT NOT NULL DEFAULT '[]';
CREATE TABLE images (
	article TEXT NOT NULL, -- articles.url
	seq     INTEGER NOT NULL,
	url     TEXT NOT NULL,
	width   INTEGER NOT NULL DEFAULT 0,
	height  INTEGER NOT NULL DEFAULT 0,
	format  TEXT NOT NULL DEFAULT '', -- png or jpeg; '' when err says why there is none
	data    BLOB,
	err     TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (article, seq)
) WITHOUT ROWID;
`,
}

// migrationsAfter are steps done in Go after the SQL step of the same
// version, in its transaction: what SQL alone cannot compute.
var migrationsAfter = map[int]func(context.Context, *sql.Tx) error{
	9: reindex,
}

// reindex rebuilds the search row of every item and the match
// expression of every follow, after a change of what they hold.
func reindex(ctx context.Context, tx *sql.Tx) (err error) {
	ns, err := itemNumbers(ctx, tx)
	if err != nil {
		return fmt.Errorf("reindex: %w", err)
	}
	st := newStmtTx(tx)
	defer func() { err = errors.Join(err, st.Close()) }()
	for _, n := range ns {
		if err := indexItem(ctx, st, n, false); err != nil {
			return fmt.Errorf("reindex: %w", err)
		}
	}
	if err := st.flush(ctx); err != nil {
		return fmt.Errorf("reindex: %w", err)
	}
	return rematchFollows(ctx, tx)
}

func itemNumbers(ctx context.Context, tx *sql.Tx) ([]int64, error) {
	rows, err := tx.QueryContext(ctx, `SELECT n FROM items ORDER BY n`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ns []int64
	for rows.Next() {
		var n int64
		if err := rows.Scan(&n); err != nil {
			return nil, err
		}
		ns = append(ns, n)
	}
	return ns, rows.Err()
}

// rematchFollows rewrites the stored FTS5 expression of every follow
// from its query.
func rematchFollows(ctx context.Context, tx *sql.Tx) error {
	rows, err := tx.QueryContext(ctx, `SELECT id, query FROM follows`)
	if err != nil {
		return fmt.Errorf("rematch follows: %w", err)
	}
	queries := map[int64]string{}
	for rows.Next() {
		var id int64
		var q string
		if err := rows.Scan(&id, &q); err != nil {
			return errors.Join(fmt.Errorf("rematch follows: %w", err), rows.Close())
		}
		queries[id] = q
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return fmt.Errorf("rematch follows: %w", err)
	}
	for id, q := range queries {
		match := `""`
		if terms := parseQuery(q); len(terms) > 0 {
			match = matchExpr(terms, "AND")
		}
		if _, err := tx.ExecContext(ctx, `UPDATE follows SET match = ? WHERE id = ?`, match, id); err != nil {
			return fmt.Errorf("rematch follow %d: %w", id, err)
		}
	}
	return nil
}

// migrate brings the database up to the last step. Each step runs in its
// own write transaction that first re-reads user_version, so two
// processes opening a new cache at once apply each step once.
func migrate(ctx context.Context, db *sql.DB) error {
	var have int
	if err := db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&have); err != nil {
		return fmt.Errorf("migrate: read version: %w", err)
	}
	for i, step := range migrations[min(have, len(migrations)):] {
		i += have
		if err := migrateStep(ctx, db, i+1, step); err != nil {
			return fmt.Errorf("migrate to version %d: %w", i+1, err)
		}
	}
	return nil
}

func migrateStep(ctx context.Context, db *sql.DB, version int, step string) error {
	return withTx(ctx, db, func(tx *sql.Tx) error {
		var have int
		if err := tx.QueryRowContext(ctx, "PRAGMA user_version").Scan(&have); err != nil {
			return err
		}
		if have >= version {
			return nil
		}
		if _, err := tx.ExecContext(ctx, step); err != nil {
			return err
		}
		if after := migrationsAfter[version]; after != nil {
			if err := after(ctx, tx); err != nil {
				return err
			}
		}
		_, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", version))
		return err
	})
}
