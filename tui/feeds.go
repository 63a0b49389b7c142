package tui

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/render"
	"github.com/akhbar/akhbar/theme"
)

// entryKind says what a row of the feeds pane stands for.
type entryKind int

const (
	entryAll entryKind = iota
	entryUnread
	entryStarred
	entryFollow
	entryAccount
	entryFolder
	entryFeed
)

// entry is one row of the feeds pane: a virtual feed, a folder or a feed.
// Each opens as one headline list, given by its query.
type entry struct {
	kind    entryKind
	title   string
	icon    string      // "◎" for a followed story, "⇅" for an account; drawn at the row's start
	feed    feed.Feed   // for entryFeed
	follow  feed.Follow // for entryFollow
	folder  string      // for entryFolder, and the folder of a feed
	account int64       // for entryAccount, and the account of a folder
	depth   int
	unread  int
	query   feed.ItemQuery
}

// key identifies an entry across reloads, to keep the cursor on it.
func (e entry) key() string {
	switch e.kind {
	case entryFeed:
		return fmt.Sprintf("feed:%d", e.feed.ID)
	case entryFolder:
		return fmt.Sprintf("folder:%d:%s", e.account, e.folder)
	case entryAccount:
		return fmt.Sprintf("account:%d", e.account)
	case entryFollow:
		return fmt.Sprintf("follow:%d", e.follow.ID)
	}
	return fmt.Sprintf("virtual:%d", e.kind)
}

// foldKey names a folder or an account in the set of folded ones.
func (e entry) foldKey() string { return e.key() }

// feedsPane lists the virtual feeds at the top, then folders (which fold)
// with their feeds, then feeds without a folder.
type feedsPane struct {
	names     [3]string // the virtual feeds' titles: all, all unread, starred
	rtl       bool      // the UI is right-to-left: counts on the left
	feeds     []feed.Feed
	follows   []feed.Follow
	accounts  map[int64]string // sync accounts' names by ID
	starred   int
	collapsed map[string]bool
	entries   []entry
	cursor    int
	top       int
	height    int
}

// feedsMsg carries the subscriptions with their unread counts, and the
// followed stories.
type feedsMsg struct {
	feeds   []feed.Feed
	follows []feed.Follow
	starred int
	err     error
}

// set replaces the subscriptions, keeping the cursor on the same entry.
func (p *feedsPane) set(list []feed.Feed, follows []feed.Follow, starred int) {
	p.feeds, p.follows, p.starred = list, follows, starred
	p.build()
}

// build lays the entries out from the feeds and the folded folders.
func (p *feedsPane) build() {
	cur := p.selected().key()
	total := 0
	for _, f := range p.feeds {
		total += f.Unread
	}
	p.entries = []entry{
		{kind: entryAll, title: p.names[0], unread: total},
		{kind: entryUnread, title: p.names[1], unread: total, query: feed.ItemQuery{Unread: true}},
		{kind: entryStarred, title: p.names[2], unread: p.starred, query: feed.ItemQuery{Starred: true}},
	}
	for _, f := range p.follows {
		p.entries = append(p.entries, entry{kind: entryFollow, title: f.Title, icon: "◎", follow: f, unread: f.Unread,
			query: feed.ItemQuery{Follow: f.ID}})
	}
	bySource := map[int64][]feed.Feed{} // local feeds under 0, then each account's
	for _, f := range p.feeds {
		bySource[f.Account] = append(bySource[f.Account], f)
	}
	p.addTree(bySource[0], 0)
	accounts := make([]int64, 0, len(bySource))
	for id := range bySource {
		if id != 0 {
			accounts = append(accounts, id)
		}
	}
	sort.Slice(accounts, func(i, j int) bool { return accounts[i] < accounts[j] })
	for _, id := range accounts {
		e := entry{kind: entryAccount, title: p.accountName(id), icon: "⇅", account: id, query: feed.ItemQuery{Account: id}}
		for _, f := range bySource[id] {
			e.unread += f.Unread
		}
		p.entries = append(p.entries, e)
		if !p.collapsed[e.foldKey()] {
			p.addTree(bySource[id], 1)
		}
	}
	p.cursor = 0
	for i, e := range p.entries {
		if e.key() == cur {
			p.cursor = i
		}
	}
	p.move(0)
}

// addTree adds feeds as folders (folded or not) with their feeds, then
// the feeds without a folder, indented by depth.
func (p *feedsPane) addTree(feeds []feed.Feed, depth int) {
	folders := map[string][]feed.Feed{}
	var loose []feed.Feed
	for _, f := range feeds {
		if f.Folder == "" {
			loose = append(loose, f)
		} else {
			folders[f.Folder] = append(folders[f.Folder], f)
		}
	}
	names := make([]string, 0, len(folders))
	for name := range folders {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		e := entry{kind: entryFolder, title: name, folder: name, depth: depth, account: feeds[0].Account,
			query: feed.ItemQuery{Folder: name, Account: feeds[0].Account}}
		if e.account == 0 {
			e.query.Account = feed.LocalOnly
		}
		for _, f := range folders[name] {
			e.unread += f.Unread
		}
		p.entries = append(p.entries, e)
		if p.collapsed[e.foldKey()] {
			continue
		}
		for _, f := range folders[name] {
			p.entries = append(p.entries, feedEntry(f, depth+1))
		}
	}
	for _, f := range loose {
		p.entries = append(p.entries, feedEntry(f, depth))
	}
}

// accountName is how an account is shown: its server's name.
func (p *feedsPane) accountName(id int64) string {
	if name, ok := p.accounts[id]; ok {
		return name
	}
	return fmt.Sprintf("account %d", id)
}

