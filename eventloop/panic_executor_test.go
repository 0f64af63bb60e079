// Claim A8, when the call fails: a panic off the loop is asyncio's
// exception in a worker thread, and it comes back at the await. Whether
// it is in the function given to ToThread or in an executor's Execute,
// the awaiting task gets a *PanicError with the value and the stack, and
// the process, the loop and the other tasks carry on.
//
//	go test -run TestPanicIn -v ./eventloop/
//
// You will see, for ToThread, InGoroutines, Bounded(1) and an executor
// whose own Execute panics, the PanicError the task got, and a runtime
// error found inside one with errors.As.

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

// work is the blocking call of these tests: it panics when told to.
func work(_ context.Context, boom bool) (int, error) {
	if boom {
		panic("boom")
	}
	return 2, nil
}

// brokenExecutor panics in its own code, before it runs anything.
type brokenExecutor struct{}

func (brokenExecutor) Execute(context.Context, bool) (int, error) { panic("boom") }

func TestPanicInAnExecutorCallReachesTheAwaitingTask(t *testing.T) {
	const inExecute = "the executor's Execute"
	for _, tc := range []struct {
		name     string
		executor func() eventloop.Executor[bool, int] // nil: ToThread
		wantCall string
	}{
		{"ToThread", nil, "the function given to ToThread"},
		{"InGoroutines", func() eventloop.Executor[bool, int] { return eventloop.InGoroutines(work) }, inExecute},
		// A bounded executor's one slot must come back after the panic,
		// or the call after it would wait for ever.
		{"Bounded", func() eventloop.Executor[bool, int] {
			ex, err := eventloop.Bounded(1, work)
			require.NoError(t, err)
			return ex
		}, inExecute},
		{"Execute", func() eventloop.Executor[bool, int] { return brokenExecutor{} }, inExecute},
	} {
		t.Run("in="+tc.name, func(t *testing.T) {
			synctest.Test(t, func(t *testing.T) {
				var ex eventloop.Executor[bool, int]
				if tc.executor != nil {
					ex = tc.executor()
				}
				call := func(co *eventloop.Coro, boom bool) (int, error) {
					if ex == nil {
						return eventloop.ToThread(co, func() (int, error) { return work(context.Background(), boom) })
					}
					return eventloop.RunInExecutor(co, ex, boom)
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
					bad := eventloop.CreateTask(co, "bad", func(co *eventloop.Coro) (int, error) { return call(co, true) })
					_, err := eventloop.Await(co, bad)
					var pe *eventloop.PanicError
					require.ErrorAs(t, err, &pe)
					t.Logf("the task got: %v", err)
					assert.Equal(t, "bad", pe.Task)
					assert.Equal(t, tc.wantCall, pe.Call)
					assert.Equal(t, "boom", pe.Value)
					assert.Contains(t, string(pe.Stack), "panic(", "the stack is the panicking goroutine's")
					assert.EqualError(t, err, `eventloop: task "bad": `+tc.wantCall+` panicked: boom`)

					// The loop carries on: the next call through the same
					// executor (unless it is the broken one) and the
					// ticker both finish.
					if tc.name != "Execute" {
						again, err := call(co, false)
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
	require.ErrorAs(t, err, &re, "errors.As reaches the runtime error through the PanicError")
	t.Logf("errors.As found the runtime error: %v", re)
}
