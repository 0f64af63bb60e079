package child_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/concurrency-atlas/atlas/internal/child"
)

func init() {
	child.Register("test/exit-5", func() int {
		fmt.Print(os.Getenv("ATLAS_TEST_SETTING"), "|", os.Getenv(child.Marker), "|", os.Getenv("GORACE"))
		return 5
	})
	child.Register("test/affinity", func() int {
		fmt.Print(child.AllowedCPUs())
		return 0
	})
}

// The package cannot use internal/scene (which is built on it), so its
// TestMain is the two lines scene.Main stands for.
func TestMain(m *testing.M) {
	child.Serve()
	goleak.VerifyTestMain(m)
}

// run starts the test binary as the child entry name, from a Forker, and
// returns what it printed and its exit status.
func run(t *testing.T, name string, cpu int, settings ...string) (string, int) {
	t.Helper()
	exe, err := os.Executable()
	require.NoError(t, err)
	cmd := exec.Command(exe, "-test.run=^$")
	cmd.Env = child.Env(name, settings...)
	cmd.SysProcAttr = child.Attrs(true)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	f := child.NewForker()
	defer f.Stop()
	require.NoError(t, f.Start(cmd, cpu))
	err = cmd.Wait()
	var exit *exec.ExitError
	if err != nil && !assert.ErrorAs(t, err, &exit) {
		return out.String(), -1
	}
	return out.String(), cmd.ProcessState.ExitCode()
}

func TestAChildRunsItsEntryPointAndExitsWithItsStatus(t *testing.T) {
	t.Setenv("GORACE", "halt_on_error=1")
	out, code := run(t, "test/exit-5", -1, "ATLAS_TEST_SETTING=on")
	assert.Equal(t, 5, code, out)
	assert.Equal(t, "on||halt_on_error=1 atexit_sleep_ms=0", out,
		"settings arrive, the marker is gone before the entry runs, and GORACE keeps the parent's options")
}

func TestAnUnknownEntryPointExitsThreeAndSaysSo(t *testing.T) {
	out, code := run(t, "test/no-such-entry", -1)
	assert.Equal(t, 3, code)
	assert.Equal(t, "child: no entry point named \"test/no-such-entry\" in this binary\n", out)
}

func TestEnvCarriesOneMarkerAndOneGORACE(t *testing.T) {
	t.Setenv(child.Marker, "inherited")
	env := child.Env("test/exit-5", "X=1")
	var markers, races []string
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, child.Marker+"="); ok {
			markers = append(markers, v)
		}
		if strings.HasPrefix(kv, "GORACE=") {
			races = append(races, kv)
		}
	}
	assert.Equal(t, []string{"test/exit-5"}, markers)
	assert.Len(t, races, 1)
	assert.Equal(t, "X=1", env[len(env)-1], "settings come last, so they win")
	assert.True(t, child.Unserved(), "a marker in this process's environment means main never served it")
}

func TestRegisterRefusesMistakes(t *testing.T) {
	assert.PanicsWithValue(t, "child: test/exit-5 registered twice", func() { child.Register("test/exit-5", func() int { return 0 }) })
	assert.Panics(t, func() { child.Register("", func() int { return 0 }) })
	assert.Panics(t, func() { child.Register("x", nil) })
	assert.True(t, slices.Contains(child.Entries(), "test/affinity"))
}

func TestAPinnedChildRunsOnOneCPU(t *testing.T) {
	cpus := child.AllowedCPUs()
	if len(cpus) == 0 {
		t.Skip("this system does not say which CPUs a process may use")
	}
	last := cpus[len(cpus)-1]
	out, code := run(t, "test/affinity", last)
	require.Equal(t, 0, code, out)
	assert.Equal(t, fmt.Sprint([]int{last}), out)
	assert.Equal(t, cpus, child.AllowedCPUs(), "the parent's own affinity is as it was")
}
