package cache

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"time"

	"github.com/akhbar/akhbar/feed"
)

// Limits bound how much of one feed the cache keeps. A zero field means
// no limit of that kind.
type Limits struct {
	KeepDays  int // items older than this many days go
	KeepItems int // only this many of the newest items stay
}

// String describes the limits for people, e.g. "365 days, 5000 items".
func (l Limits) String() string {
	days, items := "any age", "any number of items"
	if l.KeepDays > 0 {
		days = fmt.Sprintf("%d days", l.KeepDays)
	}
	if l.KeepItems > 0 {
		items = fmt.Sprintf("%d items", l.KeepItems)
	}
	return days + ", " + items
}

// Retention is what Cleanup keeps. Whatever the limits:
//
//   - starred items are always kept (and their articles);
//   - items of a local feed that its latest full fetch listed are kept,
//     or the next refresh would bring them back as new, unread items (a
//     304 or a failed fetch re-lists nothing and changes nothing);
//   - items of a synced feed that the server has are kept: their
//     retention is the server's. A sync removes the entries the server
//     deletes. Of a Google Reader API account only unread items count
//     as held, as the API does not tell which read ones the server
//     still has (feed.AccountKind.ListsEveryEntry);
//   - unread items are kept for UnreadDays (when longer than KeepDays),
//     but still count towards KeepItems.
//
// So the limits judge only items that no fetch or server still lists.
// An item's age is its date (clamped to when it was first fetched). The
// article of a removed item goes with it (unless another item links to
// the same page), and so does its row of the search index. Articles
// cached without an item (related stories opened from an article) go
// when they were fetched longer ago than the global KeepDays.
type Retention struct {
	Limits                       // for every feed, unless PerFeed says otherwise
	UnreadDays int               // how long unread items stay (0: as KeepDays)
	PerFeed    map[string]Limits // by feed URL; a zero field falls back to Limits
	Vacuum     bool              // rebuild the file afterwards, giving space back to the disk
}

// Retention defaults: a year of news and 5,000 items per feed (a busy
// feed of 50 items a day keeps about three months), unread items two
// years. A cache of 500 feeds stays within a few hundred thousand items.
const (
	DefaultKeepDays   = 365
	DefaultKeepItems  = 5000
	DefaultUnreadDays = 730
)

// DefaultRetention is the retention of `akhbar refresh` and `akhbar
// cleanup` when config.toml sets no limits.
func DefaultRetention() Retention {
	return Retention{Limits: Limits{KeepDays: DefaultKeepDays, KeepItems: DefaultKeepItems}, UnreadDays: DefaultUnreadDays}
}

// CleanupReport tells what Cleanup removed.
type CleanupReport struct {
	Items    int `json:"items"`    // items removed
	Articles int `json:"articles"` // cached article bodies removed
	Images   int `json:"images"`   // images kept with those articles, removed with them
	// Freed is how many bytes of the file the removed rows occupied:
	// returned to the disk with Vacuum, otherwise kept by the cache for
	// its next writes.
	Freed int64 `json:"freed_bytes"`
}

