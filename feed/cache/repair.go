package cache

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"time"

	"github.com/akhbar/akhbar/feed"
)

// RepairReport says what Repair salvaged from a damaged cache.
type RepairReport struct {
	Aside    string `json:"aside"`    // where the damaged file was moved
	Feeds    int    `json:"feeds"`    // subscriptions
	States   int    `json:"states"`   // read, starred or partly read items
	Items    int    `json:"items"`    // headlines
	Articles int    `json:"articles"` // full texts
	Accounts int    `json:"accounts"` // sync accounts (their feeds come back with the next sync)
	Follows  int    `json:"follows"`
	Lost     int    `json:"lost"` // rows that could not be read
}

// salvageChunk is how many rowids one salvage query reads.
const salvageChunk = 500

// Repair salvages what can still be read of the cache at path into a
// fresh cache, then moves the damaged file aside (path.corrupt-<time>)
// and puts the fresh one in its place. It reads, in this order, the
// subscriptions and sync accounts, the read, starred and reading-position
// state, the follows, then the items and the articles, each table in
// ranges of rowids so that a damaged page loses only the rows on it.
// Synced feeds are not copied: the next sync brings them back. It fails
// when the fresh cache cannot be written or the files cannot be moved.
func Repair(ctx context.Context, path string) (RepairReport, error) {
	tmp := path + ".repair"
	for _, suffix := range []string{"", "-wal", "-shm"} {
		if err := os.Remove(tmp + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			return RepairReport{}, fmt.Errorf("repair cache: %w", err)
		}
	}
	dst, err := open(tmp)
	if err != nil {
		return RepairReport{}, fmt.Errorf("repair cache: %w", err)
	}
	src, err := sql.Open("sqlite", salvageDSN(path))
	if err != nil {
		return RepairReport{}, errors.Join(fmt.Errorf("repair cache: %w", err), dst.Close())
	}
	src.SetMaxOpenConns(1)
	rep, err := salvage(ctx, src, dst)
	err = errors.Join(err, src.Close(), dst.Close())
	if err != nil {
		return rep, fmt.Errorf("repair cache %s: %w", path, err)
	}
	if rep.Aside, err = moveAside(path, time.Now()); err != nil {
		return rep, fmt.Errorf("repair cache %s: %w", path, err)
	}
	if err := os.Rename(tmp, path); err != nil {
		return rep, fmt.Errorf("repair cache %s: %w", path, err)
	}
	return rep, nil
}