func feedEntry(f feed.Feed, depth int) entry {
	title := f.Title
	if title == "" {
		title = f.URL
	}
	return entry{kind: entryFeed, title: title, feed: f, folder: f.Folder, depth: depth, unread: f.Unread,
		query: feed.ItemQuery{FeedID: f.ID}}
}

// toggleFolder folds or unfolds the folder under the cursor (or the
// folder of the feed under it).
func (p *feedsPane) toggleFolder() {
	e := p.selected()
	if e.kind == entryFeed && e.folder != "" { // fold the feed's folder
		e = entry{kind: entryFolder, folder: e.folder, account: e.feed.Account}
	}
	if e.kind != entryFolder && e.kind != entryAccount {
		return
	}
	if p.collapsed == nil {
		p.collapsed = map[string]bool{}
	}
	p.collapsed[e.foldKey()] = !p.collapsed[e.foldKey()]
	for i, x := range p.entries { // keep the cursor on what folded
		if x.key() == e.key() {
			p.cursor = i
		}
	}
	p.build()
}

func (p *feedsPane) selected() entry {
	if p.cursor < 0 || p.cursor >= len(p.entries) {
		return entry{}
	}
	return p.entries[p.cursor]
}

// move moves the cursor and keeps it visible.
func (p *feedsPane) move(delta int) {
	p.cursor = max(0, min(p.cursor+delta, len(p.entries)-1))
	if p.cursor < p.top {
		p.top = p.cursor
	}
	if p.height > 0 && p.cursor >= p.top+p.height {
		p.top = p.cursor - p.height + 1
	}
}

// all returns every subscription.
func (p *feedsPane) all() []feed.Feed { return p.feeds }

// synced returns the feeds that come from sync accounts.
func (p *feedsPane) synced() []feed.Feed {
	var out []feed.Feed
	for _, f := range p.feeds {
		if f.Account != 0 {
			out = append(out, f)
		}
	}
	return out
}

// under returns the feeds the entry under the cursor refreshes.
func (p *feedsPane) under() []feed.Feed {
	e := p.selected()
	switch e.kind {
	case entryFeed:
		return []feed.Feed{e.feed}
	case entryFolder:
		var out []feed.Feed
		for _, f := range p.feeds {
			if f.Folder == e.folder {
				out = append(out, f)
			}
		}
		return out
	}
	return p.feeds
}

// view draws the visible rows, exactly width cells each.
func (p *feedsPane) view(width int, focused bool, now time.Time, s theme.Theme, o render.Options) []string {
	o.Color = false
	rows := make([]string, 0, p.height)
	for i := p.top; i < len(p.entries) && len(rows) < p.height; i++ {
		rows = append(rows, p.row(p.entries[i], i == p.cursor, focused, width, now, s, o))
	}
	for len(rows) < p.height {
		rows = append(rows, strings.Repeat(" ", width))
	}
	return rows
}

// row draws one entry. A feed that failed is marked "!"; one whose server
// asked not to be fetched yet (Retry-After) is marked "~" and skipped by
// refreshes until then.
func (p *feedsPane) row(e entry, cursor, focused bool, width int, now time.Time, s theme.Theme, o render.Options) string {
	count := ""
	if e.unread > 0 {
		count = " " + fmt.Sprint(e.unread) + " "
	}
	lead := " " + strings.Repeat("  ", e.depth)
	switch {
	case (e.kind == entryFolder || e.kind == entryAccount) && p.collapsed[e.foldKey()]:
		lead = strings.Repeat("  ", e.depth) + "▸"
	case e.kind == entryFolder || e.kind == entryAccount:
		lead = strings.Repeat("  ", e.depth) + "▾"
	case e.kind == entryFeed && e.feed.RetryAfter.After(now):
		lead = "~" + lead[1:]
	case e.feed.LastError != "":
		lead = "!" + lead[1:]
	}
	if e.icon != "" {
		lead += e.icon + " "
	}
	if p.rtl { // the marks and the indent mirror with the row
		lead = reverseRunes(lead)
	}
	nameW := max(width-render.Width(lead)-render.Width(count), 0)
	line := row(p.rtl, lead, render.Cell(e.title, nameW, o), count)
	switch {
	case cursor && focused:
		return s.Selected.Render(line)
	case cursor:
		return s.SelectedDim.Render(line)
	case e.feed.LastError != "":
		return s.Error.Render(line)
	case e.kind == entryFolder || e.kind == entryAccount:
		return s.PaneTitle.Render(line)
	case e.unread > 0:
		return s.Unread.Render(line)
	default:
		return s.Read.Render(line)
	}
}

// reverseRunes mirrors a row's lead (single-cell marks and spaces).
func reverseRunes(s string) string {
	r := []rune(s)
	slices.Reverse(r)
	return string(r)
}

// label is how the entry is named outside its row (the status line): its
// icon, if any, and its title.
func (e entry) label() string {
	if e.icon == "" {
		return isolate(e.title)
	}
	return e.icon + " " + isolate(e.title)
}

// whyFailed is the error of a feed's fetch without the feed's own address
// ("fetch https://…/feed.xml: 404 Not Found" says "404 Not Found"): the
// status line names the feed, and the address would push the cause out of
// sight.
func whyFailed(url, err string) string {
	for _, prefix := range []string{url + ": ", url + `": `} {
		if i := strings.LastIndex(err, prefix); url != "" && i >= 0 && i+len(prefix) < len(err) {
			return err[i+len(prefix):]
		}
	}
	return err
}
