package scene

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"
)

// envKey names the scene a re-executed test binary must run.
const envKey = "ATLAS_SCENE"

var (
	mu     sync.Mutex
	scenes = map[string]func(){}
)

// Register adds a scene under name. It panics on an empty or reused name:
// both are programming errors that would otherwise run the wrong child.
func Register(name string, fn func()) {
	mu.Lock()
	defer mu.Unlock()
	if name == "" || fn == nil {
		panic("scene: Register needs a name and a function")
	}
	if _, dup := scenes[name]; dup {
		panic("scene: " + name + " registered twice")
	}
	scenes[name] = fn
}

// Names lists the registered scenes in order.
func Names() []string {
	mu.Lock()
	defer mu.Unlock()
	names := make([]string, 0, len(scenes))
	for n := range scenes {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Main runs the requested scene and exits when the process was started by
// Run; otherwise it returns at once. Call it first in TestMain.
//
// A scene that returns normally exits with status 0. An unknown name exits
// with status 3 and says so on stderr, so a typo cannot pass for a scene
// that printed nothing.
func Main() {
	name, ok := os.LookupEnv(envKey)
	if !ok {
		return
	}
	mu.Lock()
	fn := scenes[name]
	mu.Unlock()
	if fn == nil {
		fmt.Fprintf(os.Stderr, "scene: no scene named %q in this binary\n", name)
		os.Exit(3)
	}
	fn()
	os.Exit(0)
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
	// tests instead of recursing into this one.
	// A race-built child would otherwise sleep a second before exiting;
	// an Env option that sets GORACE replaces this whole value.
	return start(ctx, name, exe, []string{"-test.run=^$", "-test.bench=^$"},
		[]string{envKey + "=" + name, "GORACE=atexit_sleep_ms=0"}, opts...)
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
	cmd.Env = append(childEnv(os.Environ()), env...)
	cmd.Env = append(cmd.Env, cfg.env...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	isolate(cmd)
	cmd.Cancel = func() error { return killGroup(cmd) }
	cmd.WaitDelay = 5 * time.Second

	// Linux sends the parent-death signal when the *thread* that forked the
	// child exits, and Go may retire a thread that a goroutine left locked.
	// Holding this thread until the child is reaped keeps that from
	// killing a healthy child.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	if err := cmd.Start(); err != nil {
		return Result{}, err
	}
	err := cmd.Wait()
	// Whatever the child started in its group goes with it. SIGKILL is
	// delivered asynchronously, so wait until the group is really gone:
	// a caller that checks pids next must not see a dying process.
	_ = killGroup(cmd)
	waitGroupGone(cmd, 5*time.Second)

	res := Result{Name: name, Stdout: stdout.String(), Stderr: stderr.String()}
	res.TimedOut = ctx.Err() == context.DeadlineExceeded
	res.ExitCode = cmd.ProcessState.ExitCode()
	res.Signal = signalOf(cmd.ProcessState)
	if err != nil {
		if _, isExit := err.(*exec.ExitError); !isExit && !res.TimedOut && ctx.Err() == nil {
			return res, err
		}
	}
	return res, nil
}

// childEnv drops any inherited scene marker and test-only variables that
// would change what the child does.
func childEnv(env []string) []string {
	out := env[:0:0]
	for _, kv := range env {
		if strings.HasPrefix(kv, envKey+"=") {
			continue
		}
		out = append(out, kv)
	}
	return out
}
