package fetch

import (
	"context"
	"net"
	"testing"
	"time"

	"github.com/akhbar/akhbar/feed/feedtest"
)

func TestIsUnreachable(t *testing.T) {
	// A port nothing listens on: take one, then close it.
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + l.Addr().String() + "/feed.xml"
	if err := l.Close(); err != nil {
		t.Fatal(err)
	}
	c := New(Options{Timeout: 5 * time.Second})
	ctx := context.Background()

	_, err = c.Get(ctx, Request{URL: closed, AllowPrivate: true})
	if !IsUnreachable(err) {
		t.Errorf("connection refused: IsUnreachable(%v) = false", err)
	}
	// A name that does not resolve (built here: tests never ask a real DNS).
	if dns := (&Error{URL: "http://x.invalid/", Err: &net.DNSError{Err: "no such host", Name: "x.invalid", IsNotFound: true}}); !IsUnreachable(dns) {
		t.Errorf("unknown host: IsUnreachable(%v) = false", dns)
	}
	_, err = c.Get(ctx, Request{URL: closed})
	if IsUnreachable(err) {
		t.Errorf("address policy: IsUnreachable(%v) = true", err)
	}
	srv := feedtest.NewServer(t)
	srv.Handle("/gone", feedtest.Route{Status: 404})
	_, err = c.Get(ctx, Request{URL: srv.URL("/gone"), AllowPrivate: true})
	if err == nil || IsUnreachable(err) {
		t.Errorf("404: IsUnreachable(%v) = true", err)
	}
	if IsUnreachable(nil) {
		t.Error("IsUnreachable(nil) = true")
	}
}
