package cache

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/akhbar/akhbar/feed"
)

// SaveFetch records one successful fetch of the feed feedID in one
// transaction: its metadata, and each item upserted by identity. A full
// fetch stamps the feed and the items it lists with its time, which is
// how retention knows what the feed still lists; a 304 (NotModified)
// re-lists nothing and changes only the fetch time. An item
// is the same as a stored one when its ID (it.ID, or feed.ItemID of the
// feed URL and the item) matches, or else when the feed, link and title
// match (a feed that rewrites its GUIDs on every fetch does not grow the
// cache). Re-saving keeps read, starred and the first fetch time. A fetch
// that decodes the feed better than the last one first re-decodes its
// stored items (see saveCharset). It
// returns the new items and fails with feed.ErrNotFound when there is no
// such feed. Calls made at once from several goroutines are saved
// together, in one transaction (batcher); each returns once its feed is
// committed.
func (s *Store) SaveFetch(ctx context.Context, feedID int64, r feed.FetchResult) ([]feed.Item, error) {
	if r.At.IsZero() {
		r.At = s.now()
	}
	return s.batch.save(s, &saveCall{ctx: ctx, feedID: feedID, r: r})
}

func saveFetchTx(ctx context.Context, tx *stmtTx, feedID int64, r feed.FetchResult) ([]feed.Item, error) {
	var feedURL string
	err := tx.QueryRowContext(ctx, `SELECT url FROM feeds WHERE id = ?`, feedID).Scan(&feedURL)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, notFound("feed")
	}
	if err != nil {
		return nil, err
	}
	if r.NotModified {
		_, err = tx.ExecContext(ctx, `UPDATE feeds SET last_fetch = ?, last_error = '', retry_after = NULL WHERE id = ?`, encTime(r.At), feedID)
		return nil, err
	}
	_, err = tx.ExecContext(ctx, `UPDATE feeds SET
		own_title = CASE ? WHEN '' THEN own_title ELSE ? END,
		site_url = CASE ? WHEN '' THEN site_url ELSE ? END,
		etag = ?, last_modified = ?, last_fetch = ?, last_error = '', listed = ?, retry_after = NULL
		WHERE id = ?`, r.Title, r.Title, r.SiteURL, r.SiteURL, r.ETag, r.LastModified, encTime(r.At), r.At.Unix(), feedID)
	if err != nil {
		return nil, err
	}
	purge, err := saveCharset(ctx, tx, feedID, r.Charset)
	if err != nil {
		return nil, fmt.Errorf("charset: %w", err)
	}
	scope, err := newFetchScope(ctx, tx, feedID)
	if err != nil {
		return nil, err
	}
	tx.scope = scope
	defer func() { tx.scope = nil }()
	var added []feed.Item
	unstable := false
	for _, it := range r.Items {
		if it.ID == "" {
			it.ID = feed.ItemID(feedURL, it)
		}
		it.FeedID = feedID
		isNew, changed, err := saveItem(ctx, tx, it, r.At)
		if err != nil {
			return nil, fmt.Errorf("item %s: %w", it.ID, err)
		}
		unstable = unstable || changed
		if isNew {
			if it.Fetched.IsZero() {
				it.Fetched = r.At
			}
			added = append(added, it)
		}
	}
	if purge {
		if err := purgeLossy(ctx, tx, feedID); err != nil {
			return nil, fmt.Errorf("charset: %w", err)
		}
	}
	return added, saveNotice(ctx, tx, feedID, r, unstable)
}

// Notices of SaveFetch. NoticeUnstableIDs, once given, stays: it is a
// trait of the feed, told once rather than on every fetch.
const (
	NoticeUnstableIDs = "the feed changes its item IDs on every fetch; items are matched by link and title"
	noticeDropped     = "the feed listed %d items; only the newest %d were kept"
)

