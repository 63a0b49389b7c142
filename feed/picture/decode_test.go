package picture

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/gif"
	"image/jpeg"
	"runtime"
	"testing"

	"github.com/akhbar/akhbar/feed/feedtest"
)

func TestDecodeFormats(t *testing.T) {
	quads := feedtest.Quadrants(40, 20)
	var jpg, gf bytes.Buffer
	if err := jpeg.Encode(&jpg, quads, &jpeg.Options{Quality: 95}); err != nil {
		t.Fatal(err)
	}
	// An animated GIF: only its first frame (red) is decoded.
	pal := color.Palette{color.RGBA{200, 0, 0, 255}, color.RGBA{0, 0, 200, 255}}
	red, blue := image.NewPaletted(image.Rect(0, 0, 8, 6), pal), image.NewPaletted(image.Rect(0, 0, 8, 6), pal)
	for i := range blue.Pix {
		blue.Pix[i] = 1
	}
	if err := gif.EncodeAll(&gf, &gif.GIF{Image: []*image.Paletted{red, blue}, Delay: []int{10, 10}}); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name    string
		data    []byte
		w, h    int
		at      image.Point
		r, g, b uint32 // 8-bit colour expected at at, within 12
	}{
		{"png", feedtest.PNG(quads), 40, 20, image.Pt(35, 15), 255, 255, 255},
		{"jpeg", jpg.Bytes(), 40, 20, image.Pt(5, 5), 220, 20, 20},
		{"gif first frame", gf.Bytes(), 8, 6, image.Pt(3, 3), 200, 0, 0},
		{"webp", feedtest.WebP(3, 2, color.NRGBA{10, 120, 230, 255}), 3, 2, image.Pt(2, 1), 10, 120, 230},
	} {
		img, err := Decode(tc.data)
		if err != nil {
			t.Errorf("%s: %v", tc.name, err)
			continue
		}
		if b := img.Bounds(); b.Dx() != tc.w || b.Dy() != tc.h {
			t.Errorf("%s: %v, want %d×%d", tc.name, b, tc.w, tc.h)
		}
		r, g, b, _ := img.At(tc.at.X, tc.at.Y).RGBA()
		if !near(r>>8, tc.r) || !near(g>>8, tc.g) || !near(b>>8, tc.b) {
			t.Errorf("%s: colour at %v = %d,%d,%d, want %d,%d,%d", tc.name, tc.at, r>>8, g>>8, b>>8, tc.r, tc.g, tc.b)
		}
	}
}

func near(a, b uint32) bool { return a+12 >= b && b+12 >= a }

// Hostile images fail with a reason, without decoding what their header
// declares.
func TestDecodeHostile(t *testing.T) {
	good := feedtest.PNG(feedtest.Quadrants(16, 16))
	for _, tc := range []struct {
		name string
		data []byte
		want error
	}{
		{"PNG bomb 100000×100000", feedtest.BombPNG(100000, 100000), ErrSize},
		{"PNG header 50000×50000", feedtest.BombPNG(50000, 50000), ErrSize},
		{"PNG 1×100000", feedtest.BombPNG(1, 100000), ErrSize},
		{"PNG 8000×8000 over the pixel budget", feedtest.BombPNG(8000, 8000), ErrSize},
		{"GIF screen 60000×60000", feedtest.BombGIF(60000, 60000), ErrSize},
		{"HTML served as an image", []byte("<!doctype html><title>x</title>"), ErrFormat},
		{"SVG", []byte(`<svg xmlns="http://www.w3.org/2000/svg"/>`), ErrFormat},
		{"empty", nil, ErrFormat},
		{"truncated PNG", good[:len(good)/2], nil},
		{"zero-sized PNG", feedtest.BombPNG(0, 10), nil},
	} {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		img, err := Decode(tc.data)
		runtime.ReadMemStats(&after)
		if err == nil || img != nil {
			t.Errorf("%s: decoded %v", tc.name, img)
			continue
		}
		if tc.want != nil && !errors.Is(err, tc.want) {
			t.Errorf("%s: err = %v, want %v", tc.name, err, tc.want)
		}
		if grew := after.TotalAlloc - before.TotalAlloc; grew > 1<<20 {
			t.Errorf("%s: allocated %d KiB", tc.name, grew>>10)
		}
	}
}

func TestShrinkAndEncode(t *testing.T) {
	wide := feedtest.PNG(feedtest.Quadrants(3200, 200))
	p := Encode("https://x.example/a.png", wide)
	if p.Err != "" || p.Format != "jpeg" || p.Width != CacheWidth || p.Height != 100 {
		t.Fatalf("picture = %s %d×%d err %q", p.Format, p.Width, p.Height, p.Err)
	}
	img, err := Load(p)
	if err != nil {
		t.Fatal(err)
	}
	r, g, b, _ := img.At(1500, 80).RGBA() // bottom right: white
	if r>>8 < 230 || g>>8 < 230 || b>>8 < 230 {
		t.Errorf("bottom right = %d,%d,%d, want white", r>>8, g>>8, b>>8)
	}
	if bytes.Equal(p.Data, wide) {
		t.Error("the cache keeps the server's bytes")
	}

	clear := image.NewNRGBA(image.Rect(0, 0, 4, 4)) // transparent: stays PNG
	if p := Encode("u", feedtest.PNG(clear)); p.Format != "png" || p.Err != "" {
		t.Errorf("transparent image: %s, err %q", p.Format, p.Err)
	}
	if p := Encode("u", feedtest.BombPNG(100000, 100000)); p.Err == "" || p.Data != nil {
		t.Errorf("bomb kept: %+v", p)
	}
	if _, err := Load(Encode("u", []byte("nope"))); err == nil {
		t.Error("Load of a failed picture did not fail")
	}
}
