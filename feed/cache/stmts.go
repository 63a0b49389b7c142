package cache

import (
	"context"
	"database/sql"
	"errors"
)

// stmtTx is a transaction that prepares each distinct query once and
// reuses it: saving a fetch runs the same few statements for every item,
// and parsing SQL would otherwise cost a quarter of the time.
type stmtTx struct {
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
	index []indexRow  // search rows to write before commit (flush)
	scope *fetchScope // while SaveFetch saves one feed's items
}

// queueIndex queues a search row for flush.
func (t *stmtTx) queueIndex(r indexRow) { t.index = append(t.index, r) }

// flush writes what was queued for the end of the transaction: the
// search rows (flushIndex).
func (t *stmtTx) flush(ctx context.Context) error {
	rows := t.index
	t.index = nil
	if len(rows) == 0 {
		return nil
	}
	return flushIndex(ctx, t, rows)
}

func newStmtTx(tx *sql.Tx) *stmtTx {
	return &stmtTx{tx: tx, stmts: map[string]*sql.Stmt{}}
}

func (t *stmtTx) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := t.stmts[query]; ok {
		return st, nil
	}
	st, err := t.tx.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	t.stmts[query] = st
	return st, nil
}

// ExecContext runs a prepared statement of query.
func (t *stmtTx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := t.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

// QueryContext runs a prepared query.
func (t *stmtTx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := t.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

// QueryRowContext runs a prepared query for one row. A failure to
// prepare shows as the row's error, as with sql.Tx; it falls back to the
// transaction so that the error reaches Scan.
func (t *stmtTx) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := t.stmt(ctx, query)
	if err != nil {
		return t.tx.QueryRowContext(ctx, query, args...)
	}
	return st.QueryRowContext(ctx, args...)
}

// Close closes the prepared statements (not the transaction).
func (t *stmtTx) Close() error {
	var errs []error
	for _, st := range t.stmts {
		errs = append(errs, st.Close())
	}
	return errors.Join(errs...)
}

// withStmtTx is withTx with statement reuse, writing the queued search
// rows before it commits.
func withStmtTx(ctx context.Context, db txDB, fn func(*stmtTx) error) error {
	return withTx(ctx, db, func(tx *sql.Tx) (err error) {
		st := newStmtTx(tx)
		defer func() { err = errors.Join(err, st.Close()) }()
		if err := fn(st); err != nil {
			return err
		}
		return st.flush(ctx)
	})
}
