package synctest

import (
	"context"
	"fmt"
	"net/http"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// minifluxTool is the Go tool dependency that builds Miniflux. It is pinned in
// the tools module (internal/tools/go.mod), not in akhbar's own go.mod, so
// that Miniflux's dependencies do not take part in akhbar's version selection.
const minifluxTool = "miniflux.app/v2"

// findMiniflux builds Miniflux from the module proxy (pinned in the tools
// module) and returns the path of the binary in the Go build cache.
func findMiniflux() (string, error) {
	// go test puts its own GOROOT/bin first on the PATH of the tests.
	gobin, err := exec.LookPath("go")
	if err != nil {
		return "", fmt.Errorf("find go: %w", err)
	}
	// Tests run in their package's folder, inside akhbar's module.
	gomod, err := exec.Command(gobin, "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	root := filepath.Dir(strings.TrimSpace(string(gomod)))
	cmd := exec.Command(gobin, "tool", "-n", minifluxTool)
	cmd.Dir = filepath.Join(root, "internal", "tools")
	out, err := cmd.Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			return "", fmt.Errorf("go tool -n %s in %s: %w: %s", minifluxTool, cmd.Dir, err, ee.Stderr)
		}
		return "", fmt.Errorf("go tool -n %s in %s: %w", minifluxTool, cmd.Dir, err)
	}
	return strings.TrimSpace(string(out)), nil
}

// miniflux is one Miniflux process and what it needs to be restarted.
type miniflux struct {
	bin  string
	log  string
	env  []string
	url  string
	proc *proc
}

// minifluxEnv is Miniflux's configuration: the given database, loopback
// only, migrations and the admin user created at start, fetching of
// loopback feeds allowed (the fixture server), no background scheduler
// (tests refresh feeds explicitly) and few workers.
func minifluxEnv(dbURL string, port int, admin, password string) []string {
	addr := "127.0.0.1:" + strconv.Itoa(port)
	return []string{
		"PATH=/usr/bin:/bin",
		"DATABASE_URL=" + dbURL,
		"DATABASE_MAX_CONNS=8",
		"DATABASE_MIN_CONNS=1",
		"LISTEN_ADDR=" + addr,
		"BASE_URL=http://" + addr,
		"RUN_MIGRATIONS=1",
		"CREATE_ADMIN=1",
		"ADMIN_USERNAME=" + admin,
		"ADMIN_PASSWORD=" + password,
		"FETCHER_ALLOW_PRIVATE_NETWORKS=1",
		"DISABLE_SCHEDULER_SERVICE=1",
		"WORKER_POOL_SIZE=2",
		"POLLING_PARSING_ERROR_LIMIT=0",
		"LOG_LEVEL=info",
	}
}

// start runs Miniflux and waits until /healthcheck answers 200.
func (m *miniflux) start() error {
	p, err := (*runAs)(nil).start(m.log, m.env, m.bin)
	if err != nil {
		return err
	}
	m.proc = p
	if err := waitHealthy(m.url, p, 60*time.Second); err != nil {
		m.stop()
		return err
	}
	return nil
}

// stop shuts Miniflux down (SIGTERM, then kill).
func (m *miniflux) stop() {
	if m.proc != nil {
		m.proc.stop(syscall.SIGTERM, 10*time.Second)
	}
}

// waitHealthy polls url/healthcheck until it answers 200, the process
// exits, or limit passes.
func waitHealthy(url string, p *proc, limit time.Duration) error {
	ctx, cancel := context.WithTimeout(context.Background(), limit)
	defer cancel()
	for {
		if ok, err := healthy(ctx, url); ok {
			return nil
		} else if p.exited() {
			return fmt.Errorf("miniflux exited: %v: %s", p.err, p.tail(3000))
		} else if ctx.Err() != nil {
			return fmt.Errorf("miniflux not healthy after %v (%v): %s", limit, err, p.tail(3000))
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func healthy(ctx context.Context, url string) (bool, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url+"/healthcheck", nil)
	if err != nil {
		return false, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return false, err
	}
	if err := resp.Body.Close(); err != nil {
		return false, err
	}
	return resp.StatusCode == http.StatusOK, nil
}
