package cache

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/akhbar/akhbar/feed"
)

// indexItem (re)writes the search row of item n: its normalised title in
// one column, its summary and article text (the article cached at the
// item's link, if any) in the second, and the light-stemmed forms of
// both in the third (stemsText). replace deletes the old row first.
func indexItem(ctx context.Context, tx *stmtTx, n int64, replace bool) error {
	var title, summary, url string
	err := tx.QueryRowContext(ctx, `SELECT title, summary, url FROM items WHERE n = ?`, n).
		Scan(&title, &summary, &url)
	if err != nil {
		return fmt.Errorf("index item %d: %w", n, err)
	}
	text, err := articleText(ctx, tx, url)
	if err != nil {
		return fmt.Errorf("index item %d: %w", n, err)
	}
	if replace {
		if _, err := tx.ExecContext(ctx, `DELETE FROM items_fts WHERE rowid = ?`, n); err != nil {
			return fmt.Errorf("index item %d: %w", n, err)
		}
	}
	title, body := Normalize(title), Normalize(bodyText(summary, text))
	_, err = tx.ExecContext(ctx, `INSERT INTO items_fts (rowid, title, body, stems) VALUES (?, ?, ?, ?)`,
		n, title, body, stemsText(title, body))
	if err != nil {
		return fmt.Errorf("index item %d: %w", n, err)
	}
	return nil
}

// stemsText is the stems column of an item: each distinct form of the
// Arabic and Hebrew words of its normalised texts (see wordForms), once.
// Where the forms sit does not matter: phrases match in the title and
// body columns.
func stemsText(texts ...string) string {
	words, forms := map[string]bool{}, map[string]bool{}
	var b strings.Builder
	for _, text := range texts {
		for _, w := range tokens(text) {
			if words[w] {
				continue
			}
			words[w] = true
			for _, f := range wordForms(w) {
				if !forms[f] {
					forms[f] = true
					b.WriteString(f)
					b.WriteByte(' ')
				}
			}
		}
	}
	return b.String()
}

// bodyText is what the body column indexes, and what snippets are cut
// from: the summary, then the article text.
func bodyText(summary, article string) string {
	switch {
	case article == "":
		return summary
	case summary == "":
		return article
	}
	return summary + "\n\n" + article
}

// articleText returns the plain text of the article cached at url, or ""
// when there is none.
func articleText(ctx context.Context, q interface {
	QueryRowContext(context.Context, string, ...any) *sql.Row
}, url string) (string, error) {
	if url == "" {
		return "", nil
	}
	var blocks string
	err := q.QueryRowContext(ctx, `SELECT blocks FROM articles WHERE url = ?`, url).Scan(&blocks)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	var bs []feed.Block
	if err := json.Unmarshal([]byte(blocks), &bs); err != nil {
		return "", fmt.Errorf("decode article %s: %w", url, err)
	}
	return feed.Article{Blocks: bs}.Text(), nil
}

// placeholders returns "?, ?, ?" for n arguments.
func placeholders(n int) string {
	return strings.TrimSuffix(strings.Repeat("?, ", n), ", ")
}
