package main

import (
	"errors"
	"fmt"
	"net/url"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/article"
	"github.com/markusmobius/go-trafilatura"
)

// system is one extractor under evaluation. run gets the raw page and
// the same page decoded by article.Decode; it returns the body text.
type system struct {
	name string
	run  func(pageURL string, raw []byte, decoded string) (string, error)
}

// systems are the extractors compared, akhbar first.
var systems = []system{
	{"akhbar", runAkhbar},
	{"readeck", runReadeck},
	{"trafilatura", runTrafilatura},
}

// runAkhbar extracts with feed/article and returns the body as the
// corpora define it: every block but captions, one per line.
func runAkhbar(pageURL string, raw []byte, _ string) (string, error) {
	a, err := article.Extract(pageURL, raw, "")
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for _, bl := range a.Blocks {
		if bl.Kind != feed.Caption {
			b.WriteString(bl.Text)
			b.WriteByte('\n')
		}
	}
	return b.String(), nil
}

// runReadeck extracts with go-readability v2 alone and returns its text.
func runReadeck(pageURL string, _ []byte, decoded string) (string, error) {
	p := readability.NewParser()
	a, err := p.Parse(strings.NewReader(decoded), parseURL(pageURL))
	if err != nil {
		return "", fmt.Errorf("readability: %w", err)
	}
	if a.Node == nil {
		return "", errors.New("readability: no article")
	}
	var b strings.Builder
	if err := a.RenderText(&b); err != nil {
		return "", fmt.Errorf("readability text: %w", err)
	}
	return b.String(), nil
}

// runTrafilatura extracts with go-trafilatura and its readability and
// dom-distiller fallbacks, leaving out comments and date guessing.
func runTrafilatura(pageURL string, _ []byte, decoded string) (string, error) {
	r, err := trafilatura.Extract(strings.NewReader(decoded), trafilatura.Options{
		OriginalURL:     parseURL(pageURL),
		EnableFallback:  true,
		ExcludeComments: true,
		HtmlDateMode:    trafilatura.Disabled,
	})
	if err != nil {
		return "", fmt.Errorf("trafilatura: %w", err)
	}
	return r.ContentText, nil
}

// parseURL parses a page address; nil when it is not absolute.
func parseURL(s string) *url.URL {
	u, err := url.Parse(s)
	if err != nil || !u.IsAbs() {
		return nil
	}
	return u
}

// decodePage decodes raw page bytes as feed/article does (UTF-8 first).
func decodePage(raw []byte) string { return article.Decode(raw, "") }
