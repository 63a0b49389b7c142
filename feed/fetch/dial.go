package fetch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/netip"
	"strconv"
	"strings"
	"time"
)

// privateHostKey carries, in a request's context, the one host name whose
// non-public addresses that request may connect to (see Request.AllowPrivate).
type privateHostKey struct{}

func withPrivateHost(ctx context.Context, host string) context.Context {
	return context.WithValue(ctx, privateHostKey{}, strings.ToLower(host))
}

func privateHostOf(ctx context.Context) string {
	h, _ := ctx.Value(privateHostKey{}).(string)
	return h
}

// dialer makes the connections of the private transport. A connection to
// any host other than the request's own (a redirect elsewhere) is held to
// the public policy. For the request's own host it resolves the name once
// and decides: if any address is public, only public addresses may be
// used — a name that answers with a public and a private address is a
// public name — otherwise the private ones may. The decision is enforced
// by the Control hook on the address each connection actually uses, so a
// second lookup (DNS rebinding) cannot change it.
type dialer struct {
	timeout time.Duration
}

func (d dialer) net(control dialControl) *net.Dialer {
	return &net.Dialer{Timeout: d.timeout, KeepAlive: 30 * time.Second, Control: control}
}

// DialContext is http.Transport.DialContext for the private transport.
func (d dialer) DialContext(ctx context.Context, network, addr string) (net.Conn, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, fmt.Errorf("address policy: %w", err)
	}
	if !strings.EqualFold(host, privateHostOf(ctx)) {
		return d.net(checkPublic).DialContext(ctx, network, addr)
	}
	ips, err := net.DefaultResolver.LookupNetIP(ctx, "ip", host)
	if err != nil {
		return nil, &net.OpError{Op: "dial", Net: network, Err: err}
	}
	nd := d.net(nil)
	if anyPublic(ips) {
		nd = d.net(checkPublic)
	}
	p, err := strconv.ParseUint(port, 10, 16)
	if err != nil {
		return nil, fmt.Errorf("address policy: port %q: %w", port, err)
	}
	first := errors.New("no address")
	for i, ip := range ips {
		c, err := nd.DialContext(ctx, network, netip.AddrPortFrom(ip, uint16(p)).String())
		if err == nil {
			return c, nil
		}
		if i == 0 {
			first = err
		}
	}
	return nil, first
}

// anyPublic reports whether one of ips is a public unicast address.
func anyPublic(ips []netip.Addr) bool {
	for _, a := range ips {
		if nonPublic(a) == "" {
			return true
		}
	}
	return false
}
