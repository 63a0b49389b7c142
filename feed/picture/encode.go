package picture

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"

	"github.com/akhbar/akhbar/feed"
	"golang.org/x/image/draw"
)

// CacheWidth is the widest image the cache keeps; wider ones are scaled
// down, keeping their aspect ratio.
const CacheWidth = 1600

// Shrink scales img down to at most CacheWidth pixels wide.
func Shrink(img image.Image) image.Image {
	b := img.Bounds()
	if b.Dx() <= CacheWidth {
		return img
	}
	h := max(1, b.Dy()*CacheWidth/b.Dx())
	dst := image.NewRGBA(image.Rect(0, 0, CacheWidth, h))
	draw.ApproxBiLinear.Scale(dst, dst.Bounds(), img, b, draw.Src, nil)
	return dst
}

// Encode re-encodes data (an image as fetched) for the cache: decoded,
// shrunk and written as JPEG when it is opaque, PNG when it is not. A
// picture that cannot be had keeps its URL and the reason in Err.
func Encode(url string, data []byte) feed.Picture {
	p := feed.Picture{URL: url}
	img, err := Decode(data)
	if err != nil {
		p.Err = err.Error()
		return p
	}
	img = Shrink(img)
	var buf bytes.Buffer
	p.Format = "png"
	if o, ok := img.(interface{ Opaque() bool }); ok && o.Opaque() {
		p.Format = "jpeg"
		err = jpeg.Encode(&buf, img, &jpeg.Options{Quality: 85})
	} else {
		err = png.Encode(&buf, img)
	}
	if err != nil {
		p.Err = fmt.Sprintf("encode %s: %v", p.Format, err)
		p.Format = ""
		return p
	}
	p.Width, p.Height, p.Data = img.Bounds().Dx(), img.Bounds().Dy(), buf.Bytes()
	return p
}

// Load decodes a picture the cache keeps.
func Load(p feed.Picture) (image.Image, error) {
	if p.Err != "" {
		return nil, fmt.Errorf("image %s: %s", p.URL, p.Err)
	}
	img, err := Decode(p.Data)
	if err != nil {
		return nil, fmt.Errorf("image %s: %w", p.URL, err)
	}
	return img, nil
}
