package bidi_test

import (
	"fmt"
	"strings"

	"github.com/akhbar/akhbar/render/bidi"
)

// Lay out one line of a right-to-left paragraph for a terminal that does no bidi
// itself: resolve the paragraph once, then per line apply L1, reorder (L2) and
// mirror at odd levels (L4).
func Example() {
	text := []rune("قال (نعم) عام 2011")
	p := bidi.Resolve(text, bidi.Auto)
	levels := p.LineLevels(0, len(text))
	var line strings.Builder
	for _, i := range bidi.VisualOrder(levels) {
		r := text[i]
		if bidi.IsFormatting(r) {
			continue
		}
		if levels[i]%2 == 1 {
			r = bidi.Mirror(r)
		}
		line.WriteRune(r)
	}
	fmt.Println(p.BaseLevel(), levels)
	fmt.Println(line.String())
	// Output:
	// 1 [1 1 1 1 1 1 1 1 1 1 1 1 1 1 2 2 2 2]
	// 2011 ماع (معن) لاق
}
