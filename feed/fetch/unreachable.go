package fetch

import (
	"errors"
	"net"
)

// IsUnreachable reports whether err means the network or the host could
// not be reached at all — no DNS answer, no route, connection refused —
// as when the machine is offline. A refused address, a TLS error, an HTTP
// status or a timeout after connecting are not that.
func IsUnreachable(err error) bool {
	var addr *AddressError
	if err == nil || errors.As(err, &addr) || errors.Is(err, ErrTLS) {
		return false
	}
	var dns *net.DNSError
	if errors.As(err, &dns) {
		return true
	}
	var op *net.OpError
	return errors.As(err, &op) && op.Op == "dial"
}
