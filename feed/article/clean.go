package article

import (
	"strings"
	"unicode/utf8"

	"github.com/akhbar/akhbar/feed"
)

// cleanBlocks drops the furniture readability kept: ad and widget lines,
// link-only lines, source lines, promos, leftover labels, repeats of the
// headline and byline lines.
func cleanBlocks(blocks []feed.Block, title, byline string) ([]feed.Block, []int) {
	out := blocks[:0]
	kept := make([]int, len(blocks)+1) // kept[i]: blocks kept before old index i
	for i, b := range blocks {
		kept[i] = len(out)
		if !isFurnitureBlock(b, norm(title), norm(byline)) {
			out = append(out, b)
		}
	}
	kept[len(blocks)] = len(out)
	return out, kept
}

// moveFigures keeps figures standing before the same blocks after
// cleanBlocks (kept) and addLead (shift blocks put on top).
func moveFigures(figs []feed.Figure, kept []int, shift int) []feed.Figure {
	for i := range figs {
		figs[i].At = kept[min(figs[i].At, len(kept)-1)] + shift
	}
	return figs
}

// isFurnitureBlock reports whether b is page furniture, not article text.
func isFurnitureBlock(b feed.Block, title, byline string) bool {
	if len(b.Text) > 2000 {
		return false // furniture lines are short; long text is prose
	}
	text := norm(b.Text)
	if equalsAny(text, phrases().adMarkers) || equalsAny(text, phrases().widgetMarkers) {
		return true
	}
	if b.Kind == feed.Caption || b.Kind == feed.Code {
		return false
	}
	if text == title || byline != "" && text == byline {
		return b.Kind == feed.Paragraph || b.Kind == feed.Heading
	}
	if utf8.RuneCountInString(text) > 140 {
		return false
	}
	return startsWithAny(text, phrases().sourcePrefixes) || hasPhrase(text, phrases().promoPhrases) ||
		startsWithAny(text, phrases().prevNextLabels) || utf8.RuneCountInString(text) <= 50 && hasPhrase(text, phrases().relatedLabels) ||
		utf8.RuneCountInString(text) <= 100 && labelled(b.Text)
}

// addLead puts the standfirst and captions that readability dropped back
// at the top of the article.
func addLead(blocks []feed.Block, lead leadText) []feed.Block {
	var top []feed.Block
	if lead.standfirst != "" && !present(blocks, lead.standfirst) {
		top = append(top, feed.Block{Kind: feed.Paragraph, Text: lead.standfirst})
	}
	for _, c := range lead.captions {
		if !present(blocks, c) && !present(top, c) {
			top = append(top, feed.Block{Kind: feed.Caption, Text: c})
		}
	}
	return append(top, blocks...)
}

// present reports whether text already appears in one of blocks.
func present(blocks []feed.Block, text string) bool {
	text = norm(text)
	for _, b := range blocks {
		if strings.Contains(norm(b.Text), text) {
			return true
		}
	}
	return false
}
