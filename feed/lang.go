package feed

import "strings"

// IsRTLLang reports whether a language tag such as "ar", "fa-IR" or
// "he_IL" names a language written right to left. Only the primary
// subtag counts, in any case; an empty or unknown tag is not RTL.
func IsRTLLang(tag string) bool {
	primary := strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(primary, "-_"); i >= 0 {
		primary = primary[:i]
	}
	switch primary {
	case "ar", "fa", "ur", "he", "iw", "yi", "ps", "sd", "ug", "ckb", "dv", "arc", "syr":
		return true
	}
	return false
}
