package greader

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
)

// Fetch modes of a Google Reader server.
const (
	modeContents = "contents" // GET stream/contents/<stream>: FreshRSS, Inoreader, The Old Reader
	modeIDs      = "ids"      // item IDs, then POST stream/items/contents: Miniflux
)

// grCursor is the position of a Google Reader account, stored as JSON
// through feed.SyncLocal.SaveCursor. The API cannot list what changed since a
// time, so the cursor keeps the IDs of the unread and the starred items
// as the last sync left them: the items whose membership differs next
// time are the ones whose state changed on the server.
type grCursor struct {
	Time    int64  `json:"time"` // server time, Unix seconds, before the last sync read items
	Mode    string `json:"mode"` // modeContents or modeIDs; "" before the first sync
	Unread  idSet  `json:"unread"`
	Starred idSet  `json:"starred"`
}

// parseGRCursor reads a cursor; "" is the empty cursor of a first sync.
func parseGRCursor(s string) (grCursor, error) {
	c := grCursor{Unread: idSet{}, Starred: idSet{}}
	if s == "" {
		return c, nil
	}
	if err := json.Unmarshal([]byte(s), &c); err != nil {
		return c, fmt.Errorf("sync: greader cursor: %w", err)
	}
	return c, nil
}

// encode writes the cursor for feed.SyncLocal.SaveCursor.
func (c grCursor) encode() (string, error) {
	b, err := json.Marshal(c)
	if err != nil {
		return "", fmt.Errorf("sync: greader cursor: %w", err)
	}
	return string(b), nil
}

// idSet is a set of short item IDs. It marshals compactly, as thousands
// of IDs are stored on every sync: decimal IDs sorted, as differences in
// base 36 ("d:" then dot-separated), others space-separated ("s:").
type idSet map[string]bool

// diff returns the IDs in exactly one of a and b.
func (a idSet) diff(b idSet) []string {
	var out []string
	for id := range a {
		if !b[id] {
			out = append(out, id)
		}
	}
	for id := range b {
		if !a[id] {
			out = append(out, id)
		}
	}
	return out
}

// MarshalJSON writes the set as one JSON string.
func (a idSet) MarshalJSON() ([]byte, error) {
	nums := make([]int64, 0, len(a))
	for id := range a {
		n, err := strconv.ParseInt(id, 10, 64)
		if err != nil || n < 0 || strconv.FormatInt(n, 10) != id {
			return json.Marshal("s:" + strings.Join(slices.Sorted(maps.Keys(a)), " "))
		}
		nums = append(nums, n)
	}
	slices.Sort(nums)
	var b strings.Builder
	b.WriteString("d:")
	var prev int64
	for i, n := range nums {
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(strconv.FormatInt(n-prev, 36))
		prev = n
	}
	return json.Marshal(b.String())
}

// UnmarshalJSON reads what MarshalJSON wrote.
func (a *idSet) UnmarshalJSON(data []byte) error {
	var s string
	if err := json.Unmarshal(data, &s); err != nil {
		return err
	}
	set := idSet{}
	switch {
	case strings.HasPrefix(s, "s:"):
		for id := range strings.FieldsSeq(s[2:]) {
			set[id] = true
		}
	case strings.HasPrefix(s, "d:"):
		var n int64
		for d := range strings.SplitSeq(s[2:], ".") {
			if d == "" {
				continue
			}
			delta, err := strconv.ParseInt(d, 36, 64)
			if err != nil {
				return fmt.Errorf("id set: %w", err)
			}
			n += delta
			set[strconv.FormatInt(n, 10)] = true
		}
	default:
		return fmt.Errorf("id set: unknown form %.10q", s)
	}
	*a = set
	return nil
}
