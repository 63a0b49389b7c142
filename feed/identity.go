package feed

import (
	"crypto/sha256"
	"encoding/hex"
	"net/url"
	"strings"
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

// LinkKey is an item link normalised for telling items apart: scheme
// and host in lower case, no default port, no fragment, and none of the
// query parameters that track a reader or defeat caches (utm_*, fbclid,
// ts, cachebuster …), the rest sorted. Two links with the same LinkKey
// name the same page. A link that is not a web URL is its own key.
//
// A feed that changes its GUIDs and such a token on every fetch would
// otherwise look like a feed of new items each time; the cache matches
// items by LinkKey and title as well as by ID.
func LinkKey(link string) string {
	u, err := url.Parse(strings.TrimSpace(link))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return link
	}
	u.Scheme, u.Host = strings.ToLower(u.Scheme), strings.ToLower(u.Host)
	if port := u.Port(); (u.Scheme == "http" && port == "80") || (u.Scheme == "https" && port == "443") {
		u.Host = u.Hostname()
	}
	u.Fragment, u.RawFragment = "", ""
	q := u.Query()
	for name := range q {
		if volatileParam(name) {
			q.Del(name)
		}
	}
	u.RawQuery = q.Encode() // sorted by name
	u.ForceQuery = false
	if u.Path == "" {
		u.Path = "/"
	}
	return u.String()
}

// LinkBase is the part of a link before its query and fragment: every
// link with the same LinkKey starts with it (the cache looks candidates
// up by it).
func LinkBase(link string) string {
	link = strings.TrimSpace(link)
	if i := strings.IndexAny(link, "?#"); i >= 0 {
		return link[:i]
	}
	return link
}

// volatileParam reports whether a query parameter named name tracks the
// reader or defeats caches rather than naming a page.
func volatileParam(name string) bool {
	name = strings.ToLower(name)
	if strings.HasPrefix(name, "utm_") || strings.HasPrefix(name, "at_") {
		return true
	}
	switch name {
	case "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "twclid",
		"mc_cid", "mc_eid", "_ga", "_gl", "_hsenc", "_hsmi", "ref_src", "cmpid", "ocid", "ncid",
		"ts", "_ts", "timestamp", "time", "t", "_", "cb", "cachebust", "cachebuster", "cache_buster",
		"nocache", "nc", "rnd", "rand", "random", "nonce":
		return true
	}
	return false
}
