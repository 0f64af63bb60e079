package scene

import (
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/internal/child"
)

func init() {
	Register("exit-7", func() {
		fmt.Println("to stdout")
		fmt.Fprintln(os.Stderr, "to stderr")
		os.Exit(7)
	})
	Register("returns", func() { fmt.Print("done") })
	Register("print-env", func() {
		fmt.Printf("%s|%s|%s", os.Getenv("GOMAXPROCS"), os.Getenv("GODEBUG"), os.Getenv("ATLAS_EXTRA"))
	})
	Register("hang", func() {
		fmt.Println("hanging")
		time.Sleep(time.Hour)
	})
	Register("hang-with-grandchild", func() {
		// A grandchild that would outlive a careless parent.
		cmd := exec.Command("sleep", "3600")
		if err := cmd.Start(); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Println(cmd.Process.Pid)
		time.Sleep(time.Hour)
	})
	Register("panics", func() { panic("boom") })
}

func TestMain(m *testing.M) { Main(m) }

func TestExitStatusAndOutputAreCaptured(t *testing.T) {
	res := Run(t, "exit-7")
	assert.Equal(t, 7, res.ExitCode)
	assert.Equal(t, "to stdout\n", res.Stdout)
	assert.Equal(t, "to stderr\n", res.Stderr)
	assert.False(t, res.TimedOut)
}

func TestSceneThatReturnsExitsZero(t *testing.T) {
	res := Run(t, "returns")
	assert.Equal(t, 0, res.ExitCode, res)
	assert.Equal(t, "done", res.Stdout)
}

func TestUnhandledPanicIsReported(t *testing.T) {
	res := Run(t, "panics")
	assert.Equal(t, 2, res.ExitCode)
	assert.Contains(t, res.Stderr, "panic: boom")
}

func TestEnvironmentReachesChild(t *testing.T) {
	res := Run(t, "print-env",
		Env("GOMAXPROCS=1", "GODEBUG=asyncpreemptoff=1", "ATLAS_EXTRA=x"))
	require.Equal(t, 0, res.ExitCode, res)
	assert.Equal(t, "1|asyncpreemptoff=1|x", res.Stdout)
}

func TestUnknownSceneIsAnError(t *testing.T) {
	res := Run(t, "no-such-scene")
	assert.Equal(t, 3, res.ExitCode)
	assert.Contains(t, res.Stderr, `no entry point named "scene/no-such-scene"`)
}

func TestHungChildIsKilledAtDeadline(t *testing.T) {
	res := Run(t, "hang", Timeout(300*time.Millisecond))
	assert.True(t, res.TimedOut, res)
	assert.Equal(t, -1, res.ExitCode)
	assert.Equal(t, "killed", res.Signal)
	assert.Equal(t, "hanging\n", res.Stdout, "output up to the kill is kept")
}

func TestNothingOutlivesTheScene(t *testing.T) {
	res := Run(t, "hang-with-grandchild", Timeout(500*time.Millisecond))
	require.True(t, res.TimedOut, res)
	pid, err := strconv.Atoi(strings.TrimSpace(res.Stdout))
	require.NoError(t, err, res)
	assert.False(t, child.Alive(pid), "grandchild %d still running", pid)
}

func TestRegisterRejectsDuplicatesAndEmptyNames(t *testing.T) {
	assert.PanicsWithValue(t, "child: scene/returns registered twice", func() { Register("returns", func() {}) })
	assert.Panics(t, func() { Register("", func() {}) })
	assert.Panics(t, func() { Register("x", nil) })
	assert.Contains(t, child.Entries(), "scene/hang")
}

func TestProgramIsBuiltWithoutCgoAndRun(t *testing.T) {
	res := Program(t, "testdata/programs/exit3")
	assert.Equal(t, 3, res.ExitCode, res)
	assert.Equal(t, "plain program\n", res.Stdout)
}

// failureRecorder stands in for a test, to see what a failed one logs.
type failureRecorder struct {
	testing.TB
	cleanups []func()
	failed   bool
	logs     []string
}

func (r *failureRecorder) Cleanup(f func()) { r.cleanups = append(r.cleanups, f) }
func (r *failureRecorder) Failed() bool     { return r.failed }
func (r *failureRecorder) Logf(format string, a ...any) {
	r.logs = append(r.logs, fmt.Sprintf(format, a...))
}

func TestAFailedTestLogsWhatTheChildDid(t *testing.T) {
	res := Result{Name: "x", ExitCode: 7, Stdout: "to stdout\n", Stderr: "to stderr\n"}
	for _, failed := range []bool{false, true} {
		rec := &failureRecorder{TB: t, failed: failed}
		logOnFailure(rec, res)
		for _, f := range rec.cleanups {
			f()
		}
		if !failed {
			assert.Empty(t, rec.logs, "a passing test stays quiet")
			continue
		}
		require.Len(t, rec.logs, 1)
		assert.Contains(t, rec.logs[0], "exit=7")
		assert.Contains(t, rec.logs[0], "--- stdout\nto stdout\n--- stderr\nto stderr\n")
	}
}
