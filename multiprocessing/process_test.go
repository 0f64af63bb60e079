// Claim M1: processes are started and joined; claim F6: a child that fails
// or crashes is reported to the parent, which carries on.
//
//	go test -run 'TestStart' ./multiprocessing/

package multiprocessing_test

import (
	"bufio"
	"context"
	"net"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/internal/child"
	"github.com/concurrency-atlas/atlas/internal/scene"
	"github.com/concurrency-atlas/atlas/multiprocessing"
	"github.com/concurrency-atlas/atlas/multiprocessing/internal/testfuncs"
)

func TestStartJoinThreeProcesses(t *testing.T) {
	var procs []*multiprocessing.Process
	for range 3 {
		p, err := multiprocessing.Start(t.Context(), "test/pid", nil)
		require.NoError(t, err)
		procs = append(procs, p)
	}
	seen := map[int]bool{os.Getpid(): true}
	for _, p := range procs {
		res, err := p.Join()
		require.NoError(t, err)
		assert.Equal(t, 0, res.ExitCode)
		assert.Equal(t, p.PID(), res.PID)
		assert.Equal(t, p.PID(), testfuncs.MustAtoi(t, res.Stdout), "the child reports its own pid")
		assert.False(t, seen[res.PID], "pid %d is not a new process", res.PID)
		seen[res.PID] = true
		assert.False(t, child.Alive(res.PID), "joined process %d still exists", res.PID)
	}
}

func TestStartReportsHowAProcessEnded(t *testing.T) {
	for _, tc := range []struct {
		fn       string
		exitCode int
		exit     string
		stderr   string
	}{
		{"test/fail", 1, "exit status 1", "refusing x\n"},
		{"test/panic", 2, "exit status 2", "panic: boom: x"},
		{"test/no-such-function", 3, "exit status 3", `pool: unknown function: "test/no-such-function"`},
	} {
		t.Run(tc.fn, func(t *testing.T) {
			p, err := multiprocessing.Start(t.Context(), tc.fn, []byte("x"))
			require.NoError(t, err)
			res, err := p.Join()
			require.NoError(t, err, "a failing child is a result, not an error")
			assert.Equal(t, tc.exitCode, res.ExitCode)
			assert.Equal(t, tc.exit, res.Exit)
			assert.Contains(t, res.Stderr, tc.stderr)
			assert.Empty(t, res.Stdout)
		})
	}
}

func TestStartCancelledContextKillsTheProcess(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer ln.Close()
	ctx, cancel := context.WithCancel(t.Context())
	p, err := multiprocessing.Start(ctx, "test/report-and-block", []byte(ln.Addr().String()))
	require.NoError(t, err)
	conn, err := ln.Accept()
	require.NoError(t, err)
	defer conn.Close()
	_, err = bufio.NewReader(conn).ReadString('\n') // it is running
	require.NoError(t, err)

	cancel()
	res, err := p.Join()
	require.NoError(t, err)
	assert.Equal(t, -1, res.ExitCode)
	assert.Equal(t, "signal: killed", res.Exit)
	assert.False(t, child.Alive(res.PID))
}

// A program that forgets ServeIfWorker runs its own main again in every
// process it starts. The child exits normally, so only Join's error can
// tell that it never ran the function (testdata/programs/unservedstart at
// the module root).
func TestStartNoticesAMissingServeIfWorker(t *testing.T) {
	res := scene.Program(t, "testdata/programs/unservedstart")
	require.Equal(t, 0, res.ExitCode, res)
	assert.Equal(t, "Join: pool: executable did not call ServeIfWorker\n"+
		"child: exit status 0, stdout \"main ran again in the child: "+
		"pool: executable did not call ServeIfWorker\\n\"\n", res.Stdout, res)
}
