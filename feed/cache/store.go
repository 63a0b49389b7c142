// Package cache is akhbar's SQLite store: one file holding subscriptions,
// items, article bodies, read and starred state, sync accounts and a
// full-text index, on modernc.org/sqlite (pure Go). It is the only
// package that touches SQLite. Its users each name the few methods they
// need in an interface of their own (refresh.Store, tui.Store,
// feed.SyncLocal).
//
// The file is in WAL mode, so readers never wait for the writer. Each
// Store has two connection pools: one connection for writes, whose
// transactions begin IMMEDIATE (they take the write lock up front and
// wait for it up to the busy timeout instead of failing with "database is
// locked" half way), and a few read-only connections. Several processes
// (the TUI and `akhbar refresh` from cron) can use one file at once.
//
// Decisions a reader of the schema (migrate.go) should know:
//
//   - Identity: an item's ID is feed.ItemID; SaveFetch also treats an
//     item with the same feed, link and title as the same item, so feeds
//     that rewrite GUIDs do not grow the cache. Re-saving never touches
//     read, starred or the first fetch time.
//   - Order: headlines sort by sort_time, the item's date clamped to
//     [fetched − 20 years, fetched] (undated items use the fetch time),
//     with one index per order so that a page is one index range scan.
//   - Counts: feeds.unread and feeds.total are kept by triggers on items,
//     in the same transactions as the changes, so Feeds reads 1 row per
//     feed.
//   - Search: a contentless FTS5 table (content = empty string, contentless_delete = 1)
//     over the normalised title and the normalised summary + article
//     text. Normalisation is done in Go (Normalize), identically for
//     text and queries; Persian ی and ک are unified with Arabic ي and ك
//     because readers type either. Contentless means the normalised
//     copy is never stored, only its index (about 1 KB per 3 KB
//     article); snippets are cut in Go from the original text.
//   - Orphans: RemoveFeed keeps starred items (and their articles) with
//     feed_id NULL and the feed's title kept as Item.FeedTitle; they
//     still show in lists of all items and of starred items, and
//     subscribing to the feed again adopts them.
//   - Damage: Open repairs a foreign, truncated or damaged file
//     (repair.go): it salvages what is readable into a fresh cache and
//     moves the file aside; Recovered says where it went. Damage met
//     later stops all writes with feed.ErrCacheDamaged (damage.go) until
//     `akhbar cache repair`. A full disk fails writes with ErrFull; reads
//     go on.
//   - Retention (cleanup.go): items.seen is the last fetch that listed
//     an item, so Cleanup never drops what the feed still lists (it
//     would come back as new and unread).
//   - Follows (follow.go) are saved searches: their items are the
//     search index's matches, so no table links them to items.
//   - Sync (sync*.go): the cache is feed.SyncLocal, used by feed/remote's engines. Synced feeds are
//     rows of feeds with an account; remote_items maps entries to
//     items; sync_queue holds local changes until the server has them.
package cache

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"sync"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/akhbar/akhbar/feed"
)

// Store is the cache on one SQLite file. Its methods are safe for
// concurrent use.
type Store struct {
	w      *writer // one connection: every write
	batch  *batcher
	r      *sql.DB // read-only connections
	now    func() time.Time
	stop   func() map[string]bool // stop words of Related, built at first use
	window int                    // searchWindow; smaller in tests
	// recovered is where Open moved a damaged cache file ("" if none),
	// and salvaged what it saved from it.
	recovered string
	salvaged  RepairReport
}

// readConns is the size of the read pool. Each connection keeps several
// MB of SQLite page cache once used, and the TUI's queries run
// concurrently, so the pool is kept small: two let a headline page load
// while a search runs, and keep a browsing session's memory low.
const readConns = 2

// Options tune a Store. The zero value is what Open uses.
type Options struct {
	// Now is the clock of every time the cache stamps (fetches, reads,
	// follows, exports) and of retention; nil: time.Now. Tests set it to
	// control time.
	Now func() time.Time
}

// OpenWith is Open with options.
func OpenWith(path string, o Options) (*Store, error) {
	s, err := Open(path)
	if err == nil && o.Now != nil {
		s.now = o.Now
	}
	return s, err
}

