package feed

import (
	"crypto/sha256"
	"encoding/hex"
	"time"
)

// IdentityKey is what makes an item the same item across fetches: its
// GUID, else its link, else its title and date.
func IdentityKey(it Item) string {
	switch {
	case it.GUID != "":
		return "guid:" + it.GUID
	case it.URL != "":
		return "link:" + it.URL
	default:
		return "title:" + it.Title + "\x00" + it.Published.UTC().Format(time.RFC3339)
	}
}

// ItemID returns the stable ID of an item of the feed at feedURL: 16 hex
// digits of a hash of the feed URL and the item's IdentityKey. The same
// item fetched again gets the same ID on every machine.
func ItemID(feedURL string, it Item) string {
	sum := sha256.Sum256([]byte(feedURL + "\x00" + IdentityKey(it)))
	return hex.EncodeToString(sum[:8])
}
