// Claim M5, the dispatch: a busy worker holds one more task in its pipe
// (prefetch), so it never waits for the parent between two tasks. These
// tests pin down what that must not cost: an idle worker is never passed
// over, a task waiting in a dead worker's pipe runs elsewhere, and
// cancelling a waiting task leaves the task in front of it alone.
//
//	go test -run Prefetch ./multiprocessing/pool/

package pool_test

import (
	"context"
	"os"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/internal/child"
	"github.com/concurrency-atlas/atlas/multiprocessing/internal/testfuncs"
	"github.com/concurrency-atlas/atlas/multiprocessing/pool"
)

// sentUnanswered returns a channel that receives, each time a call of name
// is handed to a worker, whether the pool had still not received a single
// answer since this was called: with a held task running, whether the
// call went out before the held task's answer came back.
func sentUnanswered(t *testing.T, p *pool.Pool, name string) <-chan bool {
	t.Helper()
	answered := p.Stats().Tasks
	ch := make(chan bool, 8)
	restore := pool.OnSend(func(n string, _ int) {
		if n == name {
			ch <- p.Stats().Tasks == answered
		}
	})
	t.Cleanup(restore)
	return ch
}

// waitPID waits for a task whose result is a pid.
func waitPID(t *testing.T, fut *pool.Future) int {
	t.Helper()
	res, err := fut.Wait()
	require.NoError(t, err)
	return testfuncs.MustAtoi(t, string(res))
}

func TestPrefetchGoesOnlyToBusyWorkers(t *testing.T) {
	p := testfuncs.NewPool(t, 2)
	first, pid1, release1 := startHeldTask(t, t.Context(), p)
	sentTo := make(chan int, 1)
	t.Cleanup(pool.OnSend(func(name string, pid int) { sentTo <- pid }))
	second := p.Submit(t.Context(), "test/pid", nil)
	// Checked before anything waits for the second task: had it gone into
	// the busy worker's pipe, it would not run until the first ends.
	require.NotEqual(t, pid1, <-sentTo, "the task went to the idle worker")
	assert.NotEqual(t, pid1, waitPID(t, second))
	release1()
	assert.Equal(t, pid1, waitPID(t, first))
}

func TestPrefetchSendsTheNextTaskBeforeTheLastIsAnswered(t *testing.T) {
	for _, tc := range []struct {
		prefetch   int
		whileHeld  bool
		explaining string
	}{
		{1, true, "with prefetch the next call waits in the busy worker's pipe"},
		{0, false, "without it the next call is sent only after the answer"},
	} {
		t.Run("prefetch="+strconv.Itoa(tc.prefetch), func(t *testing.T) {
			p := testfuncs.NewPool(t, 1, pool.WithPrefetch(tc.prefetch))
			held, pid, release := startHeldTask(t, t.Context(), p)
			sent := sentUnanswered(t, p, "test/pid")
			next := p.Submit(t.Context(), "test/pid", nil)
			if tc.whileHeld {
				assert.True(t, <-sent, tc.explaining)
				release()
			} else {
				release()
				assert.False(t, <-sent, tc.explaining)
			}
			assert.Equal(t, pid, waitPID(t, held))
			assert.Equal(t, pid, waitPID(t, next), "both ran on the one worker")
		})
	}
}

func TestPrefetchedTaskOutlivesItsWorker(t *testing.T) {
	p := testfuncs.NewPool(t, 1)
	held, pid, _ := startHeldTask(t, t.Context(), p)
	sent := sentUnanswered(t, p, "test/pid")
	waiting := p.Submit(t.Context(), "test/pid", nil)
	require.True(t, <-sent, "the task is in the worker's pipe")

	proc, err := os.FindProcess(pid)
	require.NoError(t, err)
	require.NoError(t, proc.Kill())

	_, err = held.Wait()
	var died *pool.WorkerDiedError
	require.ErrorAs(t, err, &died, "the running task is blamed")
	assert.Equal(t, pid, died.PID)
	// The waiting task was never read by the dead worker: it runs again,
	// on the replacement.
	newPID := waitPID(t, waiting)
	assert.NotEqual(t, pid, newPID)
	assert.Equal(t, []int{newPID}, p.PIDs())
}

func TestCancellingAPrefetchedTaskSparesTheRunningOne(t *testing.T) {
	p := testfuncs.NewPool(t, 1)
	held, pid, release := startHeldTask(t, t.Context(), p)
	sent := sentUnanswered(t, p, "test/pid")
	ctx, cancel := context.WithCancel(t.Context())
	waiting := p.Submit(ctx, "test/pid", nil)
	require.True(t, <-sent, "the task is in the worker's pipe")

	cancel()
	_, err := waiting.Wait()
	require.ErrorIs(t, err, context.Canceled)
	assert.True(t, child.Alive(pid), "the worker still runs the task in front")

	release()
	assert.Equal(t, pid, waitPID(t, held), "the running task finished normally")

	// The worker then reached the cancelled call, and the pool stopped it
	// the only way a running call can be stopped. The next task runs on
	// the replacement.
	newPID := waitPID(t, p.Submit(t.Context(), "test/pid", nil))
	assert.NotEqual(t, pid, newPID)
	assert.False(t, child.Alive(pid), "worker %d still running", pid)
}
