package main

import (
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
)

// page is one corpus page with its true body.
type page struct {
	ID   string // corpus-relative name, shown in reports
	URL  string
	HTML []byte // raw bytes as crawled
	Body string // the ground-truth article body
}

// corpus is a named set of pages.
type corpus struct {
	Name  string
	Pages []page
}

// readGzip returns the uncompressed content of a .gz file.
func readGzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open page: %w", err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("gunzip %s: %w", path, err)
	}
	b, err := io.ReadAll(z)
	if err != nil {
		return nil, fmt.Errorf("gunzip %s: %w", path, err)
	}
	return b, nil
}

// readJSON decodes a JSON file into v.
func readJSON(path string, v any) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("read ground truth: %w", err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		return fmt.Errorf("decode %s: %w", path, err)
	}
	return nil
}

// loadAEB reads the Article Extraction Benchmark: ground-truth.json maps
// a page id to its articleBody and URL; the page is html/<id>.html.gz.
func loadAEB(dir string) (corpus, error) {
	var truth map[string]struct {
		ArticleBody string `json:"articleBody"`
		URL         string `json:"url"`
	}
	if err := readJSON(filepath.Join(dir, "ground-truth.json"), &truth); err != nil {
		return corpus{}, err
	}
	c := corpus{Name: "AEB"}
	for _, id := range slices.Sorted(maps.Keys(truth)) {
		b, err := readGzip(filepath.Join(dir, "html", id+".html.gz"))
		if err != nil {
			return corpus{}, err
		}
		c.Pages = append(c.Pages, page{ID: id[:12], URL: truth[id].URL, HTML: b, Body: truth[id].ArticleBody})
	}
	return c, nil
}

// fundusVersion is the part of one parser version's expected output the
// metric uses.
type fundusVersion struct {
	Body struct {
		Summary  []string `json:"summary"`
		Sections []struct {
			Headline   []string `json:"headline"`
			Paragraphs []string `json:"paragraphs"`
		} `json:"sections"`
	} `json:"body"`
}

// text joins the summary and every section's headline and paragraphs.
func (v fundusVersion) text() string {
	parts := slices.Clone(v.Body.Summary)
	for _, s := range v.Body.Sections {
		parts = append(parts, s.Headline...)
		parts = append(parts, s.Paragraphs...)
	}
	return strings.Join(parts, "\n")
}

// loadFundus reads the fundus parser test pages: per country folder,
// <Publisher>.json holds one expected output per parser version and
// <Publisher>_<date>.html.gz the pages, with their URLs in meta.info.
// Versions (V1 < V1_1 < V2 …) pair with pages in date order, as each
// later parser version was written for later pages.
func loadFundus(dir string) (corpus, error) {
	root := filepath.Join(dir, "tests", "resources", "parser", "test_data")
	files, err := filepath.Glob(filepath.Join(root, "*", "*.json"))
	if err != nil || len(files) == 0 {
		return corpus{}, fmt.Errorf("fundus: no expectations under %s (%v)", root, err)
	}
	c := corpus{Name: "fundus"}
	for _, f := range files {
		pages, err := fundusPublisher(f)
		if err != nil {
			return corpus{}, err
		}
		c.Pages = append(c.Pages, pages...)
	}
	return c, nil
}

// fundusPublisher loads the pages of one publisher's expectation file.
func fundusPublisher(jsonPath string) ([]page, error) {
	var versions map[string]fundusVersion
	if err := readJSON(jsonPath, &versions); err != nil {
		return nil, err
	}
	var meta map[string]struct {
		URL string `json:"url"`
	}
	folder := filepath.Dir(jsonPath)
	if err := readJSON(filepath.Join(folder, "meta.info"), &meta); err != nil {
		return nil, err
	}
	publisher := strings.TrimSuffix(filepath.Base(jsonPath), ".json")
	htmls, err := filepath.Glob(filepath.Join(folder, publisher+"_[0-9]*.html.gz"))
	if err != nil {
		return nil, fmt.Errorf("fundus %s: %w", publisher, err)
	}
	slices.Sort(htmls)
	names := slices.SortedFunc(maps.Keys(versions), compareVersions)
	if len(names) != len(htmls) {
		return nil, fmt.Errorf("fundus %s: %d versions for %d pages", publisher, len(names), len(htmls))
	}
	var out []page
	for i, h := range htmls {
		b, err := readGzip(h)
		if err != nil {
			return nil, err
		}
		name := filepath.Base(h)
		out = append(out, page{
			ID:   filepath.Base(folder) + "/" + strings.TrimSuffix(name, ".html.gz"),
			URL:  meta[name].URL,
			HTML: b,
			Body: versions[names[i]].text(),
		})
	}
	return out, nil
}

// compareVersions orders version names like V1, V1_1, V2, V10 by their
// numbers.
func compareVersions(a, b string) int {
	pa, pb := versionParts(a), versionParts(b)
	return slices.Compare(pa, pb)
}

// versionParts turns "V1_2" into [1 2].
func versionParts(v string) []int {
	var out []int
	for _, f := range strings.FieldsFunc(strings.TrimPrefix(v, "V"), func(r rune) bool { return r == '_' || r == '.' }) {
		n, _ := strconv.Atoi(f)
		out = append(out, n)
	}
	return out
}
