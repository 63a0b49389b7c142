package cache

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/akhbar/akhbar/feed"
)

// StateVersion is the version of the State format this cache writes.
const StateVersion = 1

// State is the reader's history in a portable form (`akhbar export
// --state`, documented in README.md "Moving your history"): the
// subscriptions with their folders, and every item that is read, starred
// or partly read. Starred items carry their text, so they survive on a
// machine that never fetched them.
type State struct {
	Version  int         `json:"akhbar_state"`
	Exported time.Time   `json:"exported"`
	Feeds    []StateFeed `json:"feeds"`
	Items    []StateItem `json:"items"`
}

// StateFeed is one subscription of a State.
type StateFeed struct {
	URL    string `json:"url"`
	Title  string `json:"title,omitempty"` // the user's own name for the feed
	Folder string `json:"folder,omitempty"`
	// PublicOnly is feed.Feed.PublicOnly: the URL came from a remote
	// document or a redirect, so it is never fetched from a private address.
	PublicOnly bool `json:"public_only,omitempty"`
}

// StateItem is the state of one item. FeedURL, ID, GUID, URL and Title
// identify it (ID is feed.ItemID, the same on every machine); Summary,
// Published, Author and FeedTitle are filled for starred items only.
type StateItem struct {
	FeedURL   string    `json:"feed_url"` // "" for a starred item of a removed feed
	ID        string    `json:"id"`
	GUID      string    `json:"guid,omitempty"`
	URL       string    `json:"url,omitempty"`
	Title     string    `json:"title"`
	Read      bool      `json:"read"`
	Starred   bool      `json:"starred"`
	Position  float64   `json:"position,omitempty"`
	Summary   string    `json:"summary,omitempty"`
	Author    string    `json:"author,omitempty"`
	Published time.Time `json:"published,omitzero"`
	FeedTitle string    `json:"feed_title,omitempty"`
}

// ExportState reads the reader's history. It fails only when the
// database does.
func (s *Store) ExportState(ctx context.Context) (State, error) {
	st := State{Version: StateVersion, Exported: s.now().UTC(), Feeds: []StateFeed{}, Items: []StateItem{}}
	err := withTx(ctx, s.r, func(tx *sql.Tx) error {
		var err error
		if st.Feeds, err = exportFeeds(ctx, tx); err != nil {
			return err
		}
		st.Items, err = exportItems(ctx, tx)
		return err
	})
	if err != nil {
		return State{}, fmt.Errorf("export state: %w", err)
	}
	return st, nil
}

