package tui

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/refresh"
)

// A refresh runs in its own goroutine and reports through a channel, one
// message per finished feed, so the status line shows progress as it runs
// and input is never blocked.

// refreshStartedMsg hands the model the channel a refresh reports on.
type refreshStartedMsg struct {
	ch    <-chan tea.Msg
	total int
}

// progressMsg is one finished feed of a running refresh.
type progressMsg struct {
	ch <-chan tea.Msg
	p  refresh.Progress
}

// refreshDoneMsg ends a refresh.
type refreshDoneMsg struct {
	err     error
	elapsed time.Duration
}

// autoRefreshMsg is the auto-refresh timer firing.
type autoRefreshMsg struct{}

// startRefresh runs a refresh, then the cache's cleanup, in a goroutine
// that is tracked work of the lifetime: quitting cancels it, and it never
// blocks sending progress once nobody reads the channel.
func startRefresh(l *lifetime, svc Service, feeds []feed.Feed) tea.Cmd {
	return func() tea.Msg {
		if !l.enter() {
			return nil
		}
		ch := make(chan tea.Msg, 64)
		go func() {
			defer l.leave()
			defer close(ch)
			start := time.Now()
			err := svc.Refresh(l.ctx, feeds, func(p refresh.Progress) {
				l.send(ch, progressMsg{ch: ch, p: p})
			})
			if err == nil {
				err = svc.Cleanup(l.ctx)
			}
			l.send(ch, refreshDoneMsg{err: err, elapsed: time.Since(start)})
		}()
		return refreshStartedMsg{ch: ch, total: len(feeds)}
	}
}

// gotProgress counts a finished feed; the feeds pane is reloaded only
// when its counts or error marks changed, not once per feed.
func (m Model) gotProgress(msg progressMsg) (tea.Model, tea.Cmd) {
	m.status.progress(msg.p)
	if msg.p.New == 0 && msg.p.Err == nil {
		return m, waitRefresh(m.life, msg.ch)
	}
	return m, tea.Batch(waitRefresh(m.life, msg.ch), loadFeeds(m.life, m.deps.Store))
}

// waitRefresh waits for the next message of a running refresh, or for
// the end of the TUI.
func waitRefresh(l *lifetime, ch <-chan tea.Msg) tea.Cmd {
	return l.cmd(func(ctx context.Context) tea.Msg {
		select {
		case msg, ok := <-ch:
			if !ok {
				return nil
			}
			return msg
		case <-ctx.Done():
			return nil
		}
	})
}

// autoTick is how often the auto-refresh looks for feeds that are due.
const autoTick = time.Minute

// scheduleAutoRefresh starts the next auto-refresh tick, unless no feed
// refreshes by itself.
func (m Model) scheduleAutoRefresh() tea.Cmd {
	if m.opts.AutoRefresh <= 0 && !m.anyInterval() {
		return nil
	}
	every := autoTick
	if m.opts.AutoRefresh > 0 {
		every = min(every, m.opts.AutoRefresh)
	}
	return tea.Tick(every, func(time.Time) tea.Msg { return autoRefreshMsg{} })
}

func (m Model) anyInterval() bool {
	for _, s := range m.opts.Settings {
		if s.Interval > 0 {
			return true
		}
	}
	return false
}

// dueFeeds are the feeds whose interval (their own, else the global one)
// has passed since their last fetch.
func (m Model) dueFeeds() []feed.Feed {
	now := m.deps.Now()
	var due []feed.Feed
	for _, f := range m.feeds.all() {
		every := m.opts.AutoRefresh
		if s := m.opts.Settings[f.URL]; s.Interval > 0 {
			every = s.Interval
		}
		if every > 0 && now.Sub(f.LastFetch) >= every {
			due = append(due, f)
		}
	}
	return due
}
