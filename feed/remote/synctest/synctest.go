// Package synctest runs a real Miniflux on a throwaway PostgreSQL for
// integration tests of akhbar's sync.
//
// Start creates a PostgreSQL cluster in a temporary directory (initdb,
// then postgres on a free loopback port; under root the server runs as
// the "postgres" or "nobody" account because PostgreSQL refuses root),
// builds Miniflux from the version pinned as a tool in the tools module
// internal/tools (go tool -n miniflux.app/v2) and runs it on another
// loopback port with an admin user. Both processes are stopped, and the directory removed,
// when the test ends; they are also killed by the kernel if the test
// binary dies first.
//
// In -short mode Start skips the test. Otherwise, when PostgreSQL or
// Miniflux cannot be found or built, that is a failure: an integration
// test must not silently vanish (see internal/testenv).
package synctest

import (
	"context"
	"crypto/rand"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/akhbar/akhbar/internal/testenv"
	"golang.org/x/crypto/bcrypt"
	"miniflux.app/v2/client"
)

// Server is a running Miniflux backed by its own PostgreSQL.
type Server struct {
	// URL is Miniflux's root, e.g. http://127.0.0.1:41234.
	URL string
	// AdminUser and AdminPassword log in as Miniflux's admin.
	AdminUser, AdminPassword string

	pg *postgres
	mf *miniflux
}

// User is a Miniflux account created for one test.
type User struct {
	ID       int64
	Name     string
	Password string
	// Client talks to Miniflux as this user (basic auth), without any
	// counting or redirect policy: for arranging test data.
	Client *client.Client
}

// Start starts PostgreSQL and Miniflux and registers their teardown with
// t. It skips or fails t as the package documentation describes.
func Start(t testing.TB) *Server {
	t.Helper()
	testenv.SkipShort(t, "runs PostgreSQL and builds Miniflux")
	pgBin, err := findPostgres()
	if err != nil {
		unavailable(t, err)
	}
	mfBin, err := findMiniflux()
	if err != nil {
		unavailable(t, err)
	}
	base, err := os.MkdirTemp("", "akhbar-synctest-")
	if err != nil {
		t.Fatalf("synctest: %v", err)
	}
	t.Cleanup(func() {
		if err := os.RemoveAll(base); err != nil {
			t.Errorf("synctest: remove %s: %v", base, err)
		}
	})
	// The PostgreSQL account must be able to reach its directory inside.
	if err := os.Chmod(base, 0o755); err != nil {
		t.Fatalf("synctest: %v", err)
	}
	s, err := start(pgBin, mfBin, base)
	if s != nil {
		t.Cleanup(func() { s.close(t) })
	}
	if err != nil {
		t.Fatalf("synctest: %v", err)
	}
	return s
}

func start(pgBin, mfBin, base string) (*Server, error) {
	s := &Server{AdminUser: "admin", AdminPassword: rand.Text()}
	var err error
	if s.pg, err = startPostgres(pgBin, base); err != nil {
		return nil, err
	}
	port, err := freePort()
	if err != nil {
		return s, err
	}
	s.URL = "http://127.0.0.1:" + strconv.Itoa(port)
	s.mf = &miniflux{
		bin: mfBin,
		log: filepath.Join(base, "miniflux.log"),
		env: minifluxEnv(s.pg.URL(), port, s.AdminUser, s.AdminPassword),
		url: s.URL,
	}
	return s, s.mf.start()
}

// close stops both servers, printing their logs first if t failed.
func (s *Server) close(t testing.TB) {
	if t.Failed() {
		if s.mf != nil && s.mf.proc != nil {
			t.Logf("miniflux log (tail):\n%s", s.mf.proc.tail(4000))
		}
		t.Logf("postgres log (tail):\n%s", s.pg.proc.tail(2000))
	}
	if s.mf != nil {
		s.mf.stop()
	}
	s.pg.stop()
}

// Stop stops Miniflux (PostgreSQL keeps running), so that requests to
// URL fail as with a server that is down.
func (s *Server) Stop() { s.mf.stop() }

// Restart starts Miniflux again on the same address and database after
// Stop, and waits until it is healthy.
func (s *Server) Restart(t testing.TB) {
	t.Helper()
	if err := s.mf.start(); err != nil {
		t.Fatalf("synctest: restart miniflux: %v", err)
	}
}

// Admin returns a client logged in as the admin user.
func (s *Server) Admin() *client.Client {
	return client.NewClient(s.URL, s.AdminUser, s.AdminPassword)
}

// NewUser creates a Miniflux user named name with a random password.
func (s *Server) NewUser(t testing.TB, name string) User {
	t.Helper()
	pw := rand.Text()
	u, err := s.Admin().CreateUserContext(context.Background(), name, pw, false)
	if err != nil {
		t.Fatalf("synctest: create user %s: %v", name, err)
	}
	return User{ID: u.ID, Name: name, Password: pw, Client: client.NewClient(s.URL, name, pw)}
}

// EnableGoogleReader turns on Miniflux's Google Reader API for the user
// with the given login and password. Miniflux only offers this in its
// web settings, so it is written to the database directly, with the
// password hashed by bcrypt as Miniflux stores it.
func (s *Server) EnableGoogleReader(t testing.TB, u User, login, password string) {
	t.Helper()
	hash, err := bcrypt.GenerateFromPassword([]byte(password), bcrypt.MinCost)
	if err != nil {
		t.Fatalf("synctest: bcrypt: %v", err)
	}
	// login comes from the test itself; hash is [./$A-Za-z0-9] only.
	sql := fmt.Sprintf(`UPDATE integrations SET googlereader_enabled = true, googlereader_username = '%s', googlereader_password = '%s' WHERE user_id = %d`,
		login, hash, u.ID)
	if err := s.pg.psql(sql); err != nil {
		t.Fatalf("synctest: enable google reader: %v", err)
	}
}

// unavailable skips t in -short mode and fails it otherwise.
func unavailable(t testing.TB, err error) {
	t.Helper()
	testenv.Unavailable(t, fmt.Errorf("synctest: %w (install postgresql)", err))
}
