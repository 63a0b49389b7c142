package cache

import (
	"context"
	"fmt"

	"github.com/akhbar/akhbar/feed"
)

// fetchScope is what SaveFetch learns once per feed instead of once per
// item: whether any imported state waits for items (pending_state), and,
// read only when an item is not found by its ID, the feed's stored items
// by link and title (findItem's second and third ways).
type fetchScope struct {
	feedID  int64
	pending bool
	loaded  bool
	exact   map[linkTitle]int64 // (link, title) → item
	keyed   map[linkTitle]int64 // (feed.LinkKey of the link, title) → item
}

type linkTitle struct{ link, title string }

func newFetchScope(ctx context.Context, tx *stmtTx, feedID int64) (*fetchScope, error) {
	sc := &fetchScope{feedID: feedID}
	err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pending_state)`).Scan(&sc.pending)
	if err != nil {
		return nil, fmt.Errorf("pending state: %w", err)
	}
	return sc, nil
}

// byLink returns the stored item of the feed with it's link and title,
// or else with the same feed.LinkKey of the link and the same title.
func (sc *fetchScope) byLink(ctx context.Context, tx *stmtTx, it feed.Item) (int64, bool, error) {
	if !sc.loaded {
		if err := sc.load(ctx, tx); err != nil {
			return 0, false, err
		}
	}
	if n, ok := sc.exact[linkTitle{it.URL, it.Title}]; ok {
		return n, true, nil
	}
	n, ok := sc.keyed[linkTitle{feed.LinkKey(it.URL), it.Title}]
	return n, ok, nil
}

// load reads the links and titles of the feed's items.
func (sc *fetchScope) load(ctx context.Context, tx *stmtTx) error {
	sc.loaded = true
	sc.exact, sc.keyed = map[linkTitle]int64{}, map[linkTitle]int64{}
	rows, err := tx.QueryContext(ctx, `SELECT n, url, title FROM items WHERE feed_id = ? AND url != '' ORDER BY n`, sc.feedID)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var n int64
		var url, title string
		if err := rows.Scan(&n, &url, &title); err != nil {
			return err
		}
		sc.add(n, url, title)
	}
	return rows.Err()
}

func (sc *fetchScope) add(n int64, url, title string) {
	if url == "" {
		return
	}
	if _, ok := sc.exact[linkTitle{url, title}]; !ok {
		sc.exact[linkTitle{url, title}] = n
	}
	if k := (linkTitle{feed.LinkKey(url), title}); sc.keyed[k] == 0 {
		sc.keyed[k] = n
	}
}

// moved tells the scope that item n of feedID now has link url and
// title (it had oldURL and oldTitle; "" for a new item). A nil scope, one
// of another feed or one not loaded yet has nothing to keep.
func (sc *fetchScope) moved(n int64, oldURL, oldTitle string, feedID int64, url, title string) {
	if sc == nil || !sc.loaded || sc.feedID != feedID {
		return
	}
	if oldURL != "" {
		if sc.exact[linkTitle{oldURL, oldTitle}] == n {
			delete(sc.exact, linkTitle{oldURL, oldTitle})
		}
		if k := (linkTitle{feed.LinkKey(oldURL), oldTitle}); sc.keyed[k] == n {
			delete(sc.keyed, k)
		}
	}
	sc.add(n, url, title)
}
