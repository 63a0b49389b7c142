package feed

import "testing"

func TestSettingsApplyAndDirected(t *testing.T) {
	s := Settings{Name: "أخبار", Folder: "عربي", Dir: DirRTL}
	f := s.Apply(Feed{Title: "News", URL: "https://a/rss"})
	if f.Title != "أخبار" || f.Folder != "عربي" {
		t.Fatalf("Apply = %+v", f)
	}
	a := Article{Dir: DirLTR, Blocks: []Block{{Text: "x"}, {Text: "y", Dir: DirLTR}}}
	got := s.Directed(a)
	if got.Dir != DirRTL || got.Blocks[0].Dir != DirRTL || got.Blocks[1].Dir != DirLTR {
		t.Fatalf("Directed = %+v", got)
	}
	if a.Blocks[0].Dir != DirAuto {
		t.Fatal("Directed changed its argument")
	}
	if (Settings{}).Apply(f) != f {
		t.Fatal("zero settings changed the feed")
	}
}
