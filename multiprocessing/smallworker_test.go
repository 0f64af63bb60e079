// Claim M4, the way out: a Go worker costs its program's whole start-up,
// so a small program that links only what the workers run starts faster.
// pool.WithProgram and StartProgram start workers from such a program
// (testdata/programs/smallworker) instead of from this test binary.
//
//	go test -run 'SmallWorker|NotAWorkerProgram' -v ./multiprocessing/
//
// You will see a pool and a one-off process answer from the small
// program's pids, and a program that never serves (true(1)) refused with
// pool.ErrNotWorker. What the start costs is bench's
// BenchmarkStartJoin/model=smallProcess against model=process.

package multiprocessing_test

import (
	"os"
	"os/exec"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/internal/scene"
	"github.com/concurrency-atlas/atlas/multiprocessing"
	"github.com/concurrency-atlas/atlas/multiprocessing/pool"
)

func TestAPoolStartsItsWorkersFromASmallWorkerProgram(t *testing.T) {
	program := scene.Build(t, "testdata/programs/smallworker")
	p, err := pool.New(t.Context(), 2, pool.WithProgram(program))
	require.NoError(t, err)
	defer p.Close()
	got, err := pool.Fib.Map(t.Context(), p, []int{20, 25})
	require.NoError(t, err)
	assert.Equal(t, []int{6765, 75025}, got)
	for _, pid := range p.PIDs() {
		if exe, err := os.Readlink("/proc/" + strconv.Itoa(pid) + "/exe"); err == nil {
			assert.Equal(t, program, exe, "worker %d runs the small program", pid)
		}
	}
	t.Logf("workers %v run %s", p.PIDs(), program)
}

func TestStartProgramRunsOneFunctionInASmallWorker(t *testing.T) {
	program := scene.Build(t, "testdata/programs/smallworker")
	proc, err := multiprocessing.StartProgram(t.Context(), program, pool.Echo, []byte("hello"))
	require.NoError(t, err)
	res, err := proc.Join()
	require.NoError(t, err)
	assert.Equal(t, 0, res.ExitCode, res.Stderr)
	assert.Equal(t, "hello", res.Stdout)
	t.Logf("process %d echoed %q", res.PID, res.Stdout)
}

func TestNotAWorkerProgramIsRefused(t *testing.T) {
	truePath, err := exec.LookPath("true")
	if err != nil {
		t.Skip("no true(1) here")
	}
	_, err = pool.New(t.Context(), 1, pool.WithProgram(truePath))
	assert.ErrorIs(t, err, pool.ErrNotWorker)
	proc, err := multiprocessing.StartProgram(t.Context(), truePath, pool.Echo, nil)
	require.NoError(t, err)
	_, err = proc.Join()
	assert.ErrorIs(t, err, pool.ErrNotWorker)
	t.Logf("true(1) as a worker: %v", err)
}

// An empty program means this executable, as it does for pool.WithProgram,
// rather than an exec error about a missing command.
func TestStartProgramWithNoProgramStartsThisExecutable(t *testing.T) {
	proc, err := multiprocessing.StartProgram(t.Context(), "", pool.Echo, []byte("here"))
	require.NoError(t, err)
	res, err := proc.Join()
	require.NoError(t, err)
	assert.Equal(t, "here", res.Stdout)
}
