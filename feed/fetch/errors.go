package fetch

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// Errors that Get wraps; test with errors.Is.
var (
	ErrTooLarge         = errors.New("body too large")
	ErrTooManyRedirects = errors.New("too many redirects")
	ErrTimeout          = errors.New("timed out")
	ErrTLS              = errors.New("TLS error")
	ErrScheme           = errors.New("unsupported URL scheme")
)

// Error is every error Get returns: the URL and what went wrong. Its text
// is "fetch URL: cause".
type Error struct {
	URL string
	Err error
}

// Error returns "fetch URL: cause".
func (e *Error) Error() string { return "fetch " + e.URL + ": " + e.Err.Error() }

// Unwrap returns the cause.
func (e *Error) Unwrap() error { return e.Err }

// maxStatusText caps the server-supplied reason phrase kept in errors.
const maxStatusText = 80

// StatusError is an HTTP response with a status other than 2xx or 304.
// Its text is the status line as the server sent it, cut to 80 bytes.
type StatusError struct {
	Code   int
	Status string // e.g. "404 Not Found", as sent by the server
	// RetryAfter is when the server asked us to come back (429 and 503),
	// zero when it did not say.
	RetryAfter time.Time
}

func newStatusError(resp *http.Response) *StatusError {
	status := resp.Status
	if len(status) > maxStatusText {
		status = strings.ToValidUTF8(status[:maxStatusText], "") + "…"
	}
	return &StatusError{
		Code:       resp.StatusCode,
		Status:     status,
		RetryAfter: parseRetryAfter(resp.Header.Get("Retry-After"), time.Now()),
	}
}

// Error returns the status line, and when to retry if the server said.
func (e *StatusError) Error() string {
	if e.RetryAfter.IsZero() {
		return e.Status
	}
	return fmt.Sprintf("%s (retry after %s)", e.Status, e.RetryAfter.UTC().Format(time.RFC3339))
}

// RetryLater reports whether the server asked to be retried later: a 429
// or 503 with a Retry-After (then RetryAfter says when).
func (e *StatusError) RetryLater() bool {
	return (e.Code == http.StatusTooManyRequests || e.Code == http.StatusServiceUnavailable) &&
		!e.RetryAfter.IsZero()
}

// wait is how long from now the server asked us to wait.
func (e *StatusError) wait(now time.Time) time.Duration {
	return max(e.RetryAfter.Sub(now), 0)
}

// wrap names the URL in err and turns transport errors into the clear,
// distinct causes callers test for: a refused address, TLS, a timeout.
func (c *Client) wrap(ctx context.Context, rawURL string, err error) error {
	if err == nil {
		return nil
	}
	var addr *AddressError
	var status *StatusError
	switch {
	case errors.As(err, &addr):
		err = addr
	case errors.As(err, &status):
		err = status
	case errors.Is(err, ErrTooLarge), errors.Is(err, ErrTooManyRedirects):
		err = unwrapURLError(err)
	case isTLS(err):
		err = fmt.Errorf("%w: %w", ErrTLS, unwrapURLError(err))
	case ctx.Err() != nil:
		err = ctx.Err() // the caller gave up: say so, not "timed out"
	case errors.Is(err, context.DeadlineExceeded):
		err = fmt.Errorf("%w after %s", ErrTimeout, c.opts.Timeout)
	default:
		err = unwrapURLError(err)
	}
	return &Error{URL: rawURL, Err: err}
}

// unwrapURLError drops net/http's "Get \"URL\": " prefix, since Error
// names the URL already.
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}

// isTLS reports whether err came from the TLS handshake or certificate
// checks.
func isTLS(err error) bool {
	var (
		verify   *tls.CertificateVerificationError
		unknown  x509.UnknownAuthorityError
		hostname x509.HostnameError
		invalid  x509.CertificateInvalidError
		record   tls.RecordHeaderError
		alert    tls.AlertError
	)
	return errors.As(err, &verify) || errors.As(err, &unknown) || errors.As(err, &hostname) ||
		errors.As(err, &invalid) || errors.As(err, &record) || errors.As(err, &alert)
}
