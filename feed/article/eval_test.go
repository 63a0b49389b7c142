package article

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/akhbar/akhbar/feed"
)

// expectation is what one evaluation page must extract to (see
// testdata/eval/README.md).
type expectation struct {
	File        string        `json:"-"`
	URL         string        `json:"url"`
	ContentType string        `json:"content_type"`
	Title       string        `json:"title"`
	Byline      string        `json:"byline"`
	Lang        string        `json:"lang"`
	Dir         feed.Dir      `json:"dir"`
	Paragraphs  []string      `json:"paragraphs"`
	Caption     string        `json:"caption"`
	Somewhere   []string      `json:"-"`
	Blocks      []blockExpect `json:"blocks"`
	Links       []string      `json:"links"`
	Related     []string      `json:"related"`
	NotRelated  []string      `json:"not_related"`
	Furniture   []string      `json:"furniture"`
	KeepsJunk   bool          `json:"readability_keeps_furniture"`
}

// blockExpect checks the block whose text contains Contains.
type blockExpect struct {
	Contains string         `json:"contains"`
	Kind     feed.BlockKind `json:"kind"`
	Level    int            `json:"level"`
	Lang     string         `json:"lang"`
	Dir      feed.Dir       `json:"dir"`
}

// loadEval reads testdata/eval/*.json.
func loadEval(t *testing.T) []expectation {
	t.Helper()
	files, err := filepath.Glob("testdata/eval/*.json")
	if err != nil || len(files) < 12 {
		t.Fatalf("eval set: %d files, %v", len(files), err)
	}
	var out []expectation
	for _, f := range files {
		var e expectation
		readJSON(t, f, &e)
		e.File = strings.TrimSuffix(f, ".json") + ".html"
		out = append(out, e)
	}
	return out
}

