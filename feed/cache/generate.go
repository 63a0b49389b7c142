package cache

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/akhbar/akhbar/feed"
)

// Generate writes a synthetic, realistic cache at path (created if
// needed): feeds subscriptions in ten folders and items items spread
// evenly over them, each with an article of about 3 KB. Half the feeds
// are in Arabic, half in English. Items belong to stories (about eight
// items each) that share a person, a place, a section and a project
// name, so search and related have realistic term frequencies; dates
// spread over a year, about 70 % of items are read and 1 % starred. The
// same arguments always give the same content. Each feed is written in
// one transaction. It fails when the cache cannot be opened or written.
func Generate(path string, items, feeds int) (err error) {
	if feeds <= 0 || items < 0 {
		return fmt.Errorf("generate cache %s: need feeds > 0 and items ≥ 0", path)
	}
	s, err := Open(path)
	if err != nil {
		return fmt.Errorf("generate cache: %w", err)
	}
	defer func() { err = errors.Join(err, s.Close()) }()
	g := newGenerator(items)
	ctx := context.Background()
	for f := range feeds {
		n := items / feeds
		if f < items%feeds {
			n++
		}
		if err := g.writeFeed(ctx, s, f, n); err != nil {
			return fmt.Errorf("generate cache %s: feed %d: %w", path, f, err)
		}
	}
	return nil
}

// story is what the items of one news story share.
type story struct {
	lang    *genLang
	person  string
	place   string
	section int
	n, m    string // two nouns of the section
	code    string // the story's project name: a rare word
	start   time.Time
}

type generator struct {
	base    time.Time // fetch time of every item; dates spread over the year before
	rng     *rand.Rand
	langs   [2]genLang
	stories [2][]story
}

func newGenerator(items int) *generator {
	g := &generator{base: time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC), rng: rand.New(rand.NewPCG(1, 2)), langs: [2]genLang{genArabic(), genEnglish()}}
	for l := range g.langs {
		for range max(1, items/16) {
			g.stories[l] = append(g.stories[l], g.newStory(&g.langs[l]))
		}
	}
	return g
}

func (g *generator) pick(list []string) string { return list[g.rng.IntN(len(list))] }

func (g *generator) newStory(l *genLang) story {
	sec := g.rng.IntN(len(l.sections))
	code := g.pick(l.syllables) + g.pick(l.syllables) + g.pick(l.syllables)
	return story{
		lang: l, person: g.pick(l.first) + " " + g.pick(l.last), place: g.pick(l.places),
		section: sec, n: g.pick(l.sections[sec].nouns), m: g.pick(l.sections[sec].nouns),
		code:  capitalize(code),
		start: g.base.Add(-time.Duration(g.rng.Int64N(int64(365 * 24 * time.Hour)))),
	}
}

// fill replaces the slots of a template with the story's words, or now
// and then with other words of its language, as real stories wander.
func (g *generator) fill(tmpl string, st *story) string {
	l := st.lang
	var b strings.Builder
	for {
		i := strings.IndexByte(tmpl, '{')
		if i < 0 || i+2 >= len(tmpl) {
			b.WriteString(tmpl)
			return b.String()
		}
		b.WriteString(tmpl[:i])
		b.WriteString(g.slot(tmpl[i+1], st, l))
		tmpl = tmpl[i+3:]
	}
}

func (g *generator) slot(name byte, st *story, l *genLang) string {
	often := g.rng.IntN(10) < 7
	nouns := l.sections[st.section].nouns
	switch name {
	case 'P':
		if often {
			return st.person
		}
		return g.pick(l.first) + " " + g.pick(l.last)
	case 'L':
		if often {
			return st.place
		}
		return g.pick(l.places)
	case 'N':
		if often {
			return st.n
		}
		return g.pick(nouns)
	case 'M':
		if often {
			return st.m
		}
		return g.pick(nouns)
	case 'C':
		return st.code
	case 'V':
		return g.pick(l.verbs)
	case 'A':
		return g.pick(l.adjs)
	case 'D':
		return strconv.Itoa(2 + g.rng.IntN(94))
	}
	return ""
}

