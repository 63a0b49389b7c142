package cache

import (
	"context"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"time"
)

// SQLite result codes the cache tells apart (the low byte of an extended
// code).
const (
	sqliteCorrupt = 11
	sqliteFull    = 13
	sqliteNotADB  = 26
)

// ErrFull is wrapped by every write that failed because the disk, or the
// size limit of the cache, is full. Reads keep working.
var ErrFull = errors.New("the cache is full: no room left on the disk (or under the cache's size limit)")

// errCorrupt marks a cache file that is not a usable SQLite database.
var errCorrupt = errors.New("not a usable SQLite database")

// sqliteCode returns the primary SQLite result code of err, or 0.
func sqliteCode(err error) int {
	var e interface{ Code() int }
	if errors.As(err, &e) {
		return e.Code() & 0xff
	}
	return 0
}

// isCorrupt reports whether err says the file is damaged or foreign, as
// opposed to unreadable (permissions, a missing directory) or busy.
func isCorrupt(err error) bool {
	switch sqliteCode(err) {
	case sqliteCorrupt, sqliteNotADB:
		return true
	}
	return errors.Is(err, errCorrupt)
}

// wrapFull adds ErrFull to an error SQLite gave for a full disk or a
// reached page limit.
func wrapFull(err error) error {
	if err != nil && sqliteCode(err) == sqliteFull && !errors.Is(err, ErrFull) {
		return fmt.Errorf("%w: %w", ErrFull, err)
	}
	return err
}

// sqliteMagic starts every SQLite database file.
const sqliteMagic = "SQLite format 3\x00"

// checkHeader fails with errCorrupt when the file at path exists, is not
// empty and does not start like an SQLite database, or is shorter than
// its header says (truncated) while no write-ahead log holds the rest. A
// missing or empty file is a new cache.
func checkHeader(path string) error {
	fh, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer fh.Close()
	head := make([]byte, 100)
	n, err := io.ReadFull(fh, head)
	if n == 0 && errors.Is(err, io.EOF) {
		return nil
	}
	if n < len(head) || string(head[:len(sqliteMagic)]) != sqliteMagic {
		return fmt.Errorf("%s: %w", path, errCorrupt)
	}
	info, err := fh.Stat()
	if err != nil {
		return err
	}
	if want := headerSize(head); want > info.Size() && !hasWAL(path) {
		return fmt.Errorf("%s: truncated to %d of %d bytes: %w", path, info.Size(), want, errCorrupt)
	}
	return nil
}

// headerSize is the file size the database header states, or 0 when the
// header's page count is not known to be valid.
func headerSize(head []byte) int64 {
	pageSize := int64(binary.BigEndian.Uint16(head[16:18]))
	if pageSize == 1 {
		pageSize = 65536
	}
	changes := binary.BigEndian.Uint32(head[24:28])
	pages := int64(binary.BigEndian.Uint32(head[28:32]))
	if binary.BigEndian.Uint32(head[92:96]) != changes {
		return 0
	}
	return pages * pageSize
}

// hasWAL reports whether a non-empty write-ahead log sits next to path.
func hasWAL(path string) bool {
	info, err := os.Stat(path + "-wal")
	return err == nil && info.Size() > 0
}

// moveAside renames the damaged cache at path, and its -wal and -shm
// files, to path.corrupt-<time> (with a counter if that exists) and
// returns the new name of the main file.
func moveAside(path string, now time.Time) (string, error) {
	base := path + ".corrupt-" + now.UTC().Format("20060102T150405")
	dst := base
	for i := 2; exists(dst); i++ {
		dst = fmt.Sprintf("%s-%d", base, i)
	}
	for _, suffix := range []string{"-wal", "-shm", ""} {
		err := os.Rename(path+suffix, dst+suffix)
		if err != nil && !errors.Is(err, os.ErrNotExist) {
			return "", fmt.Errorf("move damaged cache aside: %w", err)
		}
	}
	return dst, nil
}

func exists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// quickCheckMax is the largest cache file that Open checks in full with
// PRAGMA quick_check: the check reads every page (3.9 s for a cache of
// 100,000 articles, 590 MB, on this project's machine), too slow for
// every start of a large cache. Larger files get the header, truncation
// and schema checks only; damage found later is an error of the query
// that meets it (and VACUUM, in `akhbar cleanup`, reads every page).
const quickCheckMax = 8 << 20

// checkAndMigrate reads the schema (which fails on a foreign or damaged
// first page), runs PRAGMA quick_check on small files, then migrates.
func checkAndMigrate(ctx context.Context, db *sql.DB, path string) error {
	var n int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_schema`).Scan(&n); err != nil {
		return fmt.Errorf("read schema: %w", err)
	}
	if info, err := os.Stat(path); err == nil && n > 0 && info.Size() <= quickCheckMax {
		if err := quickCheck(ctx, db); err != nil {
			return err
		}
	}
	return migrate(ctx, db)
}

// quickCheck runs PRAGMA quick_check, failing with errCorrupt when it
// finds damage.
func quickCheck(ctx context.Context, db *sql.DB) error {
	var res string
	if err := db.QueryRowContext(ctx, `PRAGMA quick_check(1)`).Scan(&res); err != nil {
		return fmt.Errorf("quick check: %w", err)
	}
	if res != "ok" {
		return fmt.Errorf("quick check: %s: %w", res, errCorrupt)
	}
	return nil
}