// Cleanup removes what r does not keep, cleanupBatch feeds per
// transaction (so a refresh or the reader in another process waits for
// one batch at most), then vacuums when r.Vacuum is set. It fails when the database does,
// reporting what it removed before that; ErrFull is wrapped when the disk
// is too full even to delete (VACUUM needs room for a copy of the file).
func (s *Store) Cleanup(ctx context.Context, r Retention) (CleanupReport, error) {
	var rep CleanupReport
	if err := s.w.damaged(); err != nil {
		return rep, fmt.Errorf("cleanup: %w", err)
	}
	before, err := s.pages(ctx)
	if err != nil {
		return rep, fmt.Errorf("cleanup: %w", err)
	}
	feeds, err := s.feedURLs(ctx)
	if err != nil {
		return rep, fmt.Errorf("cleanup: %w", err)
	}
	now := s.now()
	for batch := range slices.Chunk(feeds, cleanupBatch) {
		err := withStmtTx(ctx, s.w, func(tx *stmtTx) error {
			var ns []int64
			urls := map[string]bool{}
			for _, f := range batch {
				if err := doomedItems(ctx, tx, f, r.limitsFor(f.url), r.UnreadDays, now, &ns, urls); err != nil {
					return fmt.Errorf("%s: %w", f.url, err)
				}
			}
			return removeItems(ctx, tx, ns, urls, &rep)
		})
		if err != nil {
			return rep, fmt.Errorf("cleanup: %w", err)
		}
	}
	if r.KeepDays > 0 {
		err := withTx(ctx, s.w, func(tx *sql.Tx) error {
			return cleanLoneArticles(ctx, tx, now.AddDate(0, 0, -r.KeepDays), &rep)
		})
		if err != nil {
			return rep, fmt.Errorf("cleanup of articles: %w", err)
		}
	}
	if r.Vacuum {
		if _, err := s.w.ExecContext(ctx, `VACUUM`); err != nil {
			return rep, fmt.Errorf("cleanup: vacuum: %w", wrapFull(err))
		}
	}
	after, err := s.pages(ctx)
	if err != nil {
		return rep, fmt.Errorf("cleanup: %w", err)
	}
	rep.Freed = before.used() - after.used()
	return rep, nil
}

// limitsFor is the limits of the feed at url.
func (r Retention) limitsFor(url string) Limits {
	l := r.Limits
	if own, ok := r.PerFeed[url]; ok {
		if own.KeepDays > 0 {
			l.KeepDays = own.KeepDays
		}
		if own.KeepItems > 0 {
			l.KeepItems = own.KeepItems
		}
	}
	return l
}

// cleanupBatch is how many feeds Cleanup handles per transaction: each
// transaction that deletes items flushes and merges the search index
// once, so batches cost far less than a transaction per feed, while a
// refresh or reader in another process waits for one batch at most.
const cleanupBatch = 50

// doomedItems adds to ns and urls the numbers and links of the items of
// one feed that l does not keep.
func doomedItems(ctx context.Context, tx *stmtTx, f feedURL, l Limits, unreadDays int, now time.Time, ns *[]int64, urls map[string]bool) error {
	if l.KeepDays <= 0 && l.KeepItems <= 0 {
		return nil
	}
	cond, args := doomed(f.id, l, unreadDays, now)
	rows, err := tx.QueryContext(ctx, `SELECT n, url FROM items WHERE feed_id = ? AND starred = 0 AND `+
		listedSQL+` AND (`+cond+`)`, append([]any{f.id, f.account, f.account, f.allRead, f.listed}, args...)...)
	if err != nil {
		return err
	}
	for rows.Next() {
		var n int64
		var url string
		if err := rows.Scan(&n, &url); err != nil {
			return errors.Join(err, rows.Close())
		}
		*ns = append(*ns, n)
		urls[url] = true
	}
	return errors.Join(rows.Err(), rows.Close())
}

// listedSQL is true for an item no fetch or server still lists. Its
// arguments: the feed's account (0 for none) twice, whether the
// account's server lists read entries too, and the feed's latest full
// fetch.
const listedSQL = `CASE WHEN ? != 0
	THEN NOT EXISTS (SELECT 1 FROM remote_items r WHERE r.item = items.n AND r.account = ? AND (items.read = 0 OR ?))
	ELSE seen != ? END`

// doomed is the condition, on top of "not starred, not listed", that
// selects the items of feedID that l does not keep.
func doomed(feedID int64, l Limits, unreadDays int, now time.Time) (string, []any) {
	cond, args := "0", []any{}
	if l.KeepDays > 0 {
		readCut := now.AddDate(0, 0, -l.KeepDays).Unix()
		unreadCut := now.AddDate(0, 0, -max(l.KeepDays, unreadDays)).Unix()
		cond += ` OR (sort_time < ? AND (read = 1 OR sort_time < ?))`
		args = append(args, readCut, unreadCut)
	}
	if l.KeepItems > 0 {
		cond += ` OR n IN (SELECT n FROM items WHERE feed_id = ? AND starred = 0
			ORDER BY sort_time DESC, n LIMIT -1 OFFSET ?)`
		args = append(args, feedID, l.KeepItems)
	}
	return cond, args
}

