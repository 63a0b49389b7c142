package remote_test

import (
	"context"
	"errors"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"

	"github.com/akhbar/akhbar/feed"
	"github.com/akhbar/akhbar/feed/cache"
	"github.com/akhbar/akhbar/feed/remote"
)

// TestOpenRefusesClearText: an account on an http:// server that is not
// this machine is refused when its engine opens, before its secret is
// asked for, unless the user allowed insecure HTTP; https, localhost and
// loopback addresses are fine. This holds whatever way the account came
// into the cache (config.toml, an older akhbar), not only through
// `account add`.
func TestOpenRefusesClearText(t *testing.T) {
	st, err := cache.Open(filepath.Join(t.TempDir(), "cache.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	tests := []struct {
		url     string
		allowed bool
		refused bool
	}{
		{"http://192.0.2.10/", false, true},
		{"http://rss.example.com/api/greader.php", false, true},
		{"http://[::ffff:10.0.0.1]:8080/", false, true},
		{"http://127.0.0.2:8080/", false, false},
		{"http://[::1]/", false, false},
		{"http://localhost:8080/", false, false},
		{"http://rss.localhost/", false, false},
		{"https://192.0.2.10/", false, false},
		{"http://192.0.2.10/", true, false},
	}
	for _, kind := range []feed.AccountKind{feed.KindMiniflux, feed.KindGReader} {
		for _, tt := range tests {
			asked := filepath.Join(t.TempDir(), "asked")
			cred := feed.Credential{Kind: feed.SecretToken, Command: []string{"sh", "-c", `touch "$0"; echo token`, asked}, InsecureHTTP: tt.allowed}
			_, err := remote.Open(context.Background(), feed.Account{ID: 7, Kind: kind, URL: tt.url, Credential: cred}, st, nil)
			_, statErr := os.Stat(asked)
			switch {
			case tt.refused && !errors.Is(err, feed.ErrClearText):
				t.Errorf("%s %s: open: %v, want ErrClearText", kind, tt.url, err)
			case tt.refused && statErr == nil:
				t.Errorf("%s %s: the secret was asked for before the refusal", kind, tt.url)
			case !tt.refused && err != nil:
				t.Errorf("%s %s (insecure HTTP allowed: %v): open: %v", kind, tt.url, tt.allowed, err)
			}
		}
	}
}

// TestSyncRefusesClearTextServer: an account stored for a server on this
// machine's non-loopback address over http:// never syncs (the server
// gets no request) until the user allows insecure HTTP for it.
func TestSyncRefusesClearTextServer(t *testing.T) {
	ip := nonLoopbackIP(t)
	ln, err := net.Listen("tcp", net.JoinHostPort(ip, "0"))
	if err != nil {
		t.Skipf("cannot listen on %s: %v", ip, err)
	}
	var hits atomic.Int32
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		hits.Add(1)
		http.Error(w, "no", http.StatusUnauthorized)
	})}
	go srv.Serve(ln)
	t.Cleanup(func() { srv.Close() })

	ctx := context.Background()
	st, err := cache.Open(filepath.Join(t.TempDir(), "cache.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	t.Setenv("AKHBAR_TEST_CLEAR_TOKEN", "token")
	a, err := st.SaveAccount(ctx, feed.Account{Kind: feed.KindMiniflux, URL: "http://" + ln.Addr().String() + "/",
		Credential: feed.Credential{Kind: feed.SecretToken, Env: "AKHBAR_TEST_CLEAR_TOKEN"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := remote.Open(ctx, a, st, nil); !errors.Is(err, feed.ErrClearText) {
		t.Fatalf("open: %v, want ErrClearText", err)
	}
	if n := hits.Load(); n != 0 {
		t.Fatalf("the server got %d request(s)", n)
	}

	a.Credential.InsecureHTTP = true
	if a, err = st.SaveAccount(ctx, a); err != nil {
		t.Fatal(err)
	}
	stored, err := st.Accounts(ctx)
	if err != nil || len(stored) != 1 || !stored[0].Credential.InsecureHTTP {
		t.Fatalf("accounts %+v, %v: want the allowance stored", stored, err)
	}
	e, err := remote.Open(ctx, stored[0], st, nil)
	if err != nil {
		t.Fatalf("open with insecure HTTP allowed: %v", err)
	}
	if _, err := e.Sync(ctx); err == nil {
		t.Error("sync against a server that answers 401 succeeded")
	}
	if hits.Load() == 0 {
		t.Error("with insecure HTTP allowed, the server was not asked")
	}
}

// nonLoopbackIP returns an IPv4 address of this machine that is not a
// loopback address, or skips the test.
func nonLoopbackIP(t *testing.T) string {
	t.Helper()
	addrs, err := net.InterfaceAddrs()
	if err != nil {
		t.Skipf("interface addresses: %v", err)
	}
	for _, a := range addrs {
		if n, ok := a.(*net.IPNet); ok && n.IP.To4() != nil && !n.IP.IsLoopback() {
			return n.IP.String()
		}
	}
	t.Skip("no non-loopback interface address to play a remote server on")
	return ""
}
