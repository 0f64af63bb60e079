// Claim H1, the seam itself: an event loop task awaits a call that runs in
// another process. pool's Func.On makes an executor out of a
// registered function and a pool, and eventloop.RunInExecutor takes it as
// it takes a goroutine executor; neither package imports the other.
//
//	go test -run 'TestRunInExecutorOnAProcessPool|TestPoolExecutorWithoutAPool' -v ./hybrid/
//
// You will see the loop's own pid and the different pid of the worker
// that answered, then that worker's death reach the task as a
// *pool.WorkerDiedError, and a nil pool refused by name.

package hybrid_test

import (
	"context"
	"io"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/eventloop"
	"github.com/concurrency-atlas/atlas/multiprocessing/pool"
)

// Registered at package level, so that they exist in every worker, which
// is this test binary started again.
var (
	workerPID = pool.Define("hybrid_test.pid", func(struct{}) (int, error) {
		return os.Getpid(), nil
	})
	exitWith = pool.Define("hybrid_test.exit", func(code int) (int, error) {
		os.Exit(code) // the worker dies mid-task
		return 0, nil
	})
)

// The standard check that eventloop.Executor is met, at compile time.
var _ eventloop.Executor[struct{}, int] = workerPID.On(nil)

func TestRunInExecutorOnAProcessPool(t *testing.T) {
	// One worker, so that the call that kills it is run by the worker that
	// answered the first one.
	p, err := pool.New(t.Context(), 1)
	require.NoError(t, err)
	defer func() { assert.NoError(t, p.Close()) }()

	l := eventloop.New(eventloop.Log(io.Discard))
	_, err = eventloop.Run(l, func(co *eventloop.Coro) (int, error) {
		pid, err := eventloop.RunInExecutor(co, workerPID.On(p), struct{}{})
		require.NoError(t, err)
		assert.NotEqual(t, os.Getpid(), pid, "the call ran in another process")
		assert.Contains(t, p.PIDs(), pid, "one of the pool's workers")
		t.Logf("the loop runs in process %d; the call ran in worker %d", os.Getpid(), pid)

		_, err = eventloop.RunInExecutor(co, exitWith.On(p), 3)
		var died *pool.WorkerDiedError
		require.ErrorAs(t, err, &died)
		assert.Equal(t, pid, died.PID)
		assert.Equal(t, "exit status 3", died.Exit)
		t.Logf("the task got: %v", err)
		return 0, nil
	})
	require.NoError(t, err)
	assert.Empty(t, l.Warnings())
}

func TestPoolExecutorWithoutAPoolIsANamedError(t *testing.T) {
	_, err := eventloop.Run(eventloop.New(eventloop.Log(io.Discard)), func(co *eventloop.Coro) (int, error) {
		return eventloop.RunInExecutor(co, workerPID.On(nil), struct{}{})
	})
	assert.ErrorIs(t, err, pool.ErrNilPool)
	var zero pool.PoolExecutor[struct{}, int]
	_, err = zero.Execute(context.Background(), struct{}{})
	assert.ErrorIs(t, err, pool.ErrNilPool)
	t.Logf("without a pool: %v", err)
}