// removeItems deletes items by number (their search rows and categories
// go through the schema's trigger and foreign key), then the articles at
// urls that no remaining item links to. Each is one statement: every
// statement that touches the search index flushes it, so deleting row by
// row would cost a flush per row.
func removeItems(ctx context.Context, tx *stmtTx, ns []int64, urls map[string]bool, rep *CleanupReport) error {
	if len(ns) == 0 {
		return nil
	}
	nsJSON, err := json.Marshal(ns)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM items WHERE n IN (SELECT value FROM json_each(?))`, string(nsJSON)); err != nil {
		return err
	}
	rep.Items += len(ns)
	urlJSON, err := json.Marshal(slices.Collect(maps.Keys(urls)))
	if err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, `DELETE FROM articles WHERE url IN (SELECT value FROM json_each(?))
		AND NOT EXISTS (SELECT 1 FROM items WHERE items.url = articles.url)`, string(urlJSON))
	if err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	rep.Articles += int(n)
	res, err = tx.ExecContext(ctx, `DELETE FROM images WHERE article IN (SELECT value FROM json_each(?))
		AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.url = images.article)`, string(urlJSON))
	if err != nil {
		return err
	}
	n, err = res.RowsAffected()
	rep.Images += int(n)
	return err
}

// cleanLoneArticles deletes articles that belong to no item and were
// fetched before cut, and imported states older than cut whose items
// never arrived.
func cleanLoneArticles(ctx context.Context, tx *sql.Tx, cut time.Time, rep *CleanupReport) error {
	res, err := tx.ExecContext(ctx, `DELETE FROM articles WHERE item_id = '' AND unixepoch(fetched) < ?
		AND NOT EXISTS (SELECT 1 FROM items WHERE items.url = articles.url)`, cut.Unix())
	if err != nil {
		return err
	}
	// Imported state of items that never arrived.
	if _, err := tx.ExecContext(ctx, `DELETE FROM pending_state WHERE created < ?`, cut.Unix()); err != nil {
		return err
	}
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	rep.Articles += int(n)
	if n == 0 {
		return nil
	}
	res, err = tx.ExecContext(ctx, orphanImagesSQL)
	if err != nil {
		return err
	}
	n, err = res.RowsAffected()
	rep.Images += int(n)
	return err
}

// feedURL is what Cleanup needs of a feed: its ID and URL, its latest
// full fetch, and its account (0 for a local feed) and whether that
// account's server lists read entries too.
type feedURL struct {
	id      int64
	url     string
	listed  int64
	account int64
	allRead bool
}

// feedURLs lists every feed.
func (s *Store) feedURLs(ctx context.Context) ([]feedURL, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT f.id, f.url, f.listed, coalesce(f.account, 0), coalesce(a.kind, '')
		FROM feeds f LEFT JOIN accounts a ON a.id = f.account ORDER BY f.id`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []feedURL
	for rows.Next() {
		var f feedURL
		var kind feed.AccountKind
		if err := rows.Scan(&f.id, &f.url, &f.listed, &f.account, &kind); err != nil {
			return nil, err
		}
		f.allRead = kind.ListsEveryEntry()
		out = append(out, f)
	}
	return out, rows.Err()
}

// pageCounts is the size of the file in pages, and how many are free.
type pageCounts struct{ size, pages, free int64 }

func (p pageCounts) used() int64 { return (p.pages - p.free) * p.size }

func (s *Store) pages(ctx context.Context) (pageCounts, error) {
	var p pageCounts
	err := s.w.QueryRowContext(ctx, `SELECT page_size, page_count, freelist_count
		FROM pragma_page_size, pragma_page_count, pragma_freelist_count`).Scan(&p.size, &p.pages, &p.free)
	if err != nil {
		return p, fmt.Errorf("page counts: %w", err)
	}
	return p, nil
}
