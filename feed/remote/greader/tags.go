package greader

import (
	"encoding/json"
	"slices"
	"strings"
)

// HasTag reports whether the item carries tag, given in "user/-/..."
// form: servers put the user's numeric ID in place of "-".
func (it Item) HasTag(tag string) bool {
	rest, ok := strings.CutPrefix(tag, "user/-/")
	if !ok {
		return slices.Contains(it.Categories, tag)
	}
	for _, c := range it.Categories {
		if c == tag {
			return true
		}
		if after, ok := strings.CutPrefix(c, "user/"); ok {
			if _, r, ok := strings.Cut(after, "/"); ok && r == rest {
				return true
			}
		}
	}
	return false
}

// decode unmarshals a JSON answer.
func decode(b []byte, v any) error { return json.Unmarshal(b, v) }
