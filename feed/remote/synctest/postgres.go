package synctest

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"syscall"
	"time"
)

// postgres is a throwaway PostgreSQL cluster on a loopback port.
type postgres struct {
	bin  string // directory holding initdb, postgres, pg_isready, psql
	dir  string // data directory and socket directory live under it
	port int
	as   *runAs
	proc *proc
}

// findPostgres returns the directory of the PostgreSQL server binaries:
// $AKHBAR_PG_BIN, else the newest /usr/lib/postgresql/*/bin (Debian),
// else the directory of initdb on $PATH.
func findPostgres() (string, error) {
	if dir := os.Getenv("AKHBAR_PG_BIN"); dir != "" {
		if _, err := os.Stat(filepath.Join(dir, "postgres")); err != nil {
			return "", fmt.Errorf("find postgres: AKHBAR_PG_BIN: %w", err)
		}
		return dir, nil
	}
	dirs, err := filepath.Glob("/usr/lib/postgresql/*/bin")
	if err != nil {
		return "", fmt.Errorf("find postgres: %w", err)
	}
	sort.Slice(dirs, func(i, j int) bool { return pgVersion(dirs[i]) > pgVersion(dirs[j]) })
	for _, d := range dirs {
		if _, err := os.Stat(filepath.Join(d, "postgres")); err == nil {
			return d, nil
		}
	}
	if p, err := exec.LookPath("initdb"); err == nil {
		return filepath.Dir(p), nil
	}
	return "", errors.New("find postgres: no PostgreSQL server binaries (apt-get install postgresql)")
}

// pgVersion is the major version in /usr/lib/postgresql/<n>/bin.
func pgVersion(binDir string) int {
	n, err := strconv.Atoi(filepath.Base(filepath.Dir(binDir)))
	if err != nil {
		return 0
	}
	return n
}

// startPostgres creates a cluster in a new directory under base and
// starts it on a free loopback port, with durability off for speed.
func startPostgres(bin, base string) (*postgres, error) {
	as, err := serviceUser()
	if err != nil {
		return nil, err
	}
	pg := &postgres{bin: bin, dir: filepath.Join(base, "pg"), as: as}
	if err := os.Mkdir(pg.dir, 0o700); err != nil {
		return nil, fmt.Errorf("postgres dir: %w", err)
	}
	if err := as.chown(pg.dir); err != nil {
		return nil, fmt.Errorf("postgres dir: %w", err)
	}
	env := []string{"LANG=C.UTF-8", "LC_ALL=C.UTF-8", "PATH=/usr/bin:/bin"}
	if err := as.run(env, filepath.Join(bin, "initdb"), "-D", pg.data(), "-U", "postgres",
		"--auth=trust", "--encoding=UTF8", "--no-sync"); err != nil {
		return nil, fmt.Errorf("initdb: %w", err)
	}
	if pg.port, err = freePort(); err != nil {
		return nil, err
	}
	pg.proc, err = as.start(filepath.Join(base, "postgres.log"), env, filepath.Join(bin, "postgres"),
		"-D", pg.data(), "-k", pg.dir, "-h", "127.0.0.1", "-p", strconv.Itoa(pg.port),
		"-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
		"-c", "max_connections=40")
	if err != nil {
		return nil, err
	}
	if err := pg.waitReady(30 * time.Second); err != nil {
		pg.stop()
		return nil, err
	}
	return pg, nil
}

func (pg *postgres) data() string { return filepath.Join(pg.dir, "data") }

// URL is the DATABASE_URL of the cluster's postgres database.
func (pg *postgres) URL() string {
	return fmt.Sprintf("postgres://postgres@127.0.0.1:%d/postgres?sslmode=disable", pg.port)
}

// waitReady polls pg_isready until the server accepts connections.
func (pg *postgres) waitReady(limit time.Duration) error {
	deadline := time.Now().Add(limit)
	for {
		err := exec.Command(filepath.Join(pg.bin, "pg_isready"), "-q", "-h", "127.0.0.1", "-p", strconv.Itoa(pg.port)).Run()
		if err == nil {
			return nil
		}
		if pg.proc.exited() {
			return fmt.Errorf("postgres exited: %v: %s", pg.proc.err, pg.proc.tail(2000))
		}
		if time.Now().After(deadline) {
			return fmt.Errorf("postgres not ready after %v: %s", limit, pg.proc.tail(2000))
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// psql runs one SQL command in the postgres database.
func (pg *postgres) psql(sql string) error {
	cmd := exec.Command(filepath.Join(pg.bin, "psql"), "-X", "-q", "-v", "ON_ERROR_STOP=1",
		"-h", "127.0.0.1", "-p", strconv.Itoa(pg.port), "-U", "postgres", "-d", "postgres", "-c", sql)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("psql: %w: %s", err, out)
	}
	return nil
}

// stop shuts the server down (fast shutdown, then kill).
func (pg *postgres) stop() {
	if pg.proc != nil {
		pg.proc.stop(syscall.SIGINT, 10*time.Second)
	}
}
