package cache

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/akhbar/akhbar/feed"
)

// indexItem queues the (re)writing of the search row of item n for the
// end of the transaction (flushIndex): its normalised title in one
// column, its summary and article text (the article cached at the item's
// link, if any) in the second, and the light-stemmed forms of both in the
// third (stemsText). replace deletes the old row first.
//
// Why at the end: FTS5 writes its pending rows out as a new segment
// whenever a statement of the transaction opens a savepoint, which every
// INSERT into items does (its counting trigger may abort half way). Rows
// written item by item between such inserts made one tiny segment per
// item, then merged them again; written together at the end they make
// one segment per transaction.
func indexItem(_ context.Context, tx *stmtTx, n int64, replace bool) error {
	tx.queueIndex(indexRow{n: n, replace: replace})
	return nil
}

// indexRow is one queued search row. known says title, summary and url
// are the item's (so flushIndex need not read them back).
type indexRow struct {
	n                   int64
	replace, known      bool
	title, summary, url string
}

// flushIndex writes the queued search rows in item order, reading each
// item's text as it is now (an item deleted since it was queued is
// skipped: its row went with it).
func flushIndex(ctx context.Context, tx *stmtTx, rows []indexRow) error {
	slices.SortStableFunc(rows, func(a, b indexRow) int { return cmp.Compare(a.n, b.n) })
	articles, err := haveArticles(ctx, tx)
	if err != nil {
		return fmt.Errorf("index: %w", err)
	}
	for i, r := range rows {
		if i+1 < len(rows) && rows[i+1].n == r.n {
			// The later copy is written, once; whether a row is there
			// to replace is as the first copy found it.
			rows[i+1].replace = r.replace
			continue
		}
		if err := writeIndexRow(ctx, tx, r, articles); err != nil {
			return fmt.Errorf("index item %d: %w", r.n, err)
		}
	}
	return nil
}

func writeIndexRow(ctx context.Context, tx *stmtTx, r indexRow, articles bool) error {
	if !r.known {
		err := tx.QueryRowContext(ctx, `SELECT title, summary, url FROM items WHERE n = ?`, r.n).
			Scan(&r.title, &r.summary, &r.url)
		if errors.Is(err, sql.ErrNoRows) {
			return nil
		}
		if err != nil {
			return err
		}
	}
	text := ""
	if articles {
		var err error
		if text, err = articleText(ctx, tx, r.url); err != nil {
			return err
		}
	}
	if r.replace {
		if _, err := tx.ExecContext(ctx, `DELETE FROM items_fts WHERE rowid = ?`, r.n); err != nil {
			return err
		}
	}
	title, body := Normalize(r.title), Normalize(bodyText(r.summary, text))
	_, err := tx.ExecContext(ctx, `INSERT INTO items_fts (rowid, title, body, stems) VALUES (?, ?, ?, ?)`,
		r.n, title, body, stemsText(title, body))
	return err
}

// haveArticles reports whether any article is cached: without full text
// there are none, and the lookup of each item's article is skipped.
func haveArticles(ctx context.Context, tx *stmtTx) (bool, error) {
	var any bool
	err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM articles)`).Scan(&any)
	return any, err
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
