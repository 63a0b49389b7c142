package tui

import (
	"context"
	"errors"
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/picture"
	"github.com/akhbar/akhbar/render"
)

// Commands do the app's I/O off the UI goroutine. Each returns a message
// that carries what it was asked for, and never touches the model.

// queryTimeout bounds every cache query a command makes.
const queryTimeout = 10 * time.Second

func loadFeeds(l *lifetime, st Store) tea.Cmd {
	return l.cmd(func(ctx context.Context) tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, queryTimeout)
		defer cancel()
		list, err := st.Feeds(ctx)
		if err != nil {
			return feedsMsg{err: err}
		}
		follows, err := st.Follows(ctx)
		if err != nil {
			return feedsMsg{err: err}
		}
		starred, err := st.CountItems(ctx, feed.ItemQuery{Starred: true})
		return feedsMsg{feeds: list, follows: follows, starred: starred, err: err}
	})
}

func loadPage(l *lifetime, st Store, q feed.ItemQuery, gen, start int) tea.Cmd {
	return l.cmd(func(ctx context.Context) tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, queryTimeout)
		defer cancel()
		return pageOf(ctx, st, q, gen, start)
	})
}

// loadPageAt loads the page of the list q that holds the item id, with
// the cursor on it (on the first row when the item is no longer in the
// list): after a change of order the cursor stays on the same item.
func loadPageAt(l *lifetime, st Store, q feed.ItemQuery, gen int, id string) tea.Cmd {
	return l.cmd(func(ctx context.Context) tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, 4*queryTimeout)
		defer cancel()
		at, err := indexOf(ctx, st, q, 0, 1, func(it feed.Item) bool { return it.ID == id })
		if err != nil {
			return pageMsg{gen: gen, err: err}
		}
		at = max(at, 0)
		msg := pageOf(ctx, st, q, gen, max(0, at-pageSize/4))
		msg.cursor, msg.moveCursor = at, true
		return msg
	})
}

// pageOf counts the list q and reads its page from row start.
func pageOf(ctx context.Context, st Store, q feed.ItemQuery, gen, start int) pageMsg {
	total, err := st.CountItems(ctx, q)
	if err != nil {
		return pageMsg{gen: gen, err: err}
	}
	q.Offset, q.Limit = start, pageSize
	items, err := st.Items(ctx, q)
	return pageMsg{gen: gen, start: start, items: items, total: total, err: err}
}

// loadArticle reads the article of it from the cache, fetching the page
// when it is not there yet.
func loadArticle(l *lifetime, d Deps, it feed.Item) tea.Cmd {
	return l.cmd(func(ctx context.Context) tea.Msg { return articleOf(ctx, d, it) })
}

// articleOf gets the article of it from the cache, else through the
// service (which fetches and caches it). When neither has it, the message
// carries the feed's own text of the item.
func articleOf(ctx context.Context, d Deps, it feed.Item) articleMsg {
	ctx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	a, err := d.Store.Article(ctx, it.URL)
	if errors.Is(err, feed.ErrNotFound) && d.Service != nil && it.URL != "" {
		a, err = d.Service.Article(ctx, it.URL, it.FeedID)
	}
	if err != nil {
		return articleMsg{url: it.URL, article: it.AsArticle(), err: err}
	}
	return articleMsg{url: it.URL, article: a}
}

// loadPictures reads the images cached with a and decodes them (the
// reader never fetches them: they come with the full text). An image
// that does not decode stands as a placeholder with its reason.
func loadPictures(l *lifetime, d Deps, a feed.Article) tea.Cmd {
	return l.cmd(func(ctx context.Context) tea.Msg {
		out := map[string]render.Picture{}
		if d.Service == nil || a.URL == "" {
			return picturesMsg{url: a.URL, pictures: out}
		}
		ctx, cancel := context.WithTimeout(ctx, queryTimeout)
		defer cancel()
		pics, err := d.Service.Pictures(ctx, a.URL)
		for _, p := range pics {
			img, lerr := picture.Load(p)
			if lerr != nil {
				out[p.URL] = render.Picture{Err: p.Err}
				if p.Err == "" {
					out[p.URL] = render.Picture{Err: lerr.Error()}
				}
				continue
			}
			out[p.URL] = render.Picture{Image: img}
		}
		return picturesMsg{url: a.URL, pictures: out, err: err}
	})
}