// loadSamples reads testdata/samples/expect.json, one expectation per
// file variant; windows-1256 files without a meta charset get the charset
// in the Content-Type header.
func loadSamples(t *testing.T) []expectation {
	t.Helper()
	var doc struct {
		Samples []struct {
			File      string   `json:"file"`
			AlsoAs    []string `json:"also_as"`
			URL       string   `json:"url"`
			Lang      string   `json:"lang"`
			Dir       feed.Dir `json:"dir"`
			Body      []string `json:"body"`
			Keep      []string `json:"keep_somewhere"`
			Furniture []string `json:"furniture"`
			Related   []string `json:"related_url_fragments"`
		} `json:"samples"`
	}
	readJSON(t, "testdata/samples/expect.json", &doc)
	var out []expectation
	for _, s := range doc.Samples {
		for _, f := range append([]string{s.File}, s.AlsoAs...) {
			ct := "text/html"
			if strings.Contains(f, "nometa") {
				ct = "text/html; charset=windows-1256"
			}
			out = append(out, expectation{File: "testdata/samples/" + f, URL: s.URL, ContentType: ct,
				Lang: s.Lang, Dir: s.Dir, Paragraphs: s.Body, Somewhere: s.Keep,
				Furniture: s.Furniture, Related: s.Related})
		}
	}
	return out
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// score is how well one extraction met its expectation.
type score struct {
	paragraphs, paragraphsFound int
	furniture                   []string
	related, relatedFound       int
	problems                    []string
}

// grade compares an extracted article with its expectation.
func grade(e expectation, a feed.Article) score {
	var s score
	bad := func(format string, args ...any) { s.problems = append(s.problems, fmt.Sprintf(format, args...)) }
	body, captions, all := blockTexts(a.Blocks)
	for _, p := range e.Paragraphs {
		s.paragraphs++
		if containsIn(body, p) {
			s.paragraphsFound++
		} else {
			bad("paragraph missing: %q", p)
		}
	}
	for _, k := range append(slices.Clip(e.Somewhere), e.Caption) {
		if k == "" {
			continue
		}
		s.paragraphs++
		in := all
		if k == e.Caption {
			in = captions
		}
		if containsIn(in, k) {
			s.paragraphsFound++
		} else {
			bad("caption/lead missing: %q", k)
		}
	}
	for _, f := range e.Furniture {
		if containsIn(all, f) {
			s.furniture = append(s.furniture, f)
		}
	}
	for _, r := range e.Related {
		s.related++
		if slices.ContainsFunc(a.Related, func(l feed.Link) bool { return strings.Contains(l.URL, r) }) {
			s.relatedFound++
		} else {
			bad("related missing: %s", r)
		}
	}
	for _, r := range e.NotRelated {
		for _, l := range a.Related {
			if l.URL == r || !strings.HasPrefix(r, "http") && strings.Contains(l.URL, r) {
				bad("unwanted related: %s", l.URL)
			}
		}
	}
	for _, l := range e.Links {
		if !slices.ContainsFunc(a.Links, func(x feed.Link) bool { return x.URL == l }) {
			bad("inline link missing: %s", l)
		}
	}
	for _, be := range e.Blocks {
		checkBlock(be, a.Blocks, bad)
	}
	if e.Title != "" && a.Title != e.Title {
		bad("title %q, want %q", a.Title, e.Title)
	}
	if e.Byline != "" && a.Byline != e.Byline {
		bad("byline %q, want %q", a.Byline, e.Byline)
	}
	if a.Lang != e.Lang || a.Dir != e.Dir {
		bad("lang/dir %s/%s, want %s/%s", a.Lang, a.Dir, e.Lang, e.Dir)
	}
	return s
}

// checkBlock reports a problem unless the block containing be.Contains
// has the expected kind, level, lang and dir.
func checkBlock(be blockExpect, blocks []feed.Block, bad func(string, ...any)) {
	for _, b := range blocks {
		if !strings.Contains(b.Text, be.Contains) {
			continue
		}
		if b.Kind != be.Kind || b.Level != be.Level || b.Lang != be.Lang || b.Dir != be.Dir {
			bad("block %q is %s/%d/%s/%s, want %s/%d/%s/%s", be.Contains, b.Kind, b.Level, b.Lang, b.Dir,
				be.Kind, be.Level, be.Lang, be.Dir)
		}
		return
	}
	bad("no block contains %q", be.Contains)
}

// blockTexts splits block texts into body, captions and all.
func blockTexts(blocks []feed.Block) (body, captions, all []string) {
	for _, b := range blocks {
		all = append(all, b.Text)
		if b.Kind == feed.Caption {
			captions = append(captions, b.Text)
		} else {
			body = append(body, b.Text)
		}
	}
	return body, captions, all
}

// containsIn reports whether one of texts contains s, white space folded.
func containsIn(texts []string, s string) bool {
	s = strings.Join(strings.Fields(s), " ")
	for _, t := range texts {
		if strings.Contains(strings.Join(strings.Fields(t), " "), s) {
			return true
		}
	}
	return false
}

// TestEvalSet extracts every page of the evaluation set and the shared
// samples, logs paragraph recall, furniture found, related recall and
// lang/dir per page, and fails on any page below 100 % recall, above 0
// furniture, below 100 % related recall or with the wrong lang/dir.
func TestEvalSet(t *testing.T) {
	pages := append(loadEval(t), loadSamples(t)...)
	t.Logf("%-46s %8s %5s %8s %s", "page", "recall", "junk", "related", "lang/dir")
	for _, e := range pages {
		body, err := os.ReadFile(e.File)
		if err != nil {
			t.Fatal(err)
		}
		a, err := Extract(e.URL, body, e.ContentType)
		if err != nil {
			t.Errorf("%s: %v", e.File, err)
			continue
		}
		s := grade(e, a)
		t.Logf("%-46s %3d/%-3d %5d %4d/%-3d %s/%s", filepath.Base(e.File), s.paragraphsFound, s.paragraphs,
			len(s.furniture), s.relatedFound, s.related, a.Lang, a.Dir)
		if len(s.furniture) > 0 {
			t.Errorf("%s: furniture kept: %q", e.File, s.furniture)
		}
		for _, p := range s.problems {
			t.Errorf("%s: %s", e.File, p)
		}
	}
}
