package article

import (
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/akhbar/akhbar/feed"
)

// TestMechanisms extracts the pages of testdata/mechanisms, each written
// for one way real pages misled the extractor, and checks that the story
// is there whole and the furniture is not.
func TestMechanisms(t *testing.T) {
	tests := []struct {
		file    string
		want    []string // each must be in the body
		notWant []string // none may be in the body
	}{
		{"ar-form-page.html", []string{"افتتحت بلدية الرملة", "من دون وسطاء"}, []string{"من نحن"}},
		{"en-widget-post.html", []string{"first hard frost", "Next week we start pruning"}, []string{"Planting garlic"}},
		{"en-variant-classes.html", []string{"four crossings a day", "review the timetable in January"}, []string{"Privacy"}},
		{"ar-long-comments.html", []string{"حتى العاشرة مساءً", "الماء البارد"}, []string{"المصابيح القديمة", "أجور قليلة"}},
		{"en-author-bio.html", []string{"Start with the sounds", "Keep the sessions short"}, []string{"co-founded a parents' group"}},
		{"ar-split-body.html", []string{"قبل موعده المعتاد", "على مدار الساعة", "معصرة ثانية", "ساعات الانتظار"}, []string{"عرض خاص"}},
		{"en-hidden-body.html", []string{"voted on Thursday evening", "rise in parking fees"}, nil},
		{"en-hidden-copy.html", []string{"reopened on Saturday", "two hundred boats"}, []string{"Opening hours, prices"}},
		// Every entry looks like a timestamp line to the cleaning passes:
		// readability alone keeps much more, so it is taken.
		{"en-live-short-entries.html", []string{"first trains leave the depot", "opens the sports hall"}, []string{"Home"}},
		{"en-hidden-class-prompt.html", []string{"apprentices from the technical college", "lit at night", "second bridge further upstream"}, []string{"Create an account"}},
		{"en-teaser-list.html", []string{"stopped at twenty past four", "bell that rings every hour"}, []string{"steel for the new railings", "fifteen minutes"}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			page, err := os.ReadFile("testdata/mechanisms/" + tt.file)
			if err != nil {
				t.Fatal(err)
			}
			a, err := Extract("https://news.example.org/2024/05/04/story", page, "text/html; charset=utf-8")
			if err != nil {
				t.Fatalf("Extract: %v", err)
			}
			body := bodyText(a)
			for _, w := range tt.want {
				if strings.Count(body, w) != 1 {
					t.Errorf("body has %q %d times, want once\nbody:\n%s", w, strings.Count(body, w), body)
				}
			}
			for _, w := range tt.notWant {
				if strings.Contains(body, w) {
					t.Errorf("body has furniture %q\nbody:\n%s", w, body)
				}
			}
		})
	}
}

// bodyText joins the text of the blocks that are not captions.
func bodyText(a feed.Article) string {
	var b strings.Builder
	for _, bl := range a.Blocks {
		if bl.Kind != feed.Caption {
			b.WriteString(bl.Text + "\n")
		}
	}
	return b.String()
}

// TestRelatedLists checks the related stories of a page with a long
// "Related stories" list: at most maxRelated, titles without the kicker,
// date and section name teasers put around them, a "Read more" link
// titled by the story's headline elsewhere on the page, no tag or
// section pages, and nothing from the site's "Latest" and "Most read"
// lists.
func TestRelatedLists(t *testing.T) {
	page, err := os.ReadFile("testdata/mechanisms/en-related-lists.html")
	if err != nil {
		t.Fatal(err)
	}
	a, err := Extract("https://town.example.org/city/2024/05/04/town-hall-clock-restored", page, "text/html")
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Related) != maxRelated {
		t.Errorf("%d related stories, want %d: %v", len(a.Related), maxRelated, a.Related)
	}
	want := []string{"Night buses return to the old town", "Harbour cranes painted for the festival",
		"Bridge tolls frozen for another year", "New cycle lanes along the river open", "school meals go organic next term", "Museum opens its stores to visitors"}
	for i, w := range want {
		if i < len(a.Related) && a.Related[i].Title != w {
			t.Errorf("related[%d] title %q, want %q", i, a.Related[i].Title, w)
		}
	}
	for _, l := range a.Related {
		if strings.Contains(l.URL, "/tag/") || strings.Contains(l.URL, "/opinion/") || strings.Contains(l.URL, "/sport/") ||
			strings.Contains(l.URL, "lost-dog") {
			t.Errorf("not a related story: %v", l)
		}
	}
	if !strings.Contains(bodyText(a), "wound by hand") {
		t.Errorf("body lost: %s", bodyText(a))
	}
}

// TestCleanTitle checks the removal of dates and section names around
// teaser headlines, and that a colon inside a headline stays.
func TestCleanTitle(t *testing.T) {
	u, _ := url.Parse("https://news.example.org/world-news/2024/05/04/x")
	tests := []struct{ in, want string }{
		{"World News | Floods in the north", "Floods in the north"},
		{"Floods in the north Oct 17, 2014", "Floods in the north"},
		{"Floods in the north - 17.10.2014", "Floods in the north"},
		{"3 hours ago: Floods in the north", "Floods in the north"},
		{"Floods in the north 20 hours ago", "Floods in the north"},
		{"Economy: Floods raise food prices", "Floods raise food prices"}, // the page's section
		{"Hong Kong protests: students under siege", "Hong Kong protests: students under siege"},
		{"» Floods in the north", "Floods in the north"},
		{"2024 budget passes", "2024 budget passes"},
	}
	for _, tt := range tests {
		if got := cleanTitle(tt.in, u, "Economy"); got != tt.want {
			t.Errorf("cleanTitle(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
