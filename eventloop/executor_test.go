// A8 and the executor seam: blocking work runs elsewhere while the loop
// keeps serving; an executor decides how; cancelling the awaiting task
// cancels the call's context.
// Run: go test -run 'TestToThread|TestRunInExecutor|TestBoundedExecutor' -v ./eventloop/
package eventloop

import (
	"context"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestToThreadKeepsTheLoopServing(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		var ticksDuringCall int
		_, err := runQuiet(t, func(co *Coro) (int, error) {
			blocking := CreateTask(co, "blocking", func(co *Coro) (string, error) {
				return ToThread(co, func() (string, error) {
					time.Sleep(time.Second) // a synchronous call, like time.sleep
					return "slept", nil
				})
			})
			for !blocking.Done() {
				if err := co.Sleep(300 * time.Millisecond); err != nil {
					return 0, err
				}
				if !blocking.Done() {
					ticksDuringCall++
				}
			}
			got, err := Await(co, blocking)
			assert.Equal(t, "slept", got)
			return 0, err
		})
		require.NoError(t, err)
		assert.Equal(t, 3, ticksDuringCall, "main ran at 0.3, 0.6 and 0.9 s while the call blocked")
		assert.Equal(t, 1200*time.Millisecond, time.Since(start))
	})
}

func TestRunInExecutorCancelCancelsTheCallsContext(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var callErr atomic.Value
		_, err := runQuiet(t, func(co *Coro) (int, error) {
			task := CreateTask(co, "call", func(co *Coro) (int, error) {
				return RunInExecutor(co, GoroutineExecutor, func(ctx context.Context) (int, error) {
					<-ctx.Done()
					callErr.Store(ctx.Err())
					return 0, ctx.Err()
				})
			})
			require.NoError(t, co.Sleep(time.Second))
			require.NoError(t, task.Cancel())
			_, err := Await(co, task)
			assert.ErrorIs(t, err, ErrCancelled)
			return 0, nil
		})
		require.NoError(t, err)
		// Run waited for the call, so its goroutine has finished.
		assert.Equal(t, context.Canceled, callErr.Load())
	})
}

func TestBoundedExecutorLimitsConcurrentCalls(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ex, err := BoundedExecutor(2)
		require.NoError(t, err)
		var inFlight, peak atomic.Int32
		start := time.Now()
		_, err = runQuiet(t, func(co *Coro) ([]int, error) {
			var calls []Awaitable[int]
			for i := range 6 {
				calls = append(calls, CreateTask(co, "call", func(co *Coro) (int, error) {
					return RunInExecutor(co, ex, func(context.Context) (int, error) {
						n := inFlight.Add(1)
						for p := peak.Load(); n > p && !peak.CompareAndSwap(p, n); p = peak.Load() {
						}
						time.Sleep(time.Second)
						inFlight.Add(-1)
						return i, nil
					})
				}))
			}
			got, err := Gather(co, calls...)
			assert.Equal(t, []int{0, 1, 2, 3, 4, 5}, got)
			return got, err
		})
		require.NoError(t, err)
		assert.Equal(t, int32(2), peak.Load())
		assert.Equal(t, 3*time.Second, time.Since(start), "six 1 s calls, two at a time")
	})
}

func TestBoundedExecutorRejectsZero(t *testing.T) {
	_, err := BoundedExecutor(0)
	assert.EqualError(t, err, "eventloop: BoundedExecutor needs n >= 1, got 0")
}

func TestRunInExecutorRejectsAWrongResultType(t *testing.T) {
	liar := ExecutorFunc(func(context.Context, func(context.Context) (any, error)) (any, error) {
		return "not an int", nil
	})
	_, err := runQuiet(t, func(co *Coro) (int, error) {
		return RunInExecutor(co, liar, func(context.Context) (int, error) { return 1, nil })
	})
	assert.EqualError(t, err, "eventloop: executor returned string, want int")
}
