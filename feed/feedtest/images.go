package feedtest

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
)

// Test images, made here so that no test needs a file from elsewhere.

// Quadrants is a w×h image of four solid quarters: top left red, top
// right green, bottom left blue, bottom right white. Which colour lands
// where tells a layout's orientation and cropping apart.
func Quadrants(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := range h {
		for x := range w {
			img.Set(x, y, QuadrantColor(x*2/w, y*2/h))
		}
	}
	return img
}

// QuadrantColor is the colour of Quadrants' quarter in column qx and row
// qy (each 0 or 1).
func QuadrantColor(qx, qy int) color.RGBA {
	return [2][2]color.RGBA{
		{{220, 20, 20, 255}, {20, 200, 40, 255}},
		{{30, 40, 210, 255}, {255, 255, 255, 255}},
	}[qy][qx]
}

// PNG encodes img as PNG.
func PNG(img image.Image) []byte {
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		panic(err) // an in-memory image always encodes
	}
	return buf.Bytes()
}

// BombPNG is a small PNG whose header declares w×h pixels of 8-bit grey
// and whose one IDAT chunk holds a little deflated data: a decoder that
// trusts the header allocates w×h bytes or more.
func BombPNG(w, h uint32) []byte {
	var buf bytes.Buffer
	buf.WriteString("\x89PNG\r\n\x1a\n")
	ihdr := binary.BigEndian.AppendUint32(nil, w)
	ihdr = binary.BigEndian.AppendUint32(ihdr, h)
	ihdr = append(ihdr, 8, 0, 0, 0, 0) // depth 8, greyscale, deflate, no filter, no interlace
	pngChunk(&buf, "IHDR", ihdr)
	// An empty zlib stream (no compression), then the end.
	pngChunk(&buf, "IDAT", []byte{0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01})
	pngChunk(&buf, "IEND", nil)
	return buf.Bytes()
}

func pngChunk(buf *bytes.Buffer, kind string, data []byte) {
	buf.Write(binary.BigEndian.AppendUint32(nil, uint32(len(data))))
	crc := crc32.NewIEEE()
	crc.Write([]byte(kind))
	crc.Write(data)
	buf.WriteString(kind)
	buf.Write(data)
	buf.Write(binary.BigEndian.AppendUint32(nil, crc.Sum32()))
}

// BombGIF is a GIF whose logical screen declares w×h pixels, with no
// image in it.
func BombGIF(w, h uint16) []byte {
	b := []byte("GIF89a")
	b = binary.LittleEndian.AppendUint16(b, w)
	b = binary.LittleEndian.AppendUint16(b, h)
	return append(b, 0, 0, 0, ';')
}

// WebP is a lossless WebP (VP8L) of w×h pixels of one colour c: every
// prefix code is a simple one of a single symbol, so each pixel takes no
// bits. Written bit by bit after the VP8L specification (RFC 9649).
func WebP(w, h int, c color.NRGBA) []byte {
	var bw bitWriter
	bw.bits(uint32(w-1), 14)
	bw.bits(uint32(h-1), 14)
	bw.bits(0, 1)                                      // alpha hint
	bw.bits(0, 3)                                      // version
	bw.bits(0, 1)                                      // no transform
	bw.bits(0, 1)                                      // no colour cache
	bw.bits(0, 1)                                      // no meta prefix codes
	for _, v := range []uint8{c.G, c.R, c.B, c.A, 0} { // green, red, blue, alpha, distance
		bw.bits(1, 1) // simple code
		bw.bits(0, 1) // one symbol
		bw.bits(1, 1) // of 8 bits
		bw.bits(uint32(v), 8)
	}
	data := append([]byte{0x2f}, bw.out()...)
	size := len(data)
	if size%2 == 1 {
		data = append(data, 0) // chunks are padded to even lengths
	}
	b := []byte("RIFF")
	b = binary.LittleEndian.AppendUint32(b, uint32(4+8+len(data)))
	b = append(b, "WEBPVP8L"...)
	b = binary.LittleEndian.AppendUint32(b, uint32(size))
	return append(b, data...)
}

// bitWriter writes bits least significant first, as VP8L reads them.
type bitWriter struct {
	buf  []byte
	acc  uint64
	used uint
}

func (b *bitWriter) bits(v uint32, n uint) {
	b.acc |= uint64(v) << b.used
	b.used += n
	for b.used >= 8 {
		b.buf = append(b.buf, byte(b.acc))
		b.acc >>= 8
		b.used -= 8
	}
}

func (b *bitWriter) out() []byte {
	if b.used > 0 {
		return append(b.buf, byte(b.acc))
	}
	return b.buf
}
