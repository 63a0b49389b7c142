package cache

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/akhbar/akhbar/feed"
)

// SaveArticle stores (or replaces) the full text of the page at a.URL and
// re-indexes every item that links to it, in one transaction. An article
// without an ID gets the ID of the newest item linking to it, if any. It fails
// when a.URL is empty or the database fails.
func (s *Store) SaveArticle(ctx context.Context, a feed.Article) error {
	if a.URL == "" {
		return errors.New("save article: empty URL")
	}
	err := withStmtTx(ctx, s.w, func(tx *stmtTx) error {
		return saveArticleTx(ctx, tx, a, s.now(), true)
	})
	if err != nil {
		return fmt.Errorf("save article %s: %w", a.URL, err)
	}
	return nil
}

// saveArticleTx writes a; reindex re-indexes the items linking to it.
func saveArticleTx(ctx context.Context, tx *stmtTx, a feed.Article, now time.Time, reindex bool) error {
	blocks, err := json.Marshal(nonNil(a.Blocks))
	if err != nil {
		return err
	}
	links, err := json.Marshal(nonNil(a.Links))
	if err != nil {
		return err
	}
	related, err := json.Marshal(nonNil(a.Related))
	if err != nil {
		return err
	}
	figures, err := json.Marshal(nonNil(a.Figures))
	if err != nil {
		return err
	}
	if a.ID == "" { // belongs to the newest item linking to it, if any
		a.ID, err = newestItemAt(ctx, tx, a.URL)
		if err != nil {
			return err
		}
	}
	_, err = tx.ExecContext(ctx, `INSERT OR REPLACE INTO articles (url, item_id, title, byline,
		lang, dir, published, modified, section, site_name, image, blocks, links, related, fetched, figures)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		a.URL, a.ID, a.Title, a.Byline, a.Lang, string(a.Dir), encTime(a.Published),
		encTime(a.Modified), a.Section, a.SiteName, a.Image, string(blocks), string(links),
		string(related), encTime(now), string(figures))
	if err != nil {
		return err
	}
	if a.Pictures != nil {
		if err := savePictures(ctx, tx, a.URL, a.Pictures); err != nil {
			return err
		}
	}
	if !reindex {
		return nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT n FROM items WHERE url = ?`, a.URL)
	if err != nil {
		return err
	}
	var ns []int64
	for rows.Next() {
		var n int64
		if err := rows.Scan(&n); err != nil {
			return errors.Join(err, rows.Close())
		}
		ns = append(ns, n)
	}
	if err := errors.Join(rows.Err(), rows.Close()); err != nil {
		return err
	}
	for _, n := range ns {
		if err := indexItem(ctx, tx, n, true); err != nil {
			return err
		}
	}
	return nil
}

// Article returns the cached full text of the page at url, failing with
// feed.ErrNotFound when there is none.
func (s *Store) Article(ctx context.Context, url string) (feed.Article, error) {
	a, err := scanArticle(s.r.QueryRowContext(ctx, `SELECT `+articleCols+` FROM articles WHERE url = ?`, url))
	if errors.Is(err, sql.ErrNoRows) {
		err = notFound("article")
	}
	if err != nil {
		return feed.Article{}, fmt.Errorf("article %s: %w", url, err)
	}
	return a, nil
}

// articleCols are the columns scanArticle reads.
const articleCols = `url, item_id, title, byline, lang, dir, published,
	modified, section, site_name, image, blocks, links, related, figures`

func scanArticle(row interface{ Scan(...any) error }) (feed.Article, error) {
	var a feed.Article
	var dir, blocks, links, related, figures string
	var pub, mod sql.NullString
	err := row.Scan(&a.URL, &a.ID, &a.Title, &a.Byline, &a.Lang, &dir, &pub, &mod, &a.Section,
		&a.SiteName, &a.Image, &blocks, &links, &related, &figures)
	if err != nil {
		return a, err
	}
	a.Dir = feed.Dir(dir)
	if err := decodeArticle(&a, pub, mod, blocks, links, related); err != nil {
		return a, err
	}
	if figures != "[]" { // none stays nil, as Extract leaves it
		if err := json.Unmarshal([]byte(figures), &a.Figures); err != nil {
			return a, fmt.Errorf("decode article figures: %w", err)
		}
	}
	return a, nil
}

func decodeArticle(a *feed.Article, pub, mod sql.NullString, blocks, links, related string) error {
	var err error
	if a.Published, err = decTime(pub); err != nil {
		return err
	}
	if a.Modified, err = decTime(mod); err != nil {
		return err
	}
	for _, f := range []struct {
		src string
		dst any
	}{{blocks, &a.Blocks}, {links, &a.Links}, {related, &a.Related}} {
		if err := json.Unmarshal([]byte(f.src), f.dst); err != nil {
			return fmt.Errorf("decode article: %w", err)
		}
	}
	return nil
}

// newestItemAt returns the ID of the newest item whose link is url, or ""
// when there is none.
func newestItemAt(ctx context.Context, tx *stmtTx, url string) (string, error) {
	var id string
	err := tx.QueryRowContext(ctx, `SELECT id FROM items WHERE url = ? ORDER BY sort_time DESC, n LIMIT 1`, url).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return id, err
}
