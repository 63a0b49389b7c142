package feed

import (
	"net/url"
	"strings"
)

// IsWebURL reports whether s is an absolute http or https URL: the only
// links akhbar fetches, opens or emits as hyperlinks. Everything else
// (javascript:, data:, file:, exec: …) is shown as text and never acted on.
func IsWebURL(s string) bool {
	if s != strings.TrimSpace(s) {
		return false
	}
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}