// Open opens (creating if needed) the cache at path, migrates it to the
// current schema, and returns a Store. A file that is not an SQLite
// database, or one found damaged, is repaired (Repair): what can be read
// of it is salvaged into a fresh cache, and it is moved aside with its
// -wal and -shm files (see Recovered and Salvaged). Damage met later, in
// a file too large to check in full here, stops writes (Damaged). Open
// fails when the file cannot be opened or created, or a migration fails.
func Open(path string) (*Store, error) {
	s, err := open(path)
	if err == nil || !isCorrupt(err) {
		return s, err
	}
	rep, rErr := Repair(context.Background(), path)
	if rErr != nil {
		return nil, fmt.Errorf("open cache %s: %w", path, errors.Join(err, rErr))
	}
	if s, err = open(path); err != nil {
		return nil, err
	}
	s.recovered, s.salvaged = rep.Aside, rep
	return s, nil
}

// Recovered returns where Open moved a damaged or foreign cache file
// before creating a fresh one, or "" when the file was fine.
func (s *Store) Recovered() string { return s.recovered }

// Salvaged is what Open saved from a damaged cache file (see Recovered).
func (s *Store) Salvaged() RepairReport { return s.salvaged }

// open opens the cache at path without any recovery.
func open(path string) (*Store, error) {
	if err := checkHeader(path); err != nil {
		return nil, fmt.Errorf("open cache %s: %w", path, err)
	}
	w, err := sql.Open("sqlite", dsn(path, false))
	if err != nil {
		return nil, fmt.Errorf("open cache %s: %w", path, err)
	}
	w.SetMaxOpenConns(1)
	if err := checkAndMigrate(context.Background(), w, path); err != nil {
		return nil, errors.Join(fmt.Errorf("open cache %s: %w", path, err), w.Close())
	}
	r, err := sql.Open("sqlite", dsn(path, true))
	if err != nil {
		return nil, errors.Join(fmt.Errorf("open cache %s: %w", path, err), w.Close())
	}
	r.SetMaxOpenConns(readConns)
	r.SetMaxIdleConns(readConns)
	return &Store{w: &writer{DB: w}, batch: &batcher{}, r: r, now: time.Now, stop: sync.OnceValue(stopWords), window: searchWindow}, nil
}

// dsn is the modernc.org/sqlite data source name for the cache at path.
func dsn(path string, readOnly bool) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(5000)")
	q.Add("_pragma", "journal_mode(WAL)")
	q.Add("_pragma", "synchronous(NORMAL)")
	q.Add("_pragma", "foreign_keys(1)")
	// Statement journals and sorts in memory: on disk they were written
	// a few bytes at a time, once per item saved.
	q.Add("_pragma", "temp_store(MEMORY)")
	if readOnly {
		q.Add("_pragma", "query_only(1)")
	} else {
		q.Set("_txlock", "immediate")
	}
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// Close releases both connection pools. It returns the errors of closing
// them, if any.
func (s *Store) Close() error {
	return errors.Join(s.r.Close(), s.w.Close())
}

// txDB is a pool that begins transactions: *sql.DB or the *writer.
type txDB interface {
	BeginTx(ctx context.Context, opts *sql.TxOptions) (*sql.Tx, error)
}

// withTx runs fn in a transaction of db (a write transaction on the write
// pool), committing when fn returns nil and rolling back otherwise. An
// error caused by a full disk wraps ErrFull; on the write pool, one
// caused by a damaged file stops all later writes (writer.note).
func withTx(ctx context.Context, db txDB, fn func(*sql.Tx) error) (err error) {
	if w, ok := db.(*writer); ok {
		defer func() { err = w.note(err) }()
	}
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer func() {
		if rbErr := tx.Rollback(); rbErr != nil && !errors.Is(rbErr, sql.ErrTxDone) {
			err = errors.Join(err, fmt.Errorf("rollback: %w", rbErr))
		}
	}()
	if err := fn(tx); err != nil {
		return wrapFull(err)
	}
	if err := tx.Commit(); err != nil {
		return wrapFull(fmt.Errorf("commit: %w", err))
	}
	return nil
}

// notFound wraps feed.ErrNotFound with what was looked up.
func notFound(what string) error {
	return fmt.Errorf("%s: %w", what, feed.ErrNotFound)
}
