package cache

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/akhbar/akhbar/feed"
)

// accountFeed is a synced feed as SaveFeeds and RemoveAccount see it.
type accountFeed struct {
	id              int64
	remoteID, title string
}

// accountFeeds lists the feeds of an account.
func accountFeeds(ctx context.Context, tx *sql.Tx, account int64) ([]accountFeed, error) {
	rows, err := tx.QueryContext(ctx, `SELECT id, remote_id, CASE title WHEN '' THEN own_title ELSE title END
		FROM feeds WHERE account = ?`, account)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []accountFeed
	for rows.Next() {
		var f accountFeed
		if err := rows.Scan(&f.id, &f.remoteID, &f.title); err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// SaveFeeds makes the account's subscriptions exactly feeds, matched by
// remote ID: new ones are added as ordinary feeds of the cache (a local
// subscription to the same URL joins the account instead of being
// duplicated; the same URL in a second account gets "#account-N"
// appended, as feed URLs are unique), listed ones take the server's
// title, site and folder, and feeds no longer listed go like RemoveFeed.
// It fails when the database does, saving nothing.
func (s *Store) SaveFeeds(ctx context.Context, account int64, feeds []feed.RemoteFeed) error {
	err := withTx(ctx, s.w, func(tx *sql.Tx) error {
		old, err := accountFeeds(ctx, tx, account)
		if err != nil {
			return err
		}
		listed := map[string]bool{}
		for _, rf := range feeds {
			listed[rf.RemoteID] = true
			if err := saveRemoteFeed(ctx, tx, account, rf); err != nil {
				return fmt.Errorf("feed %s: %w", rf.URL, err)
			}
		}
		for _, f := range old {
			if !listed[f.remoteID] {
				if err := removeFeedTx(ctx, tx, f.id, f.title); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("save feeds of account %d: %w", account, err)
	}
	return nil
}

// saveRemoteFeed adds or updates one feed of an account.
func saveRemoteFeed(ctx context.Context, tx *sql.Tx, account int64, rf feed.RemoteFeed) error {
	var id int64
	err := tx.QueryRowContext(ctx, `SELECT id FROM feeds WHERE account = ? AND remote_id = ?`, account, rf.RemoteID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		id, err = newRemoteFeed(ctx, tx, account, rf)
	}
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE feeds SET own_title = ?, site_url = ?, folder = ?,
		url = CASE WHEN EXISTS (SELECT 1 FROM feeds o WHERE o.url = ? AND o.id != feeds.id) THEN url ELSE ? END
		WHERE id = ?`, rf.Title, rf.SiteURL, rf.Folder, rf.URL, rf.URL, id)
	return err
}

// newRemoteFeed subscribes to a feed of an account, or makes the local
// subscription to its URL the account's, and returns its ID.
func newRemoteFeed(ctx context.Context, tx *sql.Tx, account int64, rf feed.RemoteFeed) (int64, error) {
	var id int64
	var owner sql.NullInt64
	err := tx.QueryRowContext(ctx, `SELECT id, account FROM feeds WHERE url = ?`, rf.URL).Scan(&id, &owner)
	switch {
	case err == nil && !owner.Valid:
		_, err = tx.ExecContext(ctx, `UPDATE feeds SET account = ?, remote_id = ? WHERE id = ?`, account, rf.RemoteID, id)
		return id, err
	case err == nil:
		rf.URL = fmt.Sprintf("%s#account-%d", rf.URL, account)
	case !errors.Is(err, sql.ErrNoRows):
		return 0, err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO feeds (url, account, remote_id) VALUES (?, ?, ?)`, rf.URL, account, rf.RemoteID)
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}
