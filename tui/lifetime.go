package tui

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
)

// Lifetimes. The TUI has one root context. Every command runs under it
// as tracked work; so does the goroutine of a refresh. When the program
// ends, Run cancels the context, refuses new work and waits for the work
// still running, at most shutdownBound, so that the caller can then
// close the cache, the log and the demo folder with nothing using them.
// Work that sends to a channel selects on the context too, so it never
// blocks on a reader that has gone.

// shutdownBound is how long Run waits for cancelled work to end.
const shutdownBound = time.Second

// lifetime is the root context and the work running under it. It is
// shared by every copy of the Model (a pointer): commands use it, never
// the model.
type lifetime struct {
	ctx    context.Context
	cancel context.CancelFunc
	mu     sync.Mutex
	ending bool // no new work
	wg     sync.WaitGroup
}

func newLifetime(parent context.Context) *lifetime {
	ctx, cancel := context.WithCancel(parent)
	return &lifetime{ctx: ctx, cancel: cancel}
}

// enter counts one more piece of running work, unless the TUI is ending.
func (l *lifetime) enter() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.ending {
		return false
	}
	l.wg.Add(1)
	return true
}

func (l *lifetime) leave() { l.wg.Done() }

// cmd makes a command of f that runs as tracked work under the root
// context; once the TUI is ending it does nothing.
func (l *lifetime) cmd(f func(ctx context.Context) tea.Msg) tea.Cmd {
	return func() tea.Msg {
		if !l.enter() {
			return nil
		}
		defer l.leave()
		return f(l.ctx)
	}
}

// send delivers msg on ch unless the root context ends first; it reports
// whether msg was delivered.
func (l *lifetime) send(ch chan<- tea.Msg, msg tea.Msg) bool {
	select {
	case ch <- msg:
		return true
	case <-l.ctx.Done():
		return false
	}
}

// end cancels the root context, refuses new work and waits for the work
// still running, at most bound.
func (l *lifetime) end(bound time.Duration) error {
	l.mu.Lock()
	l.ending = true
	l.mu.Unlock()
	l.cancel()
	done := make(chan struct{})
	go func() {
		l.wg.Wait()
		close(done)
	}()
	t := time.NewTimer(bound)
	defer t.Stop()
	select {
	case <-done:
		return nil
	case <-t.C:
		return fmt.Errorf("quit: work still running %s after it was cancelled", bound)
	}
}

// Run runs the TUI until the user quits or ctx ends, then cancels every
// command and waits (at most a second) for the ones still running. When
// Run returns, nothing of the TUI uses d any more, unless the error says
// that work was still running.
func Run(ctx context.Context, d Deps, o Options, popts ...tea.ProgramOption) error {
	m := newModel(ctx, d, o)
	p := tea.NewProgram(m, append([]tea.ProgramOption{tea.WithContext(ctx)}, popts...)...)
	_, err := p.Run()
	if err != nil {
		err = fmt.Errorf("tui: %w", err)
	}
	return errors.Join(err, m.life.end(shutdownBound))
}
