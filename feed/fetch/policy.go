package fetch

import (
	"context"
	"fmt"
	"net"
	"net/netip"
	"net/url"
	"strings"
	"syscall"
)

// AddressError is the refusal of an address by the policy: a request
// without AllowPrivate tried to connect to a loopback, private,
// link-local, unspecified or multicast address.
type AddressError struct {
	Addr   netip.Addr
	Reason string // "loopback", "private network", "link-local", …
}

// Error returns e.g. "address 10.0.0.1 not allowed (private network)".
func (e *AddressError) Error() string {
	return fmt.Sprintf("address %s not allowed (%s)", e.Addr, e.Reason)
}

// dialControl is the signature of net.Dialer.Control.
type dialControl func(network, address string, c syscall.RawConn) error

// checkPublic is the dialer Control of the public transport. It runs on
// the resolved IP of every connection — redirects and DNS answers
// included — so no name can smuggle a private address past it.
func checkPublic(network, address string, _ syscall.RawConn) error {
	ap, err := netip.ParseAddrPort(address)
	if err != nil {
		return fmt.Errorf("address policy: %w", err)
	}
	if reason := nonPublic(ap.Addr()); reason != "" {
		return &AddressError{Addr: ap.Addr().Unmap(), Reason: reason}
	}
	return nil
}

// cgnat is the shared address space of RFC 6598 (carrier-grade NAT).
var cgnat = netip.MustParsePrefix("100.64.0.0/10")

// nonPublic names why a is not a public unicast address, or returns "".
func nonPublic(a netip.Addr) string {
	a = a.Unmap()
	switch {
	case a.IsLoopback():
		return "loopback"
	case a.IsPrivate(), cgnat.Contains(a): // RFC 1918, fc00::/7
		return "private network"
	case a.IsLinkLocalUnicast(): // 169.254.0.0/16 (cloud metadata), fe80::/10
		return "link-local"
	case a.IsUnspecified():
		return "unspecified"
	case a.IsMulticast(), a == netip.AddrFrom4([4]byte{255, 255, 255, 255}):
		return "multicast"
	}
	return ""
}

// IsPrivateHost reports whether host (a name or IP, with or without a
// port) is, or resolves only to, loopback or private addresses: a name
// with any public address is public, as at dial time (see dialer). It is
// a separate lookup, so it serves only to describe a host; what a request
// may reach is decided when it connects. A name that does not resolve is
// reported as not private.
func IsPrivateHost(ctx context.Context, host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]") // "[::1]" without a port
	if a, err := netip.ParseAddr(host); err == nil {
		return nonPublic(a) != ""
	}
	if host == "localhost" {
		return true
	}
	addrs, err := net.DefaultResolver.LookupNetIP(ctx, "ip", host)
	return err == nil && len(addrs) > 0 && !anyPublic(addrs)
}

// SameHost reports whether two URLs name the same host (ignoring the
// port and case). A page on a feed's own host may be private when the
// feed's fetch was (Response.Private).
func SameHost(a, b string) bool {
	ua, err := url.Parse(a)
	if err != nil {
		return false
	}
	ub, err := url.Parse(b)
	return err == nil && ua.Hostname() != "" && strings.EqualFold(ua.Hostname(), ub.Hostname())
}