// salvageDSN opens a damaged cache read-only, changing nothing in it.
func salvageDSN(path string) string {
	q := url.Values{}
	q.Set("mode", "ro")
	q.Add("_pragma", "query_only(1)")
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// salvage copies what src still yields into dst, state before bulk.
func salvage(ctx context.Context, src *sql.DB, dst *Store) (RepairReport, error) {
	var rep RepairReport
	feeds, local, lost := salvageFeeds(ctx, src)
	rep.Lost += lost
	accounts, err := salvageAccounts(ctx, src, dst, &rep)
	if err != nil {
		return rep, err
	}
	state := State{Version: StateVersion, Feeds: local}
	rep.Lost += eachRange(ctx, src, "items", func(lo, hi int64) error {
		items, err := queryItems(ctx, src, `SELECT `+itemCols+itemFrom+` WHERE i.n BETWEEN ? AND ?
			AND (i.read = 1 OR i.starred = 1 OR i.position > 0)`, lo, hi)
		if err != nil {
			return err // read again row by row
		}
		for _, it := range items {
			if f, ok := feeds[it.FeedID]; (ok && f.Account == 0) || (!ok && it.Starred) {
				state.Items = append(state.Items, stateItem(it, f.URL))
			}
		}
		return nil
	})
	if _, err := dst.ImportState(ctx, state); err != nil {
		return rep, err
	}
	rep.Feeds, rep.States, rep.Accounts = len(local), len(state.Items), accounts
	if rep.Follows, err = salvageFollows(ctx, src, dst, &rep); err != nil {
		return rep, err
	}
	if err := salvageItems(ctx, src, dst, feeds, &rep); err != nil {
		return rep, err
	}
	return rep, salvageArticles(ctx, src, dst, &rep)
}

// stateItem is the StateItem of an item of the feed at feedURL.
func stateItem(it feed.Item, feedURL string) StateItem {
	return StateItem{FeedURL: feedURL, ID: it.ID, GUID: it.GUID, URL: it.URL, Title: it.Title,
		Read: it.Read, Starred: it.Starred, Position: it.Position,
		Summary: it.Summary, Author: it.Author, Published: it.Published, FeedTitle: it.FeedTitle}
}

// hasColumn reports whether table has the column name in db; false
// when that cannot be read.
func hasColumn(ctx context.Context, db *sql.DB, table, name string) bool {
	var n int
	err := db.QueryRowContext(ctx, `SELECT count(*) FROM pragma_table_info(?) WHERE name = ?`, table, name).Scan(&n)
	return err == nil && n > 0
}

// salvageFeeds reads every readable subscription: all of them by ID, and
// the local ones (not from a sync account) as StateFeeds.
func salvageFeeds(ctx context.Context, src *sql.DB) (map[int64]feed.Feed, []StateFeed, int) {
	feeds := map[int64]feed.Feed{}
	var local []StateFeed
	publicOnly := "0" // a cache older than the column: every feed was subscribed by hand
	if hasColumn(ctx, src, "feeds", "public_only") {
		publicOnly = "public_only"
	}
	lost := eachRange(ctx, src, "feeds", func(lo, hi int64) error {
		rows, err := src.QueryContext(ctx, `SELECT id, url, title, folder, coalesce(account, 0), `+publicOnly+` FROM feeds
			WHERE id BETWEEN ? AND ?`, lo, hi)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var f feed.Feed
			if err := rows.Scan(&f.ID, &f.URL, &f.Title, &f.Folder, &f.Account, &f.PublicOnly); err != nil {
				return err
			}
			feeds[f.ID] = f
			if f.Account == 0 && feed.IsWebURL(f.URL) {
				local = append(local, StateFeed{URL: f.URL, Title: f.Title, Folder: f.Folder, PublicOnly: f.PublicOnly})
			}
		}
		return rows.Err()
	})
	return feeds, local, lost
}

// salvageAccounts copies the sync accounts (where their secrets come
// from, never a secret) with their IDs and without a cursor, so that the
// next sync fetches everything again.
func salvageAccounts(ctx context.Context, src *sql.DB, dst *Store, rep *RepairReport) (int, error) {
	type account struct{ kind, url, user, cred string }
	got := map[int64]account{}
	rep.Lost += eachRange(ctx, src, "accounts", func(lo, hi int64) error {
		rows, err := src.QueryContext(ctx, `SELECT id, kind, url, username, credential FROM accounts
			WHERE id BETWEEN ? AND ?`, lo, hi)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var a account
			if err := rows.Scan(&id, &a.kind, &a.url, &a.user, &a.cred); err != nil {
				return err
			}
			got[id] = a
		}
		return rows.Err()
	})
	err := withTx(ctx, dst.w, func(tx *sql.Tx) error {
		for id, a := range got {
			if _, err := tx.ExecContext(ctx, `INSERT INTO accounts (id, kind, url, username, credential)
				VALUES (?, ?, ?, ?, ?)`, id, a.kind, a.url, a.user, a.cred); err != nil {
				return err
			}
		}
		return nil
	})
	return len(got), err
}

// salvageFollows subscribes dst to the readable follows of src.
func salvageFollows(ctx context.Context, src *sql.DB, dst *Store, rep *RepairReport) (int, error) {
	var queries []string
	seen := map[string]bool{}
	rep.Lost += eachRange(ctx, src, "follows", func(lo, hi int64) error {
		rows, err := src.QueryContext(ctx, `SELECT query FROM follows WHERE id BETWEEN ? AND ?`, lo, hi)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var q string
			if err := rows.Scan(&q); err != nil {
				return err
			}
			if !seen[q] {
				seen[q] = true
				queries = append(queries, q)
			}
		}
		return rows.Err()
	})
	for _, q := range queries {
		if _, err := dst.AddFollow(ctx, q); err != nil && !errors.Is(err, feed.ErrNotFound) {
			return 0, err
		}
	}
	return len(queries), nil
}

