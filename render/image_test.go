package render

import (
	"image/color"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/feedtest"
	"github.com/akhbar/akhbar/theme"
	"github.com/charmbracelet/x/ansi"
)

func TestImageSize(t *testing.T) {
	for _, tc := range []struct {
		w, h, maxCols, maxRows int
		aspect                 float64
		cols, rows             int
	}{
		{1600, 800, 80, 24, 2, 80, 20},  // wide: the whole column
		{800, 1600, 80, 24, 2, 24, 24},  // tall: capped by rows, narrower
		{3000, 10, 60, 24, 2, 60, 1},    // a sliver still takes a row
		{100, 100, 40, 30, 2.5, 40, 16}, // the terminal's own cell shape
	} {
		cols, rows := ImageSize(tc.w, tc.h, tc.maxCols, tc.maxRows, tc.aspect)
		if cols != tc.cols || rows != tc.rows {
			t.Errorf("ImageSize(%d×%d in %d×%d, %.1f) = %d×%d, want %d×%d", tc.w, tc.h, tc.maxCols, tc.maxRows, tc.aspect, cols, rows, tc.cols, tc.rows)
		}
	}
}

// cellRE is one half-block cell as Blocks writes it.
var cellRE = regexp.MustCompile(`^\x1b\[38;2;(\d+);(\d+);(\d+);48;2;(\d+);(\d+);(\d+)m`)

// cells reads the colours of a line of Blocks back: upper and lower
// pixel of each cell. It fails on anything but Blocks' own sequences.
func cells(t *testing.T, line string) [][2]color.RGBA {
	t.Helper()
	var out [][2]color.RGBA
	var cur [2]color.RGBA
	rest := strings.TrimLeft(line, " ")
	for rest != "" && rest != "\x1b[m" {
		if m := cellRE.FindStringSubmatch(rest); m != nil {
			v := make([]uint8, 6)
			for i := range v {
				n, _ := strconv.Atoi(m[i+1])
				v[i] = uint8(n)
			}
			cur = [2]color.RGBA{{v[0], v[1], v[2], 255}, {v[3], v[4], v[5], 255}}
			rest = rest[len(m[0]):]
			continue
		}
		if !strings.HasPrefix(rest, "▀") {
			t.Fatalf("unexpected bytes in a block line: %q", rest)
		}
		out = append(out, cur)
		rest = rest[len("▀"):]
	}
	return out
}

func TestBlocksColours(t *testing.T) {
	lines := Blocks(feedtest.Quadrants(80, 40), 20, 5)
	if len(lines) != 5 {
		t.Fatalf("%d lines, want 5", len(lines))
	}
	for i, l := range lines {
		if w := ansi.StringWidth(l); w != 20 {
			t.Errorf("line %d is %d cells wide, want 20", i, w)
		}
	}
	near := func(a, b color.RGBA) bool {
		d := func(x, y uint8) int { return max(int(x)-int(y), int(y)-int(x)) }
		return d(a.R, b.R) < 30 && d(a.G, b.G) < 30 && d(a.B, b.B) < 30
	}
	top, bottom := cells(t, lines[0]), cells(t, lines[4])
	for _, c := range []struct {
		got  color.RGBA
		want color.RGBA
		name string
	}{
		{top[0][0], feedtest.QuadrantColor(0, 0), "top left"},
		{top[19][0], feedtest.QuadrantColor(1, 0), "top right"},
		{bottom[0][1], feedtest.QuadrantColor(0, 1), "bottom left"},
		{bottom[19][1], feedtest.QuadrantColor(1, 1), "bottom right"},
	} {
		if !near(c.got, c.want) {
			t.Errorf("%s = %v, want %v", c.name, c.got, c.want)
		}
	}
}

// pictureArticle has a lead image and a captioned figure between two
// paragraphs, in dir.
func pictureArticle(dir feed.Dir, text, caption string) (feed.Article, map[string]Picture) {
	a := feed.Article{Title: text, Dir: dir, Image: "https://x.example/lead.png",
		Blocks:  []feed.Block{{Kind: feed.Paragraph, Text: text}, {Kind: feed.Caption, Text: caption}, {Kind: feed.Paragraph, Text: text}},
		Figures: []feed.Figure{{URL: "https://x.example/fig.png", Alt: "alt", At: 1}, {URL: "https://x.example/gone.png", Alt: "a lost \x1b]52;c;aGk=\x07picture", At: 3}},
	}
	pics := map[string]Picture{
		"https://x.example/lead.png": {Image: feedtest.Quadrants(200, 100)},
		"https://x.example/fig.png":  {Image: feedtest.Quadrants(50, 100)},
		"https://x.example/gone.png": {Err: "image too large: 100000×100000 pixels"},
	}
	return a, pics
}

