// Claim: a mistake off a task's own path does not take the loop down. A
// callback that panics becomes one of the loop's warnings and the loop
// carries on, as asyncio logs it; a function given to ToThread that ends
// its goroutine with Goexit, as t.FailNow does, reaches the task as
// ErrGoexit instead of leaving it waiting; and a task refuses to be
// completed by hand.
//
//	go test -run 'TestCallbackPanic|TestGoexit|TestTaskRefuses' -v ./eventloop/
//
// You will see the first line of each panicking callback's warning, the
// task told ErrGoexit, and SetResult on a task refused with ErrTaskResult.

package eventloop_test

import (
	"io"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/eventloop"
)

func TestCallbackPanicBecomesAWarningAndTheLoopCarriesOn(t *testing.T) {
	for _, tc := range []struct {
		name     string
		schedule func(co *eventloop.Coro, fn func()) error
	}{
		{"CallSoon", func(co *eventloop.Coro, fn func()) error { return co.Loop().CallSoon(fn) }},
		{"CallSoonThreadsafe", func(co *eventloop.Coro, fn func()) error { return co.Loop().CallSoonThreadsafe(fn) }},
		{"AddDoneCallback", func(co *eventloop.Coro, fn func()) error {
			f := eventloop.NewFuture[int](co.Loop())
			if err := f.AddDoneCallback(fn); err != nil {
				return err
			}
			return f.SetResult(1)
		}},
		{"AddDoneCallback on a done future", func(co *eventloop.Coro, fn func()) error {
			f := eventloop.NewFuture[int](co.Loop())
			if err := f.SetResult(1); err != nil {
				return err
			}
			return f.AddDoneCallback(fn)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := eventloop.New(eventloop.Log(io.Discard))
			var after []string
			v, err := eventloop.Run(l, func(co *eventloop.Coro) (string, error) {
				if err := tc.schedule(co, func() { panic("callback broke") }); err != nil {
					return "", err
				}
				require.NoError(t, co.Loop().CallSoon(func() { after = append(after, "next callback ran") }))
				if err := co.Sleep(0); err != nil {
					return "", err
				}
				if err := co.Sleep(0); err != nil {
					return "", err
				}
				return "main finished", nil
			})
			require.NoError(t, err)
			assert.Equal(t, "main finished", v)
			assert.Equal(t, []string{"next callback ran"}, after)
			warnings := l.Warnings()
			require.Len(t, warnings, 1, warnings)
			t.Log(strings.SplitN(warnings[0], "\n", 2)[0])
			assert.True(t, strings.HasPrefix(warnings[0], "eventloop: a callback panicked: callback broke\n"), warnings[0])
			assert.Contains(t, warnings[0], "callbacks_test.go", "the warning carries the panic's stack")
		})
	}
}

func TestGoexitInToThreadReachesTheTask(t *testing.T) {
	var other string
	_, err := runLoop(t, func(co *eventloop.Coro) (string, error) {
		side := eventloop.CreateTask(co, "side", func(co *eventloop.Coro) (string, error) {
			return "the other task finished", co.Sleep(0)
		})
		_, err := eventloop.ToThread(co, func() (int, error) {
			runtime.Goexit() // what t.FailNow does inside the function
			return 1, nil
		})
		assert.ErrorIs(t, err, eventloop.ErrGoexit)
		t.Logf("the task got: %v", err)
		other, _ = eventloop.Await(co, side)
		return "", nil
	})
	require.NoError(t, err)
	assert.Equal(t, "the other task finished", other)
}

func TestTaskRefusesToBeCompletedByHand(t *testing.T) {
	_, err := runLoop(t, func(co *eventloop.Coro) (int, error) {
		task := eventloop.CreateTask(co, "worker", func(co *eventloop.Coro) (int, error) {
			return 7, co.Sleep(0)
		})
		refused := task.SetResult(99)
		assert.ErrorIs(t, refused, eventloop.ErrTaskResult)
		t.Logf("SetResult on a task: %v", refused)
		assert.ErrorIs(t, task.SetError(assert.AnError), eventloop.ErrTaskResult)
		v, err := eventloop.Await(co, task)
		assert.Equal(t, 7, v, "the coroutine's own result stands")
		return v, err
	})
	require.NoError(t, err)
	var nilTask *eventloop.Task[int]
	assert.ErrorIs(t, nilTask.SetResult(1), eventloop.ErrNilFuture)
}
