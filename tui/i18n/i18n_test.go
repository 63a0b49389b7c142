package i18n_test

import (
	"testing"

	"github.com/akhbar/akhbar/tui/i18n"
)

func TestParse(t *testing.T) {
	tests := []struct {
		in      string
		want    i18n.Lang
		wantErr bool
	}{
		{"en", i18n.EN, false},
		{"ar", i18n.AR, false},
		{"FA", i18n.FA, false},
		{" he ", i18n.HE, false},
		{"auto", "", true},
		{"iw", "", true},
		{"ar_EG", "", true},
		{"", "", true},
	}
	for _, tt := range tests {
		got, err := i18n.Parse(tt.in)
		if (err != nil) != tt.wantErr || got != tt.want {
			t.Errorf("Parse(%q) = %q, %v; want %q, error %v", tt.in, got, err, tt.want, tt.wantErr)
		}
	}
}

func TestFromEnv(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		want i18n.Lang
	}{
		{"nothing set", nil, i18n.EN},
		{"LANG Arabic", map[string]string{"LANG": "ar_EG.UTF-8"}, i18n.AR},
		{"LANG Persian", map[string]string{"LANG": "fa_IR"}, i18n.FA},
		{"LANG Dari", map[string]string{"LANG": "fa_AF.UTF-8"}, i18n.FA},
		{"LANG Hebrew", map[string]string{"LANG": "he_IL.UTF-8"}, i18n.HE},
		{"old Hebrew code", map[string]string{"LANG": "iw"}, i18n.HE},
		{"old Hebrew with territory", map[string]string{"LANG": "iw_IL"}, i18n.HE},
		{"modifier", map[string]string{"LANG": "ar@latin"}, i18n.AR},
		{"bare code", map[string]string{"LANG": "ar"}, i18n.AR},
		{"upper case", map[string]string{"LANG": "AR_SA"}, i18n.AR},
		{"C", map[string]string{"LANG": "C"}, i18n.EN},
		{"C.UTF-8", map[string]string{"LANG": "C.UTF-8"}, i18n.EN},
		{"POSIX", map[string]string{"LANG": "POSIX"}, i18n.EN},
		{"other language", map[string]string{"LANG": "de_DE.UTF-8"}, i18n.EN},
		{"Urdu is not in the catalogue", map[string]string{"LANG": "ur_PK"}, i18n.EN},
		{"LC_MESSAGES beats LANG", map[string]string{"LC_MESSAGES": "he_IL", "LANG": "ar_EG"}, i18n.HE},
		{"LC_ALL beats both", map[string]string{"LC_ALL": "fa_IR", "LC_MESSAGES": "he_IL", "LANG": "ar_EG"}, i18n.FA},
		{"empty LC_ALL is unset", map[string]string{"LC_ALL": "", "LC_MESSAGES": "he_IL"}, i18n.HE},
		{"LC_ALL C beats Arabic LANG", map[string]string{"LC_ALL": "C", "LANG": "ar_EG"}, i18n.EN},
		{"other categories ignored", map[string]string{"LC_CTYPE": "ar_EG", "LC_TIME": "fa_IR"}, i18n.EN},
	}
	for _, tt := range tests {
		getenv := func(k string) string { return tt.env[k] }
		if got := i18n.FromEnv(getenv); got != tt.want {
			t.Errorf("%s: FromEnv = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestLangProperties(t *testing.T) {
	tests := []struct {
		lang   i18n.Lang
		rtl    bool
		digits i18n.Digits
	}{
		{i18n.EN, false, i18n.Latin},
		{i18n.AR, true, i18n.ArabicIndic},
		{i18n.FA, true, i18n.Persian},
		{i18n.HE, true, i18n.Latin},
		{"xx", false, i18n.Latin},
	}
	for _, tt := range tests {
		if got := tt.lang.RTL(); got != tt.rtl {
			t.Errorf("%q.RTL() = %v, want %v", tt.lang, got, tt.rtl)
		}
		if got := tt.lang.DefaultDigits(); got != tt.digits {
			t.Errorf("%q.DefaultDigits() = %v, want %v", tt.lang, got, tt.digits)
		}
	}
}

func TestNewUnknownLanguageIsEnglish(t *testing.T) {
	c := i18n.New("xx", i18n.Latin)
	if c.Lang() != i18n.EN {
		t.Errorf("New(xx).Lang() = %q, want en", c.Lang())
	}
	if got := c.T(i18n.MsgAll); got != "All" {
		t.Errorf("New(xx).T(MsgAll) = %q, want All", got)
	}
}
