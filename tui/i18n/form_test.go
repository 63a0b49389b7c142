package i18n

import "testing"

func TestFormOf(t *testing.T) {
	tests := []struct {
		lang Lang
		n    int
		want form
	}{
		{AR, 0, formZero}, {AR, 1, formOne}, {AR, 2, formTwo},
		{AR, 3, formFew}, {AR, 10, formFew}, {AR, 11, formMany},
		{AR, 99, formMany}, {AR, 100, formOther}, {AR, 101, formOther},
		{AR, 102, formOther}, {AR, 103, formFew}, {AR, 111, formMany},
		{AR, 1000, formOther}, {AR, -3, formFew},
		{HE, 0, formOther}, {HE, 1, formOne}, {HE, 2, formTwo},
		{HE, 3, formOther}, {HE, 20, formOther},
		{FA, 0, formOther}, {FA, 1, formOne}, {FA, 2, formOther},
		{EN, 0, formOther}, {EN, 1, formOne}, {EN, 2, formOther},
	}
	for _, tt := range tests {
		if got := formOf(tt.lang, tt.n); got != tt.want {
			t.Errorf("formOf(%s, %d) = %d, want %d", tt.lang, tt.n, got, tt.want)
		}
	}
}

func TestPluralPickFallsBackToOther(t *testing.T) {
	p := plural{one: "one", other: "other"}
	for f, want := range map[form]string{formZero: "other", formOne: "one", formTwo: "other", formFew: "other", formMany: "other", formOther: "other"} {
		if got := p.pick(f); got != want {
			t.Errorf("pick(%d) = %q, want %q", f, got, want)
		}
	}
}
