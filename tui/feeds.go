package tui

import (
	"fmt"
	"strings"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/render"
)

// feedsPane lists the subscriptions, led by a virtual "All" entry.
type feedsPane struct {
	feeds  []feed.Feed // feeds[0] is "All" (ID 0)
	cursor int
	top    int
	height int
}

// feedsMsg carries the subscriptions with their unread counts.
type feedsMsg struct {
	feeds []feed.Feed
	err   error
}

// set replaces the list, keeping the cursor on the same feed.
func (p *feedsPane) set(list []feed.Feed) {
	cur := p.selected().ID
	all := feed.Feed{ID: 0, Title: "All"}
	for _, f := range list {
		all.Unread += f.Unread
		all.Total += f.Total
	}
	p.feeds = append([]feed.Feed{all}, list...)
	p.cursor = 0
	for i, f := range p.feeds {
		if f.ID == cur {
			p.cursor = i
		}
	}
	p.move(0)
}

func (p *feedsPane) selected() feed.Feed {
	if p.cursor < 0 || p.cursor >= len(p.feeds) {
		return feed.Feed{}
	}
	return p.feeds[p.cursor]
}

// move moves the cursor and keeps it visible.
func (p *feedsPane) move(delta int) {
	p.cursor = max(0, min(p.cursor+delta, len(p.feeds)-1))
	if p.cursor < p.top {
		p.top = p.cursor
	}
	if p.height > 0 && p.cursor >= p.top+p.height {
		p.top = p.cursor - p.height + 1
	}
}

// view draws the visible rows, exactly width cells each.
func (p *feedsPane) view(width int, focused bool, s Styles, o render.Options) []string {
	o.Color = false
	rows := make([]string, 0, p.height)
	for i := p.top; i < len(p.feeds) && len(rows) < p.height; i++ {
		f := p.feeds[i]
		count := ""
		if f.Unread > 0 {
			count = fmt.Sprintf(" %d", f.Unread)
		}
		flag := " "
		if f.LastError != "" {
			flag = "!"
		}
		nameW := width - 1 - render.Width(count)
		name := f.Title
		if name == "" {
			name = f.URL
		}
		line := flag + render.Cell(name, max(nameW, 0), o) + count
		switch {
		case i == p.cursor && focused:
			line = s.Selected.Render(line)
		case i == p.cursor:
			line = s.SelectedDim.Render(line)
		case f.LastError != "":
			line = s.Error.Render(line)
		case f.Unread > 0:
			line = s.Unread.Render(line)
		default:
			line = s.Read.Render(line)
		}
		rows = append(rows, line)
	}
	for len(rows) < p.height {
		rows = append(rows, strings.Repeat(" ", width))
	}
	return rows
}
