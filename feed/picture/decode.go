// Package picture fetches the images of an article, checks them and
// re-encodes them small for the cache. Every image is hostile: its
// header is read and its size judged before any pixel is decoded, only
// JPEG, PNG, GIF (the first frame) and WebP are decoded, and what the
// cache keeps is encoded again from the decoded pixels, so no byte a
// server sent ever reaches the terminal.
package picture

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/gif"
	"image/jpeg"
	"image/png"
	"io"

	"golang.org/x/image/webp"
)

// Bounds on one image.
const (
	MaxBytes  = 5 << 20    // fetched body
	MaxSide   = 8000       // decoded width or height
	MaxPixels = 32_000_000 // decoded width × height: at most 128 MB as RGBA
	MaxCount  = 20         // images per article
)

// Errors of Decode, also the placeholder's reason.
var (
	ErrFormat = errors.New("not a JPEG, PNG, GIF or WebP image")
	ErrSize   = errors.New("image too large")
)

// codec is one image format: its magic bytes and its decoders.
type codec struct {
	name   string
	magic  func([]byte) bool
	config func(io.Reader) (image.Config, error)
	decode func(io.Reader) (image.Image, error)
}

// codecs are the formats Decode accepts, told apart by their first bytes
// (never by a Content-Type, which a server may get wrong). Read-only.
var codecs = []codec{
	{"jpeg", func(b []byte) bool { return bytes.HasPrefix(b, []byte("\xff\xd8\xff")) }, jpeg.DecodeConfig, jpeg.Decode},
	{"png", func(b []byte) bool { return bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")) }, png.DecodeConfig, png.Decode},
	{"gif", func(b []byte) bool {
		return bytes.HasPrefix(b, []byte("GIF87a")) || bytes.HasPrefix(b, []byte("GIF89a"))
	}, gif.DecodeConfig, gif.Decode},
	{"webp", func(b []byte) bool {
		return len(b) >= 12 && string(b[:4]) == "RIFF" && string(b[8:12]) == "WEBP"
	}, webp.DecodeConfig, webp.Decode},
}

// Decode decodes an image of an accepted format whose header declares
// at most MaxSide pixels a side and MaxPixels in all; a GIF gives its
// first frame. It fails with ErrFormat, ErrSize or the decoder's error.
func Decode(data []byte) (image.Image, error) {
	c, err := codecOf(data)
	if err != nil {
		return nil, err
	}
	cfg, err := c.config(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("decode %s header: %w", c.name, err)
	}
	if err := checkSize(cfg.Width, cfg.Height); err != nil {
		return nil, err
	}
	img, err := c.decode(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("decode %s: %w", c.name, err)
	}
	b := img.Bounds()
	if err := checkSize(b.Dx(), b.Dy()); err != nil { // a frame larger than its header said
		return nil, err
	}
	return img, nil
}

func codecOf(data []byte) (codec, error) {
	for _, c := range codecs {
		if c.magic(data) {
			return c, nil
		}
	}
	return codec{}, ErrFormat
}

// checkSize judges declared or decoded dimensions.
func checkSize(w, h int) error {
	switch {
	case w <= 0 || h <= 0:
		return fmt.Errorf("%w: %d×%d pixels", ErrFormat, w, h)
	case w > MaxSide || h > MaxSide || w*h > MaxPixels:
		return fmt.Errorf("%w: %d×%d pixels", ErrSize, w, h)
	}
	return nil
}
