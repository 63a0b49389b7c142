// Package demo is akhbar's demo edition: a few feeds and article pages,
// written for the project and embedded in the binary, served on a
// loopback port so that the real pipeline — fetch, parse, extract, cache,
// render, related — runs with no network.
//
// The edition is rendered once when the server starts: every link points
// at the server's own address and every date is an offset before the
// start time, so the demo always looks fresh, and each document keeps one
// ETag and Last-Modified for the life of the server.
package demo

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"
)

// Feed is one feed of the demo edition.
type Feed struct {
	URL   string // absolute, on the demo server
	Title string
	Lang  string // BCP 47 tag: ar, fa, he, en
}

// Server serves the demo edition on 127.0.0.1 on a free port until Close.
type Server struct {
	base  string
	feeds []Feed
	srv   *http.Server
	done  chan struct{} // closed when Serve has returned
	err   error         // what Serve returned; read only after done
}

// Start renders the embedded edition for the current time and serves it
// on 127.0.0.1 on a port chosen by the system. It fails when no loopback
// port can be bound or an embedded template is broken.
func Start() (*Server, error) {
	return start(time.Now())
}

// start is Start with the edition's clock given: dates are offsets
// before now.
func start(now time.Time) (*Server, error) {
	ed, err := loadEdition()
	if err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("demo: listen on loopback: %w", err)
	}
	base := "http://" + ln.Addr().String()
	site, err := ed.render(base, now)
	if err != nil {
		return nil, errors.Join(fmt.Errorf("demo: %w", err), ln.Close())
	}
	s := &Server{
		base:  base,
		feeds: ed.feeds(base),
		srv:   &http.Server{Handler: site, ReadHeaderTimeout: 10 * time.Second},
		done:  make(chan struct{}),
	}
	go func() {
		s.err = s.srv.Serve(ln)
		close(s.done)
	}()
	return s, nil
}

// URL returns the server's base URL, http://127.0.0.1:PORT, without a
// trailing slash.
func (s *Server) URL() string { return s.base }

// Feeds returns the demo feeds, in the order a new reader should see them.
func (s *Server) Feeds() []Feed {
	return append([]Feed(nil), s.feeds...)
}

// Close stops the server at once, dropping open connections, and waits
// until it no longer serves. It returns the error that stopped serving,
// if that was anything but Close itself. Closing again does nothing.
func (s *Server) Close() error {
	err := s.srv.Close()
	<-s.done
	if !errors.Is(s.err, http.ErrServerClosed) {
		err = errors.Join(err, s.err)
	}
	if err != nil {
		return fmt.Errorf("demo: close: %w", err)
	}
	return nil
}
