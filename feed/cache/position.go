package cache

import (
	"context"
	"database/sql"
	"fmt"
	"math"
)

// SetPosition records how far the reader got in the article of the item
// with this ID, as a fraction of its length: values below 0 (and NaN)
// count as 0, above 1 as 1. It fails with feed.ErrNotFound when there is
// no such item, and wraps ErrFull when the disk is full.
func (s *Store) SetPosition(ctx context.Context, itemID string, pos float64) error {
	err := withTx(ctx, s.w, func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `UPDATE items SET position = ? WHERE id = ?`, clampPosition(pos), itemID)
		if err != nil {
			return err
		}
		return mustAffect(res, "item")
	})
	if err != nil {
		return fmt.Errorf("set position of %s: %w", itemID, err)
	}
	return nil
}

// clampPosition brings pos into [0, 1].
func clampPosition(pos float64) float64 {
	if math.IsNaN(pos) || pos < 0 {
		return 0
	}
	return min(pos, 1)
}
