package feed

import "testing"

func TestIsWebURL(t *testing.T) {
	tests := map[string]bool{
		"https://example.com/a?b=c":       true,
		"http://127.0.0.1:8080/rss":       true,
		"HTTPS://EXAMPLE.COM/":            true,
		"javascript:alert(1)":             false,
		"data:text/html,<b>x</b>":         false,
		"file:///etc/passwd":              false,
		"exec:rm -rf ~":                   false,
		"-https://example.com":            false,
		" https://example.com":            false,
		"https://example.com/\n$(id)":     false,
		"https:///nohost":                 false,
		"//example.com/protocol-relative": false,
		"":                                false,
	}
	for in, want := range tests {
		if got := IsWebURL(in); got != want {
			t.Errorf("IsWebURL(%q) = %v, want %v", in, got, want)
		}
	}
}
