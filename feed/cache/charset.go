package cache

import (
	"context"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"

	"github.com/akhbar/akhbar/feed"
)

// Re-decoding: a feed's stored items keep the text they were decoded to.
// When a later full fetch decodes the feed better — the server starts
// declaring a charset, or bytes that once became U+FFFD now decode — the
// stored items are decoded again (saveCharset), so no garbage outlives
// the fix. A fetch that decodes lossily drops the feed's validators, so
// the next fetch is a full one and a 304 cannot keep the garbage.

// decodesBetter reports whether items decoded as old should be decoded
// again as new: new is not lossy, and old was lossy, or new names another
// charset at least as surely (declared beats detected).
func decodesBetter(old, new feed.Charset) bool {
	switch {
	case new.Lossy || new.Name == "":
		return false
	case old.Lossy:
		return true
	case old.Name == "" || new.Name == old.Name:
		return false
	}
	return new.Declared || !old.Declared
}

// storedCharset reads how feed feedID's items were decoded.
func storedCharset(ctx context.Context, tx *stmtTx, feedID int64) (feed.Charset, error) {
	var c feed.Charset
	err := tx.QueryRowContext(ctx, `SELECT charset, charset_declared, charset_lossy FROM feeds WHERE id = ?`, feedID).
		Scan(&c.Name, &c.Declared, &c.Lossy)
	return c, err
}

// saveCharset records how this fetch of feed feedID was decoded and, when
// it decodes better than before, re-decodes the feed's stored items:
// text decoded with a code page that was wrong is encoded back and
// decoded again. Text that holds U+FFFD lost its bytes and cannot be
// decoded again: saveCharset then reports purge, and the caller removes
// those items (purgeLossy) once the fetch has saved the ones it lists.
func saveCharset(ctx context.Context, tx *stmtTx, feedID int64, c feed.Charset) (purge bool, err error) {
	if c.Name == "" {
		return false, nil
	}
	old, err := storedCharset(ctx, tx, feedID)
	if err != nil {
		return false, err
	}
	better := decodesBetter(old, c)
	if better && !old.Lossy {
		if err := redecodeItems(ctx, tx, feedID, old, c); err != nil {
			return false, err
		}
	}
	validators := ""
	if c.Lossy {
		validators = ", etag = '', last_modified = ''"
	}
	_, err = tx.ExecContext(ctx, `UPDATE feeds SET charset = ?, charset_declared = ?, charset_lossy = ?`+validators+
		` WHERE id = ?`, c.Name, c.Declared, c.Lossy, feedID)
	return better && old.Lossy, err
}

// purgeLossy removes feedID's items whose text holds U+FFFD, unless
// starred: garbage of a lossy decoding that a better one replaced.
func purgeLossy(ctx context.Context, tx *stmtTx, feedID int64) error {
	_, err := tx.ExecContext(ctx, `DELETE FROM items WHERE feed_id = ? AND starred = 0
		AND (instr(title, char(65533)) OR instr(summary, char(65533)))`, feedID)
	return err
}

// redecodeItems decodes the text of feedID's items again (see saveCharset).
func redecodeItems(ctx context.Context, tx *stmtTx, feedID int64, old, c feed.Charset) error {
	type text struct {
		n                      int64
		title, summary, author string
	}
	rows, err := tx.QueryContext(ctx, `SELECT n, title, summary, author FROM items WHERE feed_id = ?`, feedID)
	if err != nil {
		return err
	}
	var texts []text
	for rows.Next() {
		var t text
		if err := rows.Scan(&t.n, &t.title, &t.summary, &t.author); err != nil {
			rows.Close()
			return err
		}
		texts = append(texts, t)
	}
	if err := rows.Close(); err != nil {
		return err
	}
	for _, t := range texts {
		title, summary, author := recode(t.title, old.Name, c.Name), recode(t.summary, old.Name, c.Name), recode(t.author, old.Name, c.Name)
		if title == t.title && summary == t.summary && author == t.author {
			continue
		}
		_, err := tx.ExecContext(ctx, `UPDATE items SET title = ?, summary = ?, author = ? WHERE n = ?`, title, summary, author, t.n)
		if err != nil {
			return err
		}
		if err := indexItem(ctx, tx, t.n, true); err != nil {
			return err
		}
	}
	return nil
}

// recode turns s, text that was decoded from the charset from, back into
// those bytes and decodes them as to. It returns s unchanged when that
// cannot be done without loss (s holds a character from cannot encode,
// or the bytes are not valid in to).
func recode(s, from, to string) string {
	if s == "" || isASCII(s) {
		return s
	}
	fromEnc, _ := charset.Lookup(from)
	if fromEnc == nil {
		return s
	}
	raw := []byte(s)
	if from != "utf-8" {
		var err error
		if raw, err = fromEnc.NewEncoder().Bytes(raw); err != nil {
			return s
		}
	}
	if to == "utf-8" {
		if !utf8.Valid(raw) {
			return s
		}
		return string(raw)
	}
	toEnc, _ := charset.Lookup(to)
	if toEnc == nil {
		return s
	}
	out, err := toEnc.NewDecoder().Bytes(raw)
	if err != nil || strings.ContainsRune(string(out), utf8.RuneError) {
		return s
	}
	return string(out)
}
