// Claim A8, the executors: where a call off the loop runs is the
// executor's business. InGoroutines runs every call at once, Bounded and
// ToThreadLimit hold them to a limit, and cancelling the awaiting task
// cancels the call's context.
//
//	go test -run 'TestToThread|TestRunInExecutor|TestInGoroutines|TestBounded' -v ./eventloop/
//
// You will see six 1 s calls take 1s all at once, 3s two at a time
// through Bounded(2) or ToThreadLimit(2), and a cancelled call's context
// end with "context canceled".

package eventloop_test

import (
	"context"
	"io"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/eventloop"
)

func TestToThreadKeepsTheLoopServing(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		var ticksDuringCall int
		_, err := runLoop(t, func(co *eventloop.Coro) (int, error) {
			blocking := eventloop.CreateTask(co, "blocking", func(co *eventloop.Coro) (string, error) {
				return eventloop.ToThread(co, func() (string, error) {
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
					t.Logf("main ticks at %v while the call blocks", time.Since(start))
				}
			}
			got, err := eventloop.Await(co, blocking)
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
		waits := eventloop.InGoroutines(func(ctx context.Context, _ struct{}) (int, error) {
			<-ctx.Done()
			callErr.Store(ctx.Err())
			return 0, ctx.Err()
		})
		_, err := runLoop(t, func(co *eventloop.Coro) (int, error) {
			task := eventloop.CreateTask(co, "call", func(co *eventloop.Coro) (int, error) {
				return eventloop.RunInExecutor(co, waits, struct{}{})
			})
			require.NoError(t, co.Sleep(time.Second))
			require.NoError(t, task.Cancel())
			_, err := eventloop.Await(co, task)
			assert.ErrorIs(t, err, eventloop.ErrCancelled)
			return 0, nil
		})
		require.NoError(t, err)
		// Run waited for the call, so its goroutine has finished.
		assert.Equal(t, context.Canceled, callErr.Load())
		t.Logf("the cancelled call's context ended with %q", callErr.Load())
	})
}

// gauge counts the calls inside hold at once and keeps the most it saw.
type gauge struct{ now, peak atomic.Int32 }

// hold is one blocking call of d.
func (g *gauge) hold(d time.Duration) {
	n := g.now.Add(1)
	for p := g.peak.Load(); n > p && !g.peak.CompareAndSwap(p, n); p = g.peak.Load() {
	}
	time.Sleep(d)
	g.now.Add(-1)
}

// sixCalls runs six tasks on a loop made with opts, task i making its
// call with call(co, i), which must return i, and reports how much
// virtual time they took together. Run it inside a synctest bubble.
func sixCalls(t *testing.T, opts []eventloop.Option, call func(co *eventloop.Coro, i int) (int, error)) time.Duration {
	t.Helper()
	l := eventloop.New(append(opts, eventloop.Log(io.Discard))...)
	start := time.Now()
	got, err := eventloop.Run(l, func(co *eventloop.Coro) ([]int, error) {
		var calls []eventloop.Awaitable[int]
		for i := range 6 {
			calls = append(calls, eventloop.CreateTask(co, "call", func(co *eventloop.Coro) (int, error) {
				return call(co, i)
			}))
		}
		return eventloop.Gather(co, calls...)
	})
	require.NoError(t, err)
	assert.Equal(t, []int{0, 1, 2, 3, 4, 5}, got)
	assert.Empty(t, l.Warnings())
	return time.Since(start)
}

func TestInGoroutinesRunsEveryCallAtOnce(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var g gauge
		ex := eventloop.InGoroutines(func(_ context.Context, i int) (int, error) {
			g.hold(time.Second)
			return i, nil
		})
		took := sixCalls(t, nil, func(co *eventloop.Coro, i int) (int, error) {
			return eventloop.RunInExecutor(co, ex, i)
		})
		assert.Equal(t, int32(6), g.peak.Load())
		assert.Equal(t, time.Second, took, "six 1 s calls, all at once")
		t.Logf("InGoroutines: six 1 s calls, at most %d at once, took %v", g.peak.Load(), took)
	})
}

func TestBoundedLimitsConcurrentCalls(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var g gauge
		ex, err := eventloop.Bounded(2, func(_ context.Context, i int) (int, error) {
			g.hold(time.Second)
			return i, nil
		})
		require.NoError(t, err)
		took := sixCalls(t, nil, func(co *eventloop.Coro, i int) (int, error) {
			return eventloop.RunInExecutor(co, ex, i)
		})
		assert.Equal(t, int32(2), g.peak.Load())
		assert.Equal(t, 3*time.Second, took, "six 1 s calls, two at a time")
		t.Logf("Bounded(2): six 1 s calls, at most %d at once, took %v", g.peak.Load(), took)
	})
}

func TestToThreadLimitLimitsConcurrentCalls(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var g gauge
		took := sixCalls(t, []eventloop.Option{eventloop.ToThreadLimit(2)}, func(co *eventloop.Coro, i int) (int, error) {
			return eventloop.ToThread(co, func() (int, error) {
				g.hold(time.Second)
				return i, nil
			})
		})
		assert.Equal(t, int32(2), g.peak.Load())
		assert.Equal(t, 3*time.Second, took, "six 1 s calls, two at a time")
		t.Logf("ToThreadLimit(2): six 1 s calls, at most %d at once, took %v", g.peak.Load(), took)
	})
}

func TestToThreadLimitCancelledWhileWaitingNeverStarts(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var started atomic.Int32
		l := eventloop.New(eventloop.ToThreadLimit(1), eventloop.Log(io.Discard))
		_, err := eventloop.Run(l, func(co *eventloop.Coro) (int, error) {
			call := func(co *eventloop.Coro) (int, error) {
				return eventloop.ToThread(co, func() (int, error) {
					started.Add(1)
					time.Sleep(time.Second)
					return 1, nil
				})
			}
			first := eventloop.CreateTask(co, "first", call)
			require.NoError(t, co.Sleep(100*time.Millisecond)) // first's call holds the one turn
			second := eventloop.CreateTask(co, "second", call) // and second's waits for it
			require.NoError(t, co.Sleep(400*time.Millisecond))
			require.NoError(t, second.Cancel())
			_, err := eventloop.Await(co, second)
			assert.ErrorIs(t, err, eventloop.ErrCancelled)
			return eventloop.Await(co, first)
		})
		require.NoError(t, err)
		assert.Equal(t, int32(1), started.Load(), "the cancelled call never started")
	})
}

func TestBoundedRefusesALimitBelowOneAndANilFunc(t *testing.T) {
	echo := func(_ context.Context, i int) (int, error) { return i, nil }
	for _, n := range []int{0, -1} {
		ex, err := eventloop.Bounded(n, echo)
		assert.ErrorIs(t, err, eventloop.ErrBadLimit, "Bounded(%d)", n)
		assert.Nil(t, ex)
	}
	ex, err := eventloop.Bounded[int, int](1, nil)
	assert.ErrorIs(t, err, eventloop.ErrNilFunc)
	assert.Nil(t, ex)
}

func TestToThreadLimitBelowOneKeepsTheLoopFromRunning(t *testing.T) {
	for _, n := range []int{0, -3} {
		l := eventloop.New(eventloop.ToThreadLimit(n), eventloop.Log(io.Discard))
		ran := false
		_, err := eventloop.Run(l, func(*eventloop.Coro) (int, error) { ran = true; return 0, nil })
		assert.ErrorIs(t, err, eventloop.ErrBadLimit, "ToThreadLimit(%d)", n)
		assert.False(t, ran, "main must not run on a loop that cannot keep its limit")
	}
}
