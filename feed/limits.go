package feed

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode/utf8"

	"github.com/rivo/uniseg"
)

// Limits on what one feed document may put in the cache. A feed is
// untrusted: without them a single item could carry a title of many
// megabytes that every headline row, the window title and `read` would
// then lay out. The limits are far above what real feeds send.
const (
	// MaxItems is how many items of one fetch are kept: the newest.
	MaxItems = 1000

	MaxTitleBytes      = 1024 // item and feed titles
	MaxTitleClusters   = 300
	MaxNameBytes       = 256 // authors, categories, folder names
	MaxNameClusters    = 100
	MaxCategories      = 32
	MaxURLBytes        = 4096 // longer links and images are dropped
	MaxGUIDBytes       = 512  // longer GUIDs are replaced by their hash
	MaxSummaryBytes    = 256 << 10
	MaxSummaryClusters = 100_000
	maxLangBytes       = 35 // a BCP 47 tag
)

// ellipsis ends text that Clip cut.
const ellipsis = "…"

// Clip returns s when it has at most maxBytes bytes and maxClusters
// grapheme clusters; otherwise its longest prefix of whole clusters that,
// followed by "…", fits both. The work is bounded by maxBytes whatever
// the length of s. maxBytes must be at least 3.
func Clip(s string, maxBytes, maxClusters int) string {
	if len(s) <= maxBytes && len(s) <= maxClusters {
		return s // a cluster has at least one byte
	}
	cut := len(s) > maxBytes
	if cut {
		end := maxBytes - len(ellipsis)
		for end > 0 && !utf8.RuneStart(s[end]) {
			end--
		}
		s = s[:end]
	}
	keep, n, state := 0, 0, -1 // keep: bytes of the first maxClusters-1 clusters
	for rest := s; rest != ""; {
		var c string
		c, rest, _, state = uniseg.FirstGraphemeClusterInString(rest, state)
		if n++; n < maxClusters {
			keep += len(c)
		}
		if n > maxClusters {
			cut = true
			break
		}
	}
	if !cut {
		return s
	}
	return strings.TrimRight(s[:keep], " ") + ellipsis
}

// clipTitle, clipName and clipSummary apply the limits of each field.
func clipTitle(s string) string   { return Clip(s, MaxTitleBytes, MaxTitleClusters) }
func clipName(s string) string    { return Clip(s, MaxNameBytes, MaxNameClusters) }
func clipSummary(s string) string { return Clip(s, MaxSummaryBytes, MaxSummaryClusters) }

// clipURL drops a URL longer than MaxURLBytes: a cut URL is a wrong one.
func clipURL(s string) string {
	if len(s) > MaxURLBytes {
		return ""
	}
	return s
}

// clipGUID replaces a GUID longer than MaxGUIDBytes by its hash, which
// identifies the item as well.
func clipGUID(s string) string {
	if len(s) <= MaxGUIDBytes {
		return s
	}
	sum := sha256.Sum256([]byte(s))
	return "sha256:" + hex.EncodeToString(sum[:])
}

// clipLang drops a language tag that cannot be one.
func clipLang(s string) string {
	if len(s) > maxLangBytes {
		return ""
	}
	return s
}