func TestArticleImagesLTR(t *testing.T) {
	a, pics := pictureArticle(feed.DirLTR, "A station on the hill opens today.", "The mast above the roof")
	o := Options{Width: 40, Color: true, Theme: theme.Dark(), Pictures: pics, ImageRows: 8}
	p := ArticlePage(a, o)
	if len(p.Images) != 3 {
		t.Fatalf("%d images placed, want 3: %+v", len(p.Images), p.Images)
	}
	lead, fig, gone := p.Images[0], p.Images[1], p.Images[2]
	if lead.Line != 2 || lead.Rows != 8 || lead.Cols != 32 || lead.Col != 0 { // 200×100 in 40 cols is 10 rows: capped at 8, so 32 cols
		t.Errorf("lead at %+v", lead)
	}
	if fig.Rows != 8 || fig.Cols != 8 || fig.Col != 0 {
		t.Errorf("figure at %+v, want 8×8 at the left edge", fig)
	}
	if !strings.Contains(ansi.Strip(p.Lines[fig.Line+fig.Rows+1]), "The mast") {
		t.Errorf("caption not right under the figure: %q", ansi.Strip(p.Lines[fig.Line+fig.Rows+1]))
	}
	for _, im := range []ImageAt{lead, fig} {
		for i := im.Line; i < im.Line+im.Rows; i++ {
			if len(cells(t, p.Lines[i])) != im.Cols {
				t.Errorf("line %d: not %d cells of image", i, im.Cols)
			}
		}
	}
	text := ansi.Strip(strings.Join(p.Lines[gone.Line:gone.Line+gone.Rows], " "))
	if !gone.Placeholder || !strings.Contains(text, "a lost") || !strings.Contains(text, "too large") || strings.Contains(strings.Join(p.Lines, ""), "\x1b]52") {
		t.Errorf("placeholder %q", text)
	}
	for i, l := range p.Lines {
		if w := ansi.StringWidth(l); w > 40 {
			t.Errorf("line %d is %d cells wide", i, w)
		}
	}
}

// Under a right-to-left article the image stands at the right edge and
// the caption reads right to left.
func TestArticleImagesRTL(t *testing.T) {
	a, pics := pictureArticle(feed.DirRTL, "افتتحت البلدية محطة جديدة على التلة.", "صاري قياس الرياح")
	p := ArticlePage(a, Options{Width: 40, Color: true, Theme: theme.Dark(), Pictures: pics, ImageRows: 8, Bidi: Visual})
	fig := p.Images[1]
	if fig.Col != 40-fig.Cols || fig.Col == 0 {
		t.Fatalf("figure at column %d of %d cells, want the right edge", fig.Col, fig.Cols)
	}
	line := p.Lines[fig.Line]
	if !strings.HasPrefix(line, strings.Repeat(" ", fig.Col)+"\x1b[38;2;") || ansi.StringWidth(line) != 40 {
		t.Errorf("figure line %q", line)
	}
	caption := ansi.Strip(p.Lines[fig.Line+fig.Rows+1])
	if strings.TrimLeft(caption, " ") == caption {
		t.Errorf("RTL caption %q not flush right", caption)
	}
}

// Without pictures (images off) or without colour (a pipe) no image is
// drawn.
func TestArticleImagesOffAndPlain(t *testing.T) {
	a, pics := pictureArticle(feed.DirLTR, "Text of the story.", "Caption")
	for name, o := range map[string]Options{
		"off":   {Width: 40, Color: true, Theme: theme.Dark()},
		"plain": {Width: 40, Pictures: pics},
	} {
		p := ArticlePage(a, o)
		joined := strings.Join(p.Lines, "\n")
		if strings.Contains(joined, "▀") || strings.Contains(joined, "\x1b[38;2") {
			t.Errorf("%s: an image was drawn", name)
		}
		if name == "off" && len(p.Images) != 0 {
			t.Errorf("off: %d images placed", len(p.Images))
		}
	}
}
