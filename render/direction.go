package render

import (
	"strings"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/render/bidi"
)

// declared returns the direction a Dir and a Lang declare: the Dir when
// set, RTL for a right-to-left language, else DirAuto.
func declared(d feed.Dir, lang string) feed.Dir {
	switch strings.ToLower(string(d)) {
	case "ltr":
		return feed.DirLTR
	case "rtl":
		return feed.DirRTL
	}
	if feed.IsRTLLang(lang) {
		return feed.DirRTL
	}
	return feed.DirAuto
}

// blockDir is a block's direction: its own Dir/Lang, else the article's.
func blockDir(b feed.Block, a feed.Article) feed.Dir {
	if d := declared(b.Dir, b.Lang); d != feed.DirAuto {
		return d
	}
	return declared(a.Dir, a.Lang)
}

// resolveDir turns a declared direction into the paragraph direction of
// text: DirAuto is decided by the first strong character of all of its
// paragraphs (rules P2–P3), and is LTR when there is none.
func resolveDir(d feed.Dir, paras []text) bidi.Direction {
	switch d {
	case feed.DirLTR:
		return bidi.LTR
	case feed.DirRTL:
		return bidi.RTL
	}
	for _, t := range paras {
		if s := bidi.FirstStrong(t.runes); s != bidi.Auto {
			return s
		}
	}
	return bidi.LTR
}
