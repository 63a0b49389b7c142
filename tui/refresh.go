package tui

import (
	"context"
	"time"

	tea "charm.land/bubbletea/v2"

	"github.com/akhbar/akhbar/feed"
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
	p  Progress
}

// refreshDoneMsg ends a refresh.
type refreshDoneMsg struct {
	err     error
	elapsed time.Duration
}

// autoRefreshMsg is the auto-refresh timer firing.
type autoRefreshMsg struct{}

func startRefresh(d Deps, feeds []feed.Feed) tea.Cmd {
	return func() tea.Msg {
		ch := make(chan tea.Msg, 64)
		go func() {
			defer close(ch)
			start := time.Now()
			err := d.Refresh(context.Background(), feeds, func(p Progress) {
				ch <- progressMsg{ch: ch, p: p}
			})
			ch <- refreshDoneMsg{err: err, elapsed: time.Since(start)}
		}()
		return refreshStartedMsg{ch: ch, total: len(feeds)}
	}
}

// waitRefresh waits for the next message of a running refresh.
func waitRefresh(ch <-chan tea.Msg) tea.Cmd {
	return func() tea.Msg {
		msg, ok := <-ch
		if !ok {
			return nil
		}
		return msg
	}
}

func scheduleAutoRefresh(every time.Duration) tea.Cmd {
	if every <= 0 {
		return nil
	}
	return tea.Tick(every, func(time.Time) tea.Msg { return autoRefreshMsg{} })
}
