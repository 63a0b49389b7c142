package cache

import (
	"context"
	"fmt"

	"github.com/akhbar/akhbar/feed"
)

// savePictures replaces the images kept with the article at url.
func savePictures(ctx context.Context, tx *stmtTx, url string, pics []feed.Picture) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM images WHERE article = ?`, url); err != nil {
		return err
	}
	for i, p := range pics {
		_, err := tx.ExecContext(ctx, `INSERT INTO images (article, seq, url, width, height, format, data, err)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)`, url, i, p.URL, p.Width, p.Height, p.Format, p.Data, p.Err)
		if err != nil {
			return err
		}
	}
	return nil
}

// Pictures returns the images kept with the article at url, in the order
// they were saved (none when there are none).
func (s *Store) Pictures(ctx context.Context, url string) ([]feed.Picture, error) {
	rows, err := s.r.QueryContext(ctx, `SELECT url, width, height, format, data, err FROM images
		WHERE article = ? ORDER BY seq`, url)
	if err != nil {
		return nil, fmt.Errorf("images of %s: %w", url, err)
	}
	defer rows.Close()
	var out []feed.Picture
	for rows.Next() {
		var p feed.Picture
		if err := rows.Scan(&p.URL, &p.Width, &p.Height, &p.Format, &p.Data, &p.Err); err != nil {
			return nil, fmt.Errorf("images of %s: %w", url, err)
		}
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("images of %s: %w", url, err)
	}
	return out, nil
}

// orphanImagesSQL deletes the images whose article is gone.
const orphanImagesSQL = `DELETE FROM images WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.url = images.article)`
