// Claim: cancellation arrives at the task's await point. The await that
// receives it cancels what it was waiting for, and the task may catch it
// and return normally. WaitFor is an await with a deadline, and Gather,
// cancelled, cancels its children.
//
//	go test -run 'TestCancel|TestWaitForTimesOut|TestGather' -v ./eventloop/
//
// You will see an hour-long sleep end at 2s, when the cancel came; the
// awaited task cancelled with its awaiter; a caught cancellation return
// "cleaned up"; WaitFor give up at 3s; and a cancelled Gather's children
// end with ErrCancelled.

package eventloop

import (
	"context"
	"errors"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCancelArrivesAtTheAwaitPoint(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		var sawAt time.Duration
		var sawErr error
		_, err := runQuiet(t, func(co *Coro) (int, error) {
			task := CreateTask(co, "sleeper", func(co *Coro) (int, error) {
				sawErr = co.Sleep(time.Hour)
				sawAt = time.Since(start)
				return 0, sawErr
			})
			if err := co.Sleep(2 * time.Second); err != nil {
				return 0, err
			}
			require.NoError(t, task.Cancel())
			_, err := Await(co, task)
			assert.ErrorIs(t, err, ErrCancelled)
			assert.True(t, task.Cancelled())
			return 0, nil
		})
		require.NoError(t, err)
		assert.ErrorIs(t, sawErr, ErrCancelled)
		assert.Equal(t, 2*time.Second, sawAt, "the hour-long sleep ended at the cancel")
		t.Logf("the hour-long sleep ended at %v: %v", sawAt, sawErr)
	})
}

func TestCancelReachesWhatTheTaskAwaits(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		_, err := runQuiet(t, func(co *Coro) (int, error) {
			inner := CreateTask(co, "inner", wait(time.Hour))
			outer := CreateTask(co, "outer", func(co *Coro) (string, error) { return Await(co, inner) })
			if err := co.Sleep(time.Second); err != nil {
				return 0, err
			}
			require.NoError(t, outer.Cancel())
			_, err := Await(co, outer)
			assert.ErrorIs(t, err, ErrCancelled)
			_, err = Await(co, inner)
			assert.ErrorIs(t, err, ErrCancelled, "asyncio cancels the awaited task too")
			t.Logf("the task the cancelled one awaited: %v", err)
			return 0, nil
		})
		require.NoError(t, err)
	})
}

func TestCancelledTaskMayCatchItAndReturnNormally(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		_, err := runQuiet(t, func(co *Coro) (int, error) {
			task := CreateTask(co, "stubborn", func(co *Coro) (string, error) {
				if err := co.Sleep(time.Hour); errors.Is(err, ErrCancelled) {
					// The request is delivered once; the task may clean up.
					return "cleaned up", co.Sleep(time.Second)
				}
				return "", errors.New("not cancelled")
			})
			require.NoError(t, co.Sleep(0))
			require.NoError(t, task.Cancel())
			got, err := Await(co, task)
			assert.NoError(t, err)
			assert.Equal(t, "cleaned up", got)
			t.Logf("the cancelled task caught it and returned %q", got)
			assert.False(t, task.Cancelled())
			return 0, nil
		})
		require.NoError(t, err)
	})
}

func TestWaitForTimesOutAndCancels(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		_, err := runQuiet(t, func(co *Coro) (int, error) {
			slow := CreateTask(co, "slow", wait(time.Hour))
			_, err := WaitFor(co, slow, 3*time.Second)
			assert.ErrorIs(t, err, ErrTimeout)
			assert.ErrorIs(t, err, context.DeadlineExceeded)
			assert.Equal(t, 3*time.Second, time.Since(start))
			t.Logf("WaitFor gave up at %v: %v", time.Since(start), err)
			_, err = Await(co, slow)
			assert.ErrorIs(t, err, ErrCancelled)

			got, err := WaitFor(co, CreateTask(co, "fast", wait(time.Second)), 3*time.Second)
			assert.NoError(t, err)
			assert.Equal(t, "waited 1s", got)
			assert.Equal(t, 4*time.Second, time.Since(start))
			return 0, nil
		})
		require.NoError(t, err)
	})
}

func TestGatherOnFirstErrorReturnsAndLeavesTheRestRunning(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		_, err := runQuiet(t, func(co *Coro) (int, error) {
			failAt := func(d time.Duration, msg string) func(*Coro) (string, error) {
				return func(co *Coro) (string, error) {
					if err := co.Sleep(d); err != nil {
						return "", err
					}
					return "", errors.New(msg)
				}
			}
			long := CreateTask(co, "long", wait(5*time.Second))
			late := CreateTask(co, "late", failAt(2*time.Second, "second"))
			early := CreateTask(co, "early", failAt(time.Second, "first"))
			_, err := Gather(co, long, late, early)
			assert.EqualError(t, err, "first", "the first error in time, not in the list")
			assert.Equal(t, time.Second, time.Since(start))
			t.Logf("Gather returned %q at %v and left the 5 s task running", err, time.Since(start))
			assert.False(t, long.Done(), "the others were not cancelled")

			got, err := Await(co, long)
			assert.Equal(t, "waited 5s", got)
			_, lateErr := late.Result() // retrieve it, or the loop reports it
			assert.EqualError(t, lateErr, "second")
			return 0, err
		})
		require.NoError(t, err)
	})
}

func TestGatherCancelledCancelsItsChildren(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		_, err := runQuiet(t, func(co *Coro) (int, error) {
			a := CreateTask(co, "a", wait(time.Hour))
			b := CreateTask(co, "b", wait(time.Hour))
			g := CreateTask(co, "gather", func(co *Coro) ([]string, error) { return Gather(co, a, b) })
			require.NoError(t, co.Sleep(time.Second))
			require.NoError(t, g.Cancel())
			_, err := Await(co, g)
			assert.ErrorIs(t, err, ErrCancelled)
			_, errA := Await(co, a)
			_, errB := Await(co, b)
			assert.ErrorIs(t, errA, ErrCancelled)
			assert.ErrorIs(t, errB, ErrCancelled)
			t.Logf("the cancelled Gather's children: %v, %v", errA, errB)
			return 0, nil
		})
		require.NoError(t, err)
	})
}
