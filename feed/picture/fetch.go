package picture

import (
	"context"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/fetch"
)

// imageAccept is the Accept header of an image request.
const imageAccept = "image/webp, image/png, image/jpeg, image/gif;q=0.9"

// Fetch fetches the images of a (the lead image, then its figures; at
// most MaxCount), one at a time, through c and its address policy, and
// re-encodes each for the cache. An image may be on a private address
// only when allowPrivate is set (the page itself may be) and it is on
// the page's own host. A failed image is kept with its reason, so the
// reader shows a placeholder offline too. It stops when ctx ends.
func Fetch(ctx context.Context, c *fetch.Client, a feed.Article, allowPrivate bool) []feed.Picture {
	urls := a.ImageURLs()
	if len(urls) > MaxCount {
		urls = urls[:MaxCount]
	}
	var out []feed.Picture
	for _, u := range urls {
		if ctx.Err() != nil {
			break
		}
		resp, err := c.Get(ctx, fetch.Request{
			URL:          u,
			AllowPrivate: allowPrivate && fetch.SameHost(u, a.URL),
			Accept:       imageAccept,
			MaxBytes:     MaxBytes,
		})
		if err != nil {
			out = append(out, feed.Picture{URL: u, Err: err.Error()})
			continue
		}
		out = append(out, Encode(u, resp.Body))
	}
	return out
}