// writeFeed adds feed number f and saves n items with their articles in
// one transaction, as a series of fetches over the year: each fetch
// brings genFetchSize items, oldest first, at the time of its newest item
// (the last fetch at the generator's base time), so retention sees items
// that the feed no longer lists.
func (g *generator) writeFeed(ctx context.Context, s *Store, f, n int) error {
	lang := f % 2
	l := &g.langs[lang]
	title := fmt.Sprintf("%s %d", g.pick(l.places), f)
	fd, err := s.AddFeed(ctx, feed.Feed{URL: fmt.Sprintf("https://feed%d.example/rss", f),
		SiteURL: fmt.Sprintf("https://feed%d.example/", f), Folder: fmt.Sprintf("folder %d", f%10)})
	if err != nil {
		return err
	}
	items := make([]feed.Item, n)
	articles := make([]feed.Article, n)
	for i := range items {
		st := &g.stories[lang][g.rng.IntN(len(g.stories[lang]))]
		items[i], articles[i] = g.item(fd, st, i)
	}
	slices.SortStableFunc(items, func(a, b feed.Item) int { return a.Published.Compare(b.Published) })
	return withStmtTx(ctx, s.w, func(tx *stmtTx) error {
		for _, a := range articles {
			if err := saveArticleTx(ctx, tx, a, g.base, false); err != nil {
				return err
			}
		}
		for start := 0; start < len(items); start += genFetchSize {
			chunk := items[start:min(start+genFetchSize, len(items))]
			at := chunk[len(chunk)-1].Published.Add(30 * time.Minute)
			if start+genFetchSize >= len(items) || at.After(g.base) {
				at = g.base
			}
			if _, err := saveFetchTx(ctx, tx, fd.ID, feed.FetchResult{Title: title, Items: chunk, At: at}); err != nil {
				return err
			}
		}
		return nil
	})
}

// genFetchSize is how many items each generated fetch of a feed brings.
const genFetchSize = 25

// item makes item i of feed fd, about story st, and its article.
func (g *generator) item(fd feed.Feed, st *story, i int) (feed.Item, feed.Article) {
	l := st.lang
	pub := st.start.Add(time.Duration(g.rng.Int64N(int64(72 * time.Hour)))).Truncate(time.Minute)
	if pub.After(g.base) {
		pub = g.base.Add(-time.Duration(i) * time.Minute)
	}
	url := fmt.Sprintf("%s%s/%d", fd.SiteURL, pub.Format("2006/01/02"), i)
	cats := []string{l.sections[st.section].name}
	if g.rng.IntN(10) < 3 {
		cats = append(cats, l.sections[g.rng.IntN(len(l.sections))].name)
	}
	it := feed.Item{
		GUID: url, URL: url, Title: g.fill(g.pick(l.titles), st), Summary: g.fill(g.pick(l.sentences), st),
		Author: st.lang.first[i%len(l.first)] + " " + l.last[i%len(l.last)], Published: pub,
		Categories: cats, Lang: l.code, Read: g.rng.IntN(10) < 7, Starred: g.rng.IntN(100) == 0,
	}
	it.ID = feed.ItemID(fd.URL, it)
	a := feed.Article{ID: it.ID, URL: url, Title: it.Title, Byline: it.Author, Published: pub, Lang: l.code,
		Section: cats[0], Dir: feed.DirLTR, Blocks: g.blocks(st)}
	if l.code == "ar" {
		a.Dir = feed.DirRTL
	}
	return it, a
}

// blocks writes an article body of about 3 KB: paragraphs of three
// sentences, with a subheading after the second.
func (g *generator) blocks(st *story) []feed.Block {
	var out []feed.Block
	size := 0
	for size < 3000 {
		if len(out) == 2 {
			out = append(out, feed.Block{Kind: feed.Heading, Level: 2, Text: g.fill(g.pick(st.lang.titles), st)})
		}
		var p []string
		for range 3 {
			p = append(p, g.fill(g.pick(st.lang.sentences), st))
		}
		text := strings.Join(p, " ")
		size += len(text)
		out = append(out, feed.Block{Kind: feed.Paragraph, Text: text})
	}
	return out
}

// capitalize upper-cases the first letter of s (whole, even when it is
// several bytes long); scripts without case are left as they are.
func capitalize(s string) string {
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}
