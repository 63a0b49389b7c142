package fetch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/netip"
	"strings"
	"testing"

	"github.com/akhbar/akhbar/feed/feedtest"
)

func TestNonPublic(t *testing.T) {
	tests := []struct{ addr, want string }{
		{"127.0.0.1", "loopback"},
		{"127.8.9.10", "loopback"},
		{"::1", "loopback"},
		{"::ffff:127.0.0.1", "loopback"},
		{"10.1.2.3", "private network"},
		{"172.16.0.1", "private network"},
		{"172.31.255.255", "private network"},
		{"192.168.1.1", "private network"},
		{"100.64.0.1", "private network"},
		{"fc00::1", "private network"},
		{"fd12:3456::1", "private network"},
		{"169.254.169.254", "link-local"},
		{"fe80::1", "link-local"},
		{"0.0.0.0", "unspecified"},
		{"::", "unspecified"},
		{"224.0.0.1", "multicast"},
		{"ff02::1", "multicast"},
		{"255.255.255.255", "multicast"},
		{"8.8.8.8", ""},
		{"172.32.0.1", ""},
		{"2001:4860:4860::8888", ""},
	}
	for _, tt := range tests {
		if got := nonPublic(netip.MustParseAddr(tt.addr)); got != tt.want {
			t.Errorf("nonPublic(%s) = %q, want %q", tt.addr, got, tt.want)
		}
	}
}

func TestCheckPublicMessage(t *testing.T) {
	err := checkPublic("tcp4", "169.254.169.254:80", nil)
	const want = "address 169.254.169.254 not allowed (link-local)"
	if err == nil || err.Error() != want {
		t.Errorf("checkPublic = %v, want %q", err, want)
	}
	if err := checkPublic("tcp4", "93.184.215.14:443", nil); err != nil {
		t.Errorf("public address refused: %v", err)
	}
}

func TestPolicyBlocksLoopback(t *testing.T) {
	s := feedtest.NewServer(t)
	s.Handle("/feed", feedtest.Route{Body: []byte("ok")})
	c := local(Options{})
	_, err := c.Get(context.Background(), Request{URL: s.URL("/feed")})
	var ae *AddressError
	if !errors.As(err, &ae) || ae.Reason != "loopback" {
		t.Fatalf("err = %v, want an AddressError for loopback", err)
	}
	if want := "fetch " + s.URL("/feed") + ": address 127.0.0.1 not allowed (loopback)"; err.Error() != want {
		t.Errorf("error text %q, want %q", err, want)
	}
	if s.Hits("/feed") != 0 {
		t.Errorf("the blocked request reached the server")
	}
	// The same client still reaches it when the user subscribed to it,
	// and the allowed connection is not reused by a refused request.
	if _, err := get(c, s.URL("/feed")); err != nil {
		t.Errorf("AllowPrivate: %v", err)
	}
	if _, err := c.Get(context.Background(), Request{URL: s.URL("/feed")}); !errors.As(err, &ae) {
		t.Errorf("after an allowed request: err = %v, want an AddressError", err)
	}
}

func TestIsPrivateHost(t *testing.T) {
	tests := []struct {
		host string
		want bool
	}{
		{"127.0.0.1:8080", true},
		{"localhost", true},
		{"localhost:3000", true},
		{"[::1]:80", true},
		{"[::1]", true}, // a URL host without a port
		{"10.0.0.7", true},
		{"169.254.169.254", true},
		{"8.8.8.8", false},
		{"[2001:4860:4860::8888]:443", false},
	}
	for _, tt := range tests {
		if got := IsPrivateHost(context.Background(), tt.host); got != tt.want {
			t.Errorf("IsPrivateHost(%q) = %v, want %v", tt.host, got, tt.want)
		}
	}
}

// TestMixedHostNeverReachesPrivate: a name the user typed that resolves
// to a public and a loopback address is a public name. The request never
// connects to the loopback address, even when the public one is down, and
// the response says which address answered.
func TestMixedHostNeverReachesPrivate(t *testing.T) {
	if !feedtest.InNetNS(t, "127.0.0.1 localhost\n"+feedtest.PublicIP+" mixed.test\n127.0.0.1 mixed.test\n") {
		return
	}
	private := feedtest.NewServer(t)
	private.Handle("/feed", feedtest.Route{Body: []byte("private")})
	port := strings.TrimPrefix(private.URL(""), "http://127.0.0.1:")
	mixed := "http://mixed.test:" + port + "/feed"
	c := local(Options{})

	if resp, err := get(c, mixed); err == nil {
		t.Errorf("public address down: got %q from %v, want a failure", resp.Body, resp.Addr)
	}
	ln, err := net.Listen("tcp", net.JoinHostPort(feedtest.PublicIP, port))
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { fmt.Fprint(w, "public") })}
	go srv.Serve(ln)
	defer srv.Close()
	for range 5 {
		resp, err := get(c, mixed)
		if err != nil || string(resp.Body) != "public" || resp.Addr.String() != feedtest.PublicIP || resp.Private() {
			t.Fatalf("public address up: %q from %v (private %v), %v; want the public server", resp.Body, resp.Addr, resp.Private(), err)
		}
	}
	if n := private.Hits("/feed"); n != 0 {
		t.Errorf("the loopback address of a public name was reached %d times", n)
	}
}

// TestRedirectDoesNotInheritPrivate: a request allowed to reach its own
// loopback host cannot be redirected to another private host.
func TestRedirectDoesNotInheritPrivate(t *testing.T) {
	s := feedtest.NewServer(t)
	other := strings.Replace(s.URL("/secret"), "127.0.0.1", "localhost", 1)
	s.Handle("/go", feedtest.Route{Status: http.StatusFound, Header: http.Header{"Location": {other}}})
	s.Handle("/secret", feedtest.Route{Body: []byte("secret")})
	s.Handle("/same", feedtest.Route{Status: http.StatusFound, Header: http.Header{"Location": {"/secret"}}})
	c := local(Options{})

	resp, err := get(c, s.URL("/same"))
	if err != nil || string(resp.Body) != "secret" || !resp.Private() {
		t.Fatalf("redirect on the same host: %+v, %v", resp, err)
	}
	_, err = get(c, s.URL("/go"))
	var ae *AddressError
	if !errors.As(err, &ae) {
		t.Errorf("redirect to another private host: err = %v, want an AddressError", err)
	}
	if n := s.Hits("/secret"); n != 1 {
		t.Errorf("secret fetched %d times, want 1 (the same-host redirect only)", n)
	}
}