// saveNotice records the feed's notice after a fetch: the unstable-ID
// notice when this fetch or an earlier one showed it, and the items the
// cap left out by this fetch.
func saveNotice(ctx context.Context, tx *stmtTx, feedID int64, r feed.FetchResult, unstable bool) error {
	var old string
	if err := tx.QueryRowContext(ctx, `SELECT notice FROM feeds WHERE id = ?`, feedID).Scan(&old); err != nil {
		return err
	}
	var parts []string
	if unstable || strings.Contains(old, NoticeUnstableIDs) {
		parts = append(parts, NoticeUnstableIDs)
	}
	if r.Dropped > 0 {
		parts = append(parts, fmt.Sprintf(noticeDropped, len(r.Items)+r.Dropped, len(r.Items)))
	}
	notice := strings.Join(parts, "; ")
	if notice == old {
		return nil
	}
	_, err := tx.ExecContext(ctx, `UPDATE feeds SET notice = ? WHERE id = ?`, notice, feedID)
	return err
}

// stored is what saveItem needs to know of an item already in the cache.
type stored struct {
	n                         int64
	feedID                    sql.NullInt64
	title, summary, cats, url string
	fetched                   sql.NullString
	// byLink: found by link and title, not by ID (see findItem).
	byLink bool
}

// maxLinkCandidates bounds the stored items of one feed with the same
// title and link base that findItem compares by feed.LinkKey.
const maxLinkCandidates = 64

// findItem looks it up by ID, then by (feed, link, title), then by
// (feed, feed.LinkKey of the link, title): the last two find an item of
// a feed that changes GUIDs, or cache-busting tokens in its links, on
// every fetch. stored.byLink tells a match of the last two kinds.
func findItem(ctx context.Context, tx *stmtTx, it feed.Item) (s stored, found bool, err error) {
	const cols = `SELECT n, feed_id, title, summary, categories, fetched, url FROM items `
	scan := func(row interface{ Scan(...any) error }) (bool, error) {
		err := row.Scan(&s.n, &s.feedID, &s.title, &s.summary, &s.cats, &s.fetched, &s.url)
		if errors.Is(err, sql.ErrNoRows) {
			return false, nil
		}
		return err == nil, err
	}
	found, err = scan(tx.QueryRowContext(ctx, cols+`WHERE id = ?`, it.ID))
	if found || err != nil || it.URL == "" {
		return s, found, err
	}
	s.byLink = true
	if sc := tx.scope; sc != nil && sc.feedID == it.FeedID {
		n, ok, err := sc.byLink(ctx, tx, it)
		if !ok || err != nil {
			return s, false, err
		}
		found, err = scan(tx.QueryRowContext(ctx, cols+`WHERE n = ?`, n))
		return s, found, err
	}
	found, err = scan(tx.QueryRowContext(ctx, cols+`WHERE url = ? AND feed_id = ? AND title = ? LIMIT 1`,
		it.URL, it.FeedID, it.Title))
	if found || err != nil {
		return s, found, err
	}
	base := feed.LinkBase(it.URL)
	rows, err := tx.QueryContext(ctx, cols+`WHERE url >= ? AND url < ? AND feed_id = ? AND title = ? LIMIT ?`,
		base, base+"\x7f", it.FeedID, it.Title, maxLinkCandidates)
	if err != nil {
		return s, false, err
	}
	defer rows.Close()
	key := feed.LinkKey(it.URL)
	for rows.Next() {
		if _, err := scan(rows); err != nil {
			return s, false, err
		}
		if feed.LinkKey(s.url) == key {
			return s, true, nil
		}
	}
	return s, false, rows.Err()
}

// saveItem inserts it or updates the stored item it is the same as,
// reporting whether it was new, and whether it matched a stored item
// with another ID by its link and title (the feed's IDs are unstable).
func saveItem(ctx context.Context, tx *stmtTx, it feed.Item, at time.Time) (isNew, unstable bool, err error) {
	cats, err := json.Marshal(nonNil(it.Categories))
	if err != nil {
		return false, false, err
	}
	old, found, err := findItem(ctx, tx, it)
	if err != nil {
		return false, false, err
	}
	if !found {
		return true, false, insertItem(ctx, tx, it, string(cats), at, at.Unix())
	}
	// Found by link, the item's ID changed: its GUID, or its link when
	// it has no GUID.
	return false, old.byLink, updateItem(ctx, tx, old, it, string(cats), at)
}