// salvageItems saves the readable items of local feeds into dst, one
// SaveFetch per feed and fetch time so that their order is kept.
func salvageItems(ctx context.Context, src *sql.DB, dst *Store, feeds map[int64]feed.Feed, rep *RepairReport) error {
	ids := map[string]int64{} // feed URL → its ID in dst
	dstFeeds, err := dst.Feeds(ctx)
	if err != nil {
		return err
	}
	for _, f := range dstFeeds {
		ids[f.URL] = f.ID
	}
	var saveErr error
	rep.Lost += eachRange(ctx, src, "items", func(lo, hi int64) error {
		items, err := queryItems(ctx, src, `SELECT `+itemCols+itemFrom+` WHERE i.n BETWEEN ? AND ?`, lo, hi)
		if err != nil {
			return err // read again row by row
		}
		type batch struct {
			feed int64
			at   time.Time
		}
		groups := map[batch][]feed.Item{}
		var order []batch
		for _, it := range items {
			f, ok := feeds[it.FeedID]
			id, known := ids[f.URL]
			if !ok || !known || f.Account != 0 {
				continue
			}
			b := batch{id, it.Fetched}
			if _, seen := groups[b]; !seen {
				order = append(order, b)
			}
			it.Read, it.Starred, it.Position = false, false, 0 // the state came with ImportState
			groups[b] = append(groups[b], it)
		}
		for _, b := range order {
			if _, serr := dst.SaveFetch(ctx, b.feed, feed.FetchResult{Items: groups[b], At: b.at}); serr != nil {
				saveErr = serr
				return nil // a failure of dst, not damage in src
			}
			rep.Items += len(groups[b])
		}
		return nil
	})
	return saveErr
}

// salvageArticles saves the readable full texts into dst.
func salvageArticles(ctx context.Context, src *sql.DB, dst *Store, rep *RepairReport) error {
	var saveErr error
	saved := map[string]bool{}
	rep.Lost += eachRange(ctx, src, "articles", func(lo, hi int64) error {
		rows, err := src.QueryContext(ctx, `SELECT `+articleCols+` FROM articles WHERE rowid BETWEEN ? AND ?`, lo, hi)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			a, err := scanArticle(rows)
			if err != nil {
				return err
			}
			if saved[a.URL] {
				continue
			}
			if serr := dst.SaveArticle(ctx, a); serr != nil {
				saveErr = serr
				return nil
			}
			saved[a.URL] = true
			rep.Articles++
		}
		return rows.Err()
	})
	return saveErr
}

// eachRange calls read for consecutive rowid ranges of table, from 1 to
// its largest rowid. A range that fails is read again one rowid at a time;
// it returns how many single rowids still failed (rows lost to damage).
// read may be called again for rows it already returned before failing,
// so it must keep only what a successful call returned — callers that
// append accept duplicates, which the saving side merges by identity.
func eachRange(ctx context.Context, src *sql.DB, table string, read func(lo, hi int64) error) int {
	last := lastRowID(ctx, src, table)
	lost := 0
	for lo := int64(1); lo <= last && ctx.Err() == nil; lo += salvageChunk {
		hi := lo + salvageChunk - 1
		if read(lo, hi) == nil {
			continue
		}
		for id := lo; id <= hi; id++ {
			if read(id, id) != nil {
				lost++
			}
		}
	}
	return lost
}

// lastRowID is the largest rowid of table, or, when that cannot be read,
// a bound from the file's page count (no page holds more than a few
// hundred rows).
func lastRowID(ctx context.Context, src *sql.DB, table string) int64 {
	var last sql.NullInt64
	if err := src.QueryRowContext(ctx, `SELECT max(rowid) FROM `+table).Scan(&last); err == nil {
		return last.Int64
	}
	var pages int64
	if err := src.QueryRowContext(ctx, `PRAGMA page_count`).Scan(&pages); err != nil || pages <= 0 {
		return 0
	}
	return pages * 256
}
