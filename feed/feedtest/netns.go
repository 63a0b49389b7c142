package feedtest

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// PublicIP is the address InNetNS puts on the namespace's loopback
// interface. It is in 198.18.0.0/15 (the benchmarking range), which the
// address policy counts as public, so a server there plays a host on the
// internet without any packet leaving the namespace.
const PublicIP = "198.18.0.1"

// netnsEnv marks the copy of a test that runs inside the namespace.
const netnsEnv = "AKHBAR_TEST_IN_NETNS"

// InNetNS runs the calling top-level test again in a new network and
// mount namespace that has only a loopback interface, with 127.0.0.1 and
// PublicIP on it and hosts as its /etc/hosts. In that copy it returns
// true and the test body runs there; in the original it waits for the
// copy, fails when it failed, and returns false. It skips, saying why,
// when not running as root or when unshare, ip or mount are missing.
func InNetNS(t *testing.T, hosts string) bool {
	t.Helper()
	if os.Getenv(netnsEnv) == "1" {
		return true
	}
	if os.Geteuid() != 0 {
		t.Skip("needs root to make a network namespace with a public-looking address")
	}
	for _, tool := range []string{"unshare", "ip", "mount"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("needs %s to make a network namespace: %v", tool, err)
		}
	}
	hostsFile := filepath.Join(t.TempDir(), "hosts")
	if err := os.WriteFile(hostsFile, []byte(hosts), 0o644); err != nil {
		t.Fatal(err)
	}
	const script = `ip link set lo up && ip addr add ` + PublicIP + `/32 dev lo && mount --bind "$1" /etc/hosts && shift && exec "$@"`
	cmd := exec.Command("unshare", "--net", "--mount", "sh", "-c", script, "sh", hostsFile,
		os.Args[0], "-test.run=^"+t.Name()+"$", "-test.v", "-test.count=1")
	cmd.Env = append(os.Environ(), netnsEnv+"=1")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("in a network namespace: %v\n%s", err, out)
	}
	t.Logf("in a network namespace:\n%s", out)
	return false
}
