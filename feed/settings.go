package feed

import "time"

// Settings are the user's choices for one feed (config.toml's
// [feeds."URL"] table). Zero fields mean "as for every feed".
type Settings struct {
	Name     string        // shown instead of the feed's own title
	Folder   string        // the folder the feed sits in
	Interval time.Duration // how often the TUI refreshes it
	FullText *bool         // fetch the full text of new items
	Dir      Dir           // overrides a mislabelled feed's direction
	// KeepDays and KeepItems bound how much of the feed the cache keeps
	// (see the cache's retention).
	KeepDays  int
	KeepItems int
}

// Apply returns f as the user wants it shown: renamed, in its folder.
func (s Settings) Apply(f Feed) Feed {
	if s.Name != "" {
		f.Title = s.Name
	}
	if s.Folder != "" {
		f.Folder = s.Folder
	}
	return f
}

// Directed returns a with the feed's direction override applied: the
// article and every block that does not declare its own direction.
func (s Settings) Directed(a Article) Article {
	if s.Dir == DirAuto {
		return a
	}
	a.Dir = s.Dir
	blocks := make([]Block, len(a.Blocks))
	for i, b := range a.Blocks {
		if b.Dir == DirAuto {
			b.Dir = s.Dir
		}
		blocks[i] = b
	}
	a.Blocks = blocks
	return a
}