func layoutArticle(a feed.Article, url string, k layoutKey, o render.Options) tea.Cmd {
	return func() tea.Msg {
		return renderedMsg{url: url, key: k, page: render.ArticlePage(a, o)}
	}
}

// savePosition remembers where the reader left an item's article.
func savePosition(l *lifetime, st Store, it feed.Item, pos float64) tea.Cmd {
	if it.ID == "" || pos == it.Position {
		return nil
	}
	return l.cmd(func(ctx context.Context) tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, queryTimeout)
		defer cancel()
		err := st.SetPosition(ctx, it.ID, pos)
		it.Position = pos
		return itemMsg{item: it, err: err}
	})
}

// itemMsg reports an item whose read or starred state was saved.
type itemMsg struct {
	item feed.Item
	err  error
}

func setRead(l *lifetime, st Store, it feed.Item, read bool) tea.Cmd {
	return l.cmd(func(ctx context.Context) tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, queryTimeout)
		defer cancel()
		err := st.SetRead(ctx, []string{it.ID}, read)
		it.Read = read
		return itemMsg{item: it, err: err}
	})
}

func setStarred(l *lifetime, st Store, it feed.Item, starred bool) tea.Cmd {
	return l.cmd(func(ctx context.Context) tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, queryTimeout)
		defer cancel()
		err := st.SetStarred(ctx, it.ID, starred)
		it.Starred = starred
		return itemMsg{item: it, err: err}
	})
}

// unreadMsg reports where the next (or previous) unread headline is.
type unreadMsg struct {
	gen   int
	index int // -1 when there is none
	err   error
}

// findUnread pages through the list from row from in direction dir (+1 or
// -1) until it finds an unread headline.
func findUnread(l *lifetime, st Store, q feed.ItemQuery, gen, from, dir int) tea.Cmd {
	return l.cmd(func(ctx context.Context) tea.Msg {
		ctx, cancel := context.WithTimeout(ctx, queryTimeout)
		defer cancel()
		i, err := indexOf(ctx, st, q, from, dir, func(it feed.Item) bool { return !it.Read })
		if err != nil {
			return unreadMsg{gen: gen, index: -1, err: err}
		}
		return unreadMsg{gen: gen, index: i}
	})
}

// indexOf pages through the list q from row from in direction dir (+1 or
// -1) and returns the row of the first item match accepts, -1 when none
// does.
func indexOf(ctx context.Context, st Store, q feed.ItemQuery, from, dir int, match func(feed.Item) bool) (int, error) {
	for start := from; ; {
		lo := start
		if dir < 0 {
			lo = max(0, start-pageSize+1)
		}
		q.Offset, q.Limit = lo, pageSize
		items, err := st.Items(ctx, q)
		if err != nil {
			return -1, err
		}
		for i := start - lo; i >= 0 && i < len(items); i += dir {
			if match(items[i]) {
				return lo + i, nil
			}
		}
		if len(items) < pageSize && dir > 0 || lo == 0 && dir < 0 {
			return -1, nil
		}
		start = lo + len(items)
		if dir < 0 {
			start = lo - 1
		}
	}
}

// openedMsg reports the result of opening a link in the browser.
type openedMsg struct {
	url string
	err error
}

func openURL(d Deps, url string) tea.Cmd {
	return func() tea.Msg {
		if d.Open == nil {
			return openedMsg{url: url, err: fmt.Errorf("open %s: no browser configured", url)}
		}
		return openedMsg{url: url, err: d.Open(url)}
	}
}
