package tui

import (
	"context"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/refresh"
)

// funcService is a Service made of functions, for tests of what the TUI
// does with a refresh's progress and errors (hostile ones included) that
// the network cannot be made to produce on demand. A nil function does
// nothing and succeeds; an article it does not have is not found.
type funcService struct {
	refresh  func(ctx context.Context, feeds []feed.Feed, progress func(refresh.Progress)) error
	article  func(ctx context.Context, url string, feedID int64) (feed.Article, error)
	pictures func(ctx context.Context, url string) ([]feed.Picture, error)
}

func (s funcService) Refresh(ctx context.Context, feeds []feed.Feed, progress func(refresh.Progress)) error {
	if s.refresh == nil {
		return nil
	}
	return s.refresh(ctx, feeds, progress)
}

func (s funcService) Cleanup(context.Context) error { return nil }

func (s funcService) Pictures(ctx context.Context, url string) ([]feed.Picture, error) {
	if s.pictures == nil {
		return nil, nil
	}
	return s.pictures(ctx, url)
}

func (s funcService) Article(ctx context.Context, url string, feedID int64) (feed.Article, error) {
	if s.article == nil {
		return feed.Article{}, feed.ErrNotFound
	}
	return s.article(ctx, url, feedID)
}
