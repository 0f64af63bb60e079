// A panic off the loop is asyncio's exception in a worker thread: it comes
// back at the await. Whether the panic is in the function given to
// ToThread or RunInExecutor, in a function an executor hands to a
// goroutine of its own, or in an executor's Execute itself, the awaiting
// task gets a *PanicError with the value and the stack, and the process,
// the loop and the other tasks carry on.
// Run: go test -run TestPanicIn -v ./eventloop/
package eventloop_test

import (
	"context"
	"runtime"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/eventloop"
)

// handOff is an executor that runs each call on a goroutine it starts
// itself, as a pool of workers would: a panic there is out of the
// loop's reach unless the function it was given is already guarded.
var handOff = eventloop.ExecutorFunc(func(ctx context.Context, fn func(context.Context) (any, error)) (any, error) {
	type outcome struct {
		v   any
		err error
	}
	out := make(chan outcome, 1)
	go func() {
		v, err := fn(ctx)
		out <- outcome{v, err}
	}()
	o := <-out
	return o.v, o.err
})

func boom() (int, error) { panic("boom") }

// brokenExecutor panics in its own code, before it runs anything.
var brokenExecutor = eventloop.ExecutorFunc(func(context.Context, func(context.Context) (any, error)) (any, error) {
	panic("boom")
})

func TestPanicInAnExecutorCallReachesTheAwaitingTask(t *testing.T) {
	for _, tc := range []struct {
		name     string
		executor func() eventloop.Executor // nil: ToThread, on the loop's default
		wantCall string
	}{
		{"ToThread", nil, "the function given to ToThread"},
		{"GoroutineExecutor", func() eventloop.Executor { return eventloop.GoroutineExecutor }, "the function given to RunInExecutor"},
		// A bounded executor's one slot must come back after the panic,
		// or the call after it would wait for ever.
		{"BoundedExecutor", func() eventloop.Executor {
			ex, err := eventloop.BoundedExecutor(1)
			require.NoError(t, err)
			return ex
		}, "the function given to RunInExecutor"},
		{"executorsOwnGoroutine", func() eventloop.Executor { return handOff }, "the function given to RunInExecutor"},
		{"Execute", func() eventloop.Executor { return brokenExecutor }, "the executor's Execute"},
	} {
		t.Run("in="+tc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				var ex eventloop.Executor
				if tc.executor != nil {
					ex = tc.executor()
				}
				call := func(co *eventloop.Coro, fn func() (int, error)) (int, error) {
					if ex == nil {
						return eventloop.ToThread(co, fn)
					}
					return eventloop.RunInExecutor(co, ex, func(context.Context) (int, error) { return fn() })
				}
				start := time.Now()
				var ticks int
				_, err := runLoop(t, func(co *eventloop.Coro) (int, error) {
					ticker := eventloop.CreateTask(co, "ticker", func(co *eventloop.Coro) (int, error) {
						for range 3 {
							if err := co.Sleep(time.Second); err != nil {
								return 0, err
							}
							ticks++
						}
						return ticks, nil
					})
					bad := eventloop.CreateTask(co, "bad", func(co *eventloop.Coro) (int, error) { return call(co, boom) })
					_, err := eventloop.Await(co, bad)
					var pe *eventloop.PanicError
					require.ErrorAs(t, err, &pe)
					assert.Equal(t, "bad", pe.Task)
					assert.Equal(t, tc.wantCall, pe.Call)
					assert.Equal(t, "boom", pe.Value)
					assert.Contains(t, string(pe.Stack), "panic(", "the stack is the panicking goroutine's")
					assert.EqualError(t, err, `eventloop: task "bad": `+tc.wantCall+` panicked: boom`)

					// The loop carries on: the next call through the same
					// executor (unless it is the broken one) and the
					// ticker both finish.
					if tc.name != "Execute" {
						again, err := call(co, func() (int, error) { return 2, nil })
						require.NoError(t, err)
						assert.Equal(t, 2, again)
					}
					return eventloop.Await(co, ticker)
				})
				require.NoError(t, err)
				assert.Equal(t, 3, ticks)
				assert.Equal(t, 3*time.Second, time.Since(start), "the ticker kept its times")
			})
		})
	}
}

func TestPanicInAnExecutorCallUnwrapsToARuntimeError(t *testing.T) {
	_, err := runLoop(t, func(co *eventloop.Coro) (int, error) {
		return eventloop.ToThread(co, func() (int, error) {
			items := []int{1, 2, 3}
			i := len(items)
			return items[i], nil // index out of range: a runtime error
		})
	})
	var pe *eventloop.PanicError
	require.ErrorAs(t, err, &pe)
	var re runtime.Error
	assert.ErrorAs(t, err, &re, "errors.As reaches the runtime error through the PanicError")
}