// updateItem rewrites the metadata of the stored item old from it, keeping
// read, starred, position and the first fetch time. at is the fetch time.
func updateItem(ctx context.Context, tx *stmtTx, old stored, it feed.Item, cats string, at time.Time) error {
	fetched, err := decTime(old.fetched)
	if err != nil {
		return err
	}
	tx.scope.moved(old.n, old.url, old.title, it.FeedID, it.URL, it.Title)
	_, err = tx.ExecContext(ctx, `UPDATE items SET guid = ?, url = ?, title = ?, summary = ?,
		author = ?, published = ?, updated = ?, categories = ?, image = ?, lang = ?, sort_time = ?,
		seen = ? WHERE n = ?`, it.GUID, it.URL, it.Title, it.Summary, it.Author, encTime(it.Published),
		encTime(it.Updated), cats, it.Image, it.Lang,
		sortTime(it.Published, it.Updated, fetched), at.Unix(), old.n)
	if err != nil {
		return err
	}
	adopted := !old.feedID.Valid || old.feedID.Int64 != it.FeedID
	if adopted { // a starred orphan whose feed was subscribed again
		if _, err := tx.ExecContext(ctx, `UPDATE items SET feed_id = nullif(?, 0), origin = '' WHERE n = ?`, it.FeedID, old.n); err != nil {
			return err
		}
	}
	if adopted || old.cats != cats {
		if err := saveCategories(ctx, tx, old.n, it.FeedID, it.Categories, true); err != nil {
			return err
		}
	}
	if old.title != it.Title || old.summary != it.Summary {
		tx.queueIndex(indexRow{n: old.n, replace: true, known: true, title: it.Title, summary: it.Summary, url: it.URL})
	}
	return nil
}

// insertItem adds it, fetched at at (unless it says when) and listed by
// the fetch of time seen (0: by none).
func insertItem(ctx context.Context, tx *stmtTx, it feed.Item, cats string, at time.Time, seen int64) error {
	fetched := it.Fetched
	if fetched.IsZero() {
		fetched = at
	}
	if err := applyPending(ctx, tx, &it); err != nil {
		return err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO items (id, feed_id, guid, url, title, summary,
		author, published, updated, fetched, sort_time, categories, image, lang, read, starred, position, seen)
		VALUES (?, nullif(?, 0), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		it.ID, it.FeedID, it.GUID, it.URL, it.Title, it.Summary, it.Author, encTime(it.Published),
		encTime(it.Updated), encTime(fetched), sortTime(it.Published, it.Updated, fetched), cats,
		it.Image, it.Lang, it.Read, it.Starred, clampPosition(it.Position), seen)
	if err != nil {
		return err
	}
	n, err := res.LastInsertId()
	if err != nil {
		return err
	}
	tx.scope.moved(n, "", "", it.FeedID, it.URL, it.Title)
	if err := saveCategories(ctx, tx, n, it.FeedID, it.Categories, false); err != nil {
		return err
	}
	tx.queueIndex(indexRow{n: n, known: true, title: it.Title, summary: it.Summary, url: it.URL})
	return nil
}

// saveCategories records the normalised categories of item n of a feed,
// replacing the old ones when replace is set.
func saveCategories(ctx context.Context, tx *stmtTx, n, feedID int64, cats []string, replace bool) error {
	if replace {
		if _, err := tx.ExecContext(ctx, `DELETE FROM item_categories WHERE item = ?`, n); err != nil {
			return err
		}
	}
	for _, c := range cats {
		name := Normalize(c)
		if name == "" {
			continue
		}
		_, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO item_categories (feed_id, name, item) VALUES (?, ?, ?)`,
			feedID, name, n)
		if err != nil {
			return err
		}
	}
	return nil
}

// nonNil returns s, or an empty slice for nil (so JSON says [] not null).
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