func exportFeeds(ctx context.Context, tx *sql.Tx) ([]StateFeed, error) {
	rows, err := tx.QueryContext(ctx, `SELECT url, title, folder, public_only FROM feeds ORDER BY folder, url`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []StateFeed{}
	for rows.Next() {
		var f StateFeed
		if err := rows.Scan(&f.URL, &f.Title, &f.Folder, &f.PublicOnly); err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

func exportItems(ctx context.Context, tx *sql.Tx) ([]StateItem, error) {
	rows, err := tx.QueryContext(ctx, `SELECT coalesce(f.url, ''), `+itemCols+itemFrom+`
		WHERE i.read = 1 OR i.starred = 1 OR i.position > 0 ORDER BY i.n`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []StateItem{}
	for rows.Next() {
		var feedURL string
		it, err := scanItem(prefixScanner{rows, &feedURL})
		if err != nil {
			return nil, err
		}
		si := StateItem{FeedURL: feedURL, ID: it.ID, GUID: it.GUID, URL: it.URL, Title: it.Title,
			Read: it.Read, Starred: it.Starred, Position: it.Position}
		if it.Starred {
			si.Summary, si.Author, si.Published, si.FeedTitle = it.Summary, it.Author, it.Published, it.FeedTitle
		}
		out = append(out, si)
	}
	return out, rows.Err()
}

// ImportReport tells what ImportState did.
type ImportReport struct {
	Feeds   int `json:"feeds"`   // subscriptions added or found
	Merged  int `json:"merged"`  // items found in the cache and merged
	Added   int `json:"added"`   // starred items the cache did not have, added
	Pending int `json:"pending"` // states kept for items not fetched yet
}

// ImportState merges a State into the cache in one transaction: it
// subscribes to its feeds (keeping folders), and for each item found by ID
// or by feed, link and title it sets read, starred and the furthest
// position, never un-reading or un-starring. A starred item the cache
// lacks is added with its text; the state of another missing item is
// kept and applied when a refresh brings the item. It fails on a State
// of a newer version, or when the database does (importing nothing).
func (s *Store) ImportState(ctx context.Context, st State) (ImportReport, error) {
	var rep ImportReport
	if st.Version < 1 || st.Version > StateVersion {
		return rep, fmt.Errorf("import state: version %d, this akhbar reads 1 to %d", st.Version, StateVersion)
	}
	now := s.now()
	err := withStmtTx(ctx, s.w, func(tx *stmtTx) error {
		feeds, err := importFeeds(ctx, tx, st.Feeds)
		if err != nil {
			return err
		}
		rep = ImportReport{Feeds: len(st.Feeds)}
		for _, si := range st.Items {
			if err := importItem(ctx, tx, si, feeds, now, &rep); err != nil {
				return fmt.Errorf("item %s: %w", si.ID, err)
			}
		}
		return nil
	})
	if err != nil {
		return ImportReport{}, fmt.Errorf("import state: %w", err)
	}
	return rep, nil
}

// importFeeds subscribes to feeds and maps every known feed URL to its ID.
func importFeeds(ctx context.Context, tx *stmtTx, feeds []StateFeed) (map[string]int64, error) {
	for _, f := range feeds {
		if f.URL == "" {
			continue
		}
		_, err := tx.ExecContext(ctx, `INSERT INTO feeds (url, title, folder, public_only) VALUES (?, ?, ?, ?)
			ON CONFLICT (url) DO UPDATE SET folder = CASE excluded.folder WHEN '' THEN folder ELSE excluded.folder END,
				public_only = public_only AND excluded.public_only`,
			f.URL, f.Title, f.Folder, f.PublicOnly)
		if err != nil {
			return nil, fmt.Errorf("feed %s: %w", f.URL, err)
		}
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, url FROM feeds`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	ids := map[string]int64{}
	for rows.Next() {
		var id int64
		var url string
		if err := rows.Scan(&id, &url); err != nil {
			return nil, err
		}
		ids[url] = id
	}
	return ids, rows.Err()
}

// importItem merges one item's state (see ImportState).
func importItem(ctx context.Context, tx *stmtTx, si StateItem, feeds map[string]int64, now time.Time, rep *ImportReport) error {
	if si.ID == "" {
		return errors.New("no id")
	}
	feedID := feeds[si.FeedURL]
	old, found, err := findItem(ctx, tx, feed.Item{ID: si.ID, URL: si.URL, Title: si.Title, FeedID: feedID})
	if err != nil {
		return err
	}
	pos := clampPosition(si.Position)
	switch {
	case found:
		rep.Merged++
		_, err = tx.ExecContext(ctx, `UPDATE items SET read = max(read, ?), starred = max(starred, ?),
			position = max(position, ?) WHERE n = ?`, si.Read, si.Starred, pos, old.n)
	case si.Starred:
		rep.Added++
		err = addStarred(ctx, tx, si, feedID, now)
	default:
		rep.Pending++
		_, err = tx.ExecContext(ctx, `INSERT INTO pending_state (id, read, starred, position, created)
			VALUES (?, ?, 0, ?, ?) ON CONFLICT (id) DO UPDATE SET read = max(read, excluded.read),
			position = max(position, excluded.position)`, si.ID, si.Read, pos, now.Unix())
	}
	return err
}

// addStarred inserts a starred item the cache lacks, as an orphan when
// its feed is unknown.
func addStarred(ctx context.Context, tx *stmtTx, si StateItem, feedID int64, now time.Time) error {
	it := feed.Item{ID: si.ID, FeedID: feedID, GUID: si.GUID, URL: si.URL, Title: si.Title,
		Summary: si.Summary, Author: si.Author, Published: si.Published,
		Read: si.Read, Starred: true, Position: si.Position}
	if err := insertItem(ctx, tx, it, "[]", now, 0); err != nil { // imported, not listed by a fetch
		return err
	}
	if feedID != 0 {
		return nil
	}
	_, err := tx.ExecContext(ctx, `UPDATE items SET origin = ? WHERE id = ?`, si.FeedTitle, si.ID)
	return err
}

// applyPending merges into it the state imported for it before it was
// fetched, and forgets that state.
func applyPending(ctx context.Context, tx *stmtTx, it *feed.Item) error {
	if tx.scope != nil && !tx.scope.pending {
		return nil
	}
	var read, starred bool
	var pos float64
	err := tx.QueryRowContext(ctx, `SELECT read, starred, position FROM pending_state WHERE id = ?`, it.ID).
		Scan(&read, &starred, &pos)
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("pending state: %w", err)
	}
	it.Read, it.Starred, it.Position = it.Read || read, it.Starred || starred, max(it.Position, pos)
	_, err = tx.ExecContext(ctx, `DELETE FROM pending_state WHERE id = ?`, it.ID)
	return err
}
