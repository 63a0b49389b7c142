package render

import (
	"image"
	"math"
	"strconv"
	"strings"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/render/bidi"
	"golang.org/x/image/draw"
)

// Picture is one image of an article, ready for layout: its decoded
// pixels, or why there are none (shown as a placeholder).
type Picture struct {
	Image image.Image
	Err   string
}

// ImageAt is where an image stands on a Page, in cells: rows
// [Line, Line+Rows) and columns [Col, Col+Cols) of the text column.
type ImageAt struct {
	URL           string
	Line, Rows    int
	Col, Cols     int
	Width, Height int  // the picture's pixels
	Placeholder   bool // a line of text stands for it
}

// Image layout defaults.
const (
	defaultImageRows  = 12
	defaultCellAspect = 2.0 // a cell is about twice as high as it is wide
)

// imageRows is the most rows an image may take under o.
func (o Options) imageRows() int {
	if o.ImageRows > 0 {
		return o.ImageRows
	}
	return defaultImageRows
}

func (o Options) cellAspect() float64 {
	if o.CellAspect > 0 {
		return o.CellAspect
	}
	return defaultCellAspect
}

// ImageSize is how many whole cells a w×h pixel image takes, scaled to
// fit maxCols × maxRows with its aspect ratio kept, on cells aspect times
// as high as wide. Both are at least 1.
func ImageSize(w, h, maxCols, maxRows int, aspect float64) (cols, rows int) {
	if w <= 0 || h <= 0 || maxCols <= 0 || maxRows <= 0 {
		return 1, 1
	}
	cols = maxCols
	rows = int(math.Round(float64(h) * float64(cols) / float64(w) / aspect))
	if rows > maxRows {
		rows = maxRows
		cols = int(math.Round(float64(w) * float64(rows) * aspect / float64(h)))
	}
	return max(1, min(cols, maxCols)), max(1, rows)
}

// Blocks draws img in cols × rows cells of upper half blocks: each cell
// shows two pixels, the upper one as its foreground colour and the lower
// as its background, in 24-bit SGR. It emits nothing but those SGR
// sequences, built from decoded pixel values, and "▀": no byte of the
// image file reaches the terminal. Each line is exactly cols cells and
// ends with a reset.
func Blocks(img image.Image, cols, rows int) []string {
	small := image.NewRGBA(image.Rect(0, 0, cols, 2*rows))
	draw.ApproxBiLinear.Scale(small, small.Bounds(), img, img.Bounds(), draw.Src, nil)
	out := make([]string, rows)
	var b strings.Builder
	for r := range rows {
		b.Reset()
		var last [6]uint8
		for c := range cols {
			top := small.RGBAAt(c, 2*r)
			bot := small.RGBAAt(c, 2*r+1)
			cur := [6]uint8{top.R, top.G, top.B, bot.R, bot.G, bot.B}
			if c == 0 || cur != last {
				b.WriteString("\x1b[38;2;")
				writeRGB(&b, cur[0], cur[1], cur[2])
				b.WriteString(";48;2;")
				writeRGB(&b, cur[3], cur[4], cur[5])
				b.WriteByte('m')
				last = cur
			}
			b.WriteString("▀")
		}
		b.WriteString("\x1b[m")
		out[r] = b.String()
	}
	return out
}

func writeRGB(b *strings.Builder, r, g, bl uint8) {
	b.WriteString(strconv.Itoa(int(r)))
	b.WriteByte(';')
	b.WriteString(strconv.Itoa(int(g)))
	b.WriteByte(';')
	b.WriteString(strconv.Itoa(int(bl)))
}

// figure lays out the image at url (alt: its description) under dir:
// half blocks at the start edge of the column (the right edge under an
// RTL article), or a placeholder line when it has no pixels, or nothing
// when it was never fetched and has no description. at is where the
// image stands on the page.
func figure(url, alt string, dir feed.Dir, s *styler, o Options) ([]string, ImageAt, bool) {
	p, fetched := o.Pictures[url]
	at := ImageAt{URL: url}
	if !fetched && alt == "" {
		return nil, at, false
	}
	if p.Image == nil || !o.Color {
		label := strings.TrimSpace(SanitizeLine(alt))
		if label == "" {
			label = "image"
		}
		if p.Err != "" && o.Color {
			label += " — " + SanitizeLine(p.Err)
		}
		paras := s.prepare("["+label+"]", nil, 0, false, false)
		lines := layoutBlock(blockSpec{paras: paras, dir: resolveDir(dir, paras), base: baseMeta}, s)
		at.Rows, at.Cols, at.Placeholder = len(lines), s.width, true
		return lines, at, true
	}
	b := p.Image.Bounds()
	cols, rows := ImageSize(b.Dx(), b.Dy(), s.width, o.imageRows(), o.cellAspect())
	lines := Blocks(p.Image, cols, rows)
	at.Rows, at.Cols, at.Width, at.Height = rows, cols, b.Dx(), b.Dy()
	if resolveDir(dir, nil) == bidi.RTL {
		at.Col = s.width - cols
		pad := strings.Repeat(" ", at.Col)
		for i := range lines {
			lines[i] = pad + lines[i]
		}
	}
	return lines, at, true
}
