package scene

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/concurrency-atlas/atlas/internal/child"
)

// entryPrefix sets scenes apart from the other entry points of a binary.
const entryPrefix = "scene/"

// Register adds a scene under name. It panics on an empty or reused name:
// both are programming errors that would otherwise run the wrong child. A
// scene that returns exits with status 0.
func Register(name string, fn func()) {
	if name == "" || fn == nil {
		panic("scene: Register needs a name and a function")
	}
	child.Register(entryPrefix+name, func() int { fn(); return 0 })
}

// Main is the whole of a TestMain: in a child it runs the entry point the
// child was started for (a scene, or a pool's worker) and exits; in the
// parent it runs the tests and then fails if any goroutine was left
// running.
func Main(m *testing.M, opts ...goleak.Option) {
	child.Serve()
	goleak.VerifyTestMain(m, opts...)
}

// DefaultTimeout is how long a child may run before it is killed.
const DefaultTimeout = 30 * time.Second

// Result is what a child did.
type Result struct {
	Name     string
	ExitCode int // -1 when the child was killed by a signal
	Signal   string
	Stdout   string
	Stderr   string
	TimedOut bool // the child outlived its deadline and was killed
}

// String summarises the result for failure messages.
func (r Result) String() string {
	return fmt.Sprintf("scene %s: exit=%d signal=%q timedOut=%v\n--- stdout\n%s--- stderr\n%s",
		r.Name, r.ExitCode, r.Signal, r.TimedOut, r.Stdout, r.Stderr)
}

type config struct {
	env     []string
	timeout time.Duration
}

// Option changes how a child is run.
type Option func(*config)

// Env adds KEY=VALUE settings to the child's environment, for example
// "GOMAXPROCS=1", "GODEBUG=asyncpreemptoff=1" or "GORACE=halt_on_error=1".
func Env(kv ...string) Option { return func(c *config) { c.env = append(c.env, kv...) } }

// Timeout sets the child's deadline. A child still running then is killed
// with its whole process group and the Result says TimedOut.
func Timeout(d time.Duration) Option { return func(c *config) { c.timeout = d } }

// Run re-executes the test binary to run the named scene and waits for it.
// It fails the test only if the child could not be started; what the child
// did is in the Result for the test to assert on. If the test fails for
// any reason, the child's exit and whole output are logged, so a single
// failure in CI can be diagnosed.
func Run(t testing.TB, name string, opts ...Option) Result {
	t.Helper()
	res, err := run(t.Context(), name, opts...)
	if err != nil {
		t.Fatalf("scene %s: %v", name, err)
	}
	logOnFailure(t, res)
	return res
}

// logOnFailure logs what a child did once its test has failed.
func logOnFailure(t testing.TB, res Result) {
	t.Cleanup(func() {
		if t.Failed() {
			t.Logf("what the child did:\n%s", res)
		}
	})
}

func run(ctx context.Context, name string, opts ...Option) (Result, error) {
	exe, err := os.Executable()
	if err != nil {
		return Result{}, err
	}
	// -test.run=^$ makes a binary whose TestMain forgot scene.Main run no
	// tests instead of recursing into this one. An Env option that sets
	// GORACE replaces the harness's whole value.
	return start(ctx, name, exe, []string{"-test.run=^$", "-test.bench=^$"},
		child.Env(entryPrefix+name), opts...)
}

// start runs exe as a child under the harness's rules: its own process
// group, killed with everything it started at the deadline or when ctx
// ends, and reaped before start returns.
func start(ctx context.Context, name, exe string, args, env []string, opts ...Option) (Result, error) {
	cfg := config{timeout: DefaultTimeout}
	for _, o := range opts {
		o(&cfg)
	}
	ctx, cancel := context.WithTimeout(ctx, cfg.timeout)
	defer cancel()

	cmd := exec.CommandContext(ctx, exe, args...)
	if env == nil {
		env = os.Environ()
	}
	cmd.Env = append(env, cfg.env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	cmd.SysProcAttr = child.Attrs(true)
	cmd.Cancel = func() error { return child.KillGroup(cmd) }
	cmd.WaitDelay = 5 * time.Second

	forker := child.NewForker()
	defer forker.Stop() // after the child is reaped, below
	if err := forker.Start(cmd, -1); err != nil {
		return Result{}, err
	}
	err := cmd.Wait()
	// Whatever the child started in its group goes with it, and is gone
	// before start returns.
	_ = child.KillGroup(cmd)
	child.WaitGroupGone(cmd, 5*time.Second)

	res := Result{Name: name, Stdout: stdout.String(), Stderr: stderr.String()}
	res.TimedOut = ctx.Err() == context.DeadlineExceeded
	res.ExitCode = cmd.ProcessState.ExitCode()
	res.Signal = child.Signal(cmd.ProcessState)
	if err != nil {
		if _, isExit := err.(*exec.ExitError); !isExit && !res.TimedOut && ctx.Err() == nil {
			return res, err
		}
	}
	return res, nil
}
