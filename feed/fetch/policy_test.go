package fetch

import (
	"context"
	"errors"
	"net/netip"
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
