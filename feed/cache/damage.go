package cache

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"sync"

	"github.com/akhbar/akhbar/feed"
)

// writer is the write pool. The first write that meets a damaged file
// (SQLITE_CORRUPT, SQLITE_NOTADB, "database disk image is malformed")
// switches it off: every later write fails at once with
// feed.ErrCacheDamaged, so a damaged cache is not written further and the
// user hears of it once, not once per feed. Reads go on.
type writer struct {
	*sql.DB
	mu     sync.Mutex
	damage error // the first corruption error; nil while the file is fine
}

// BeginTx begins a write transaction, unless the file was found damaged.
func (w *writer) BeginTx(ctx context.Context, opts *sql.TxOptions) (*sql.Tx, error) {
	if err := w.damaged(); err != nil {
		return nil, err
	}
	return w.DB.BeginTx(ctx, opts)
}

// damaged returns feed.ErrCacheDamaged (with the first cause) once a write
// met damage, else nil.
func (w *writer) damaged() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.damage == nil {
		return nil
	}
	return fmt.Errorf("%w (%v)", feed.ErrCacheDamaged, w.damage)
}

// note records err when it says the file is damaged, and returns it
// wrapping feed.ErrCacheDamaged then.
func (w *writer) note(err error) error {
	if err == nil || errors.Is(err, feed.ErrCacheDamaged) || !isCorrupt(err) {
		return err
	}
	w.mu.Lock()
	if w.damage == nil {
		w.damage = err
	}
	w.mu.Unlock()
	return fmt.Errorf("%w (%v)", feed.ErrCacheDamaged, err)
}

// Damaged returns a feed.ErrCacheDamaged error once a write found the
// cache file damaged (nothing is written after that), or nil.
func (s *Store) Damaged() error { return s.w.damaged() }
