package feed

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"os/exec"
	"time"
)

// SecretKind says what a credential yields.
type SecretKind string

// Secret kinds: a password goes with Account.Username; a token (a
// Miniflux API key) stands alone.
const (
	SecretPassword SecretKind = "password"
	SecretToken    SecretKind = "token"
)

// Credential says where an account's secret comes from: the first line
// of what Command prints (config keys password_command, token_command),
// else the environment variable Env. akhbar never stores the secret.
// InsecureHTTP records that the user allowed the secret to cross the
// network in clear (see CheckClearText).
type Credential struct {
	Kind         SecretKind `json:"kind"`
	Command      []string   `json:"command,omitempty"` // argv, run without a shell
	Env          string     `json:"env,omitempty"`
	InsecureHTTP bool       `json:"insecure_http,omitempty"`
}

// commandTimeout bounds a password command (a pass or gpg prompt may
// wait for the user, but not forever).
const commandTimeout = 2 * time.Minute

// Secret gets the secret. It fails when neither source is set, the
// command fails or prints nothing, or the variable is empty. Errors never
// contain the command's output.
func (c Credential) Secret(ctx context.Context) (Secret, error) {
	switch {
	case len(c.Command) > 0:
		ctx, cancel := context.WithTimeout(ctx, commandTimeout)
		defer cancel()
		cmd := exec.CommandContext(ctx, c.Command[0], c.Command[1:]...)
		cmd.Stderr = os.Stderr // a prompt of the command reaches the user
		out, err := cmd.Output()
		if err != nil {
			return Secret{}, fmt.Errorf("%s command %s: %w", c.Kind, c.Command[0], err)
		}
		line, _, _ := bytes.Cut(out, []byte("\n"))
		line = bytes.TrimSuffix(line, []byte("\r"))
		if len(line) == 0 {
			return Secret{}, fmt.Errorf("%s command %s: printed nothing", c.Kind, c.Command[0])
		}
		return Secret{string(line)}, nil
	case c.Env != "":
		v := os.Getenv(c.Env)
		if v == "" {
			return Secret{}, fmt.Errorf("%s: environment variable %s is empty", c.Kind, c.Env)
		}
		return Secret{v}, nil
	}
	return Secret{}, errors.New("no credential: set a command or an environment variable")
}

// Secret is a password or token. It prints, logs and marshals as
// "[redacted]"; only Reveal gives the value.
type Secret struct{ s string }

const redacted = "[redacted]"

// Reveal returns the secret, for the one place that sends it.
func (s Secret) Reveal() string { return s.s }

// String returns "[redacted]".
func (s Secret) String() string { return redacted }

// Format prints "[redacted]" for every verb, %#v and %d included.
func (s Secret) Format(f fmt.State, verb rune) { fmt.Fprint(f, redacted) }

// LogValue keeps the secret out of slog output.
func (s Secret) LogValue() slog.Value { return slog.StringValue(redacted) }

// MarshalText keeps the secret out of JSON, TOML and the like.
func (s Secret) MarshalText() ([]byte, error) { return []byte(redacted), nil }

// NewSecret wraps a secret obtained some other way, such as a token a
// server handed out.
func NewSecret(s string) Secret { return Secret{s} }
