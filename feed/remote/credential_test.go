package remote_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/cache"
	"github.com/akhbar/akhbar/feed/feedtest"
	"github.com/akhbar/akhbar/feed/remote/internal/engine"
	"github.com/akhbar/akhbar/feed/remote/miniflux"
)

const secretValue = "s3cret-Value"

func TestCredentialSecret(t *testing.T) {
	t.Setenv("AKHBAR_TEST_PW", secretValue)
	t.Setenv("AKHBAR_TEST_EMPTY", "")
	tests := []struct {
		name    string
		cred    feed.Credential
		wantErr bool
	}{
		{"env", feed.Credential{Kind: feed.SecretPassword, Env: "AKHBAR_TEST_PW"}, false},
		{"command first line", feed.Credential{Kind: feed.SecretToken, Command: []string{"printf", secretValue + "\nsecond line\n"}}, false},
		{"command CRLF", feed.Credential{Kind: feed.SecretToken, Command: []string{"printf", secretValue + "\r\n"}}, false},
		{"empty env", feed.Credential{Kind: feed.SecretPassword, Env: "AKHBAR_TEST_EMPTY"}, true},
		{"failing command", feed.Credential{Kind: feed.SecretPassword, Command: []string{"sh", "-c", "echo " + secretValue + "; exit 3"}}, true},
		{"silent command", feed.Credential{Kind: feed.SecretPassword, Command: []string{"true"}}, true},
		{"nothing", feed.Credential{}, true},
	}
	for _, tt := range tests {
		s, err := tt.cred.Secret(context.Background())
		if (err != nil) != tt.wantErr {
			t.Errorf("%s: err = %v, want error %v", tt.name, err, tt.wantErr)
			continue
		}
		if err != nil && strings.Contains(err.Error(), secretValue) {
			t.Errorf("%s: error %q contains the command's output", tt.name, err)
		}
		if err == nil && s.Reveal() != secretValue {
			t.Errorf("%s: secret = %q, want %q", tt.name, s.Reveal(), secretValue)
		}
	}
}

// TestSecretNeverPrinted formats, logs and marshals a secret every way a
// careless caller might.
func TestSecretNeverPrinted(t *testing.T) {
	t.Setenv("AKHBAR_TEST_PW", secretValue)
	s, err := feed.Credential{Env: "AKHBAR_TEST_PW"}.Secret(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%d"} {
		out = append(out, fmt.Sprintf(verb, s), fmt.Sprintf(verb, struct{ S feed.Secret }{s}))
	}
	js, err := json.Marshal(map[string]any{"s": s})
	if err != nil {
		t.Fatal(err)
	}
	var logged strings.Builder
	slog.New(slog.NewJSONHandler(&logged, nil)).Info("login", "secret", s)
	out = append(out, string(js), logged.String())
	for _, o := range out {
		if strings.Contains(o, secretValue) || strings.Contains(o, fmt.Sprintf("%x", secretValue)) {
			t.Errorf("secret printed: %s", o)
		}
	}
}

// TestNoCredentialsAfterRedirect points an account at a loopback server
// that redirects to another loopback server: the sync must fail with
// ErrRedirect and the second server must never see a request.
func TestNoCredentialsAfterRedirect(t *testing.T) {
	other := feedtest.NewServer(t)
	other.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "should not be here", http.StatusTeapot) })
	for _, code := range []int{http.StatusFound, http.StatusTemporaryRedirect, http.StatusPermanentRedirect} {
		for _, kind := range []feed.SecretKind{feed.SecretPassword, feed.SecretToken} {
			redirector := feedtest.NewServer(t)
			redirector.HandleFunc("/v1/feeds", func(w http.ResponseWriter, r *http.Request) {
				http.Redirect(w, r, other.URL(r.URL.Path), code)
			})
			t.Setenv("AKHBAR_TEST_PW", secretValue)
			a := feed.Account{ID: 1, Kind: feed.KindMiniflux, URL: redirector.URL(""), Username: "u",
				Credential: feed.Credential{Kind: kind, Env: "AKHBAR_TEST_PW"}}
			local, err := cache.Open(filepath.Join(t.TempDir(), "l.db"))
			if err != nil {
				t.Fatal(err)
			}
			m, err := miniflux.New(context.Background(), a, local, nil)
			if err != nil {
				t.Fatal(err)
			}
			_, err = m.Sync(context.Background())
			if !errors.Is(err, engine.ErrRedirect) {
				t.Errorf("%d %s: sync err = %v, want ErrRedirect", code, kind, err)
			}
			if n := other.Hits("/v1/feeds"); n != 0 {
				t.Errorf("%d %s: the other host got %d requests", code, kind, n)
			}
			if err := local.Close(); err != nil {
				t.Fatal(err)
			}
		}
	}
}
