// Claim A14, from the other side: a goroutine that is not the loop's calls
// a loop-only operation. Unchecked, a SetResult from there would wake its
// awaiter on a loop that is asleep and never looks, so the awaiter would
// hang (and the write would race the loop). Each such call returns a
// named error instead, Debug on or off: ErrWrongGoroutine for the
// operations that take no *Coro, ErrNotThisTask for those given a task's
// handle. Beside the hazard is its fix, the same SetResult posted with
// CallSoonThreadsafe.
//
//	go test -race -run TestForeign -v ./eventloop/
//
// You will see the refused SetResult and the value that came through
// CallSoonThreadsafe instead, then, for each call, loop idle or busy and
// Debug off or on, the named error it got.

package eventloop_test

import (
	"errors"
	"io"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/eventloop"
)

func TestForeignSetResultIsRefusedAndCallSoonThreadsafeDeliversIt(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var refused error
		got, err := runLoop(t, func(co *eventloop.Coro) (int, error) {
			l := co.Loop()
			f := eventloop.NewFuture[int](l)
			// Started from a callback, so that main is already paused in
			// its Await and the loop has nothing else to do.
			require.NoError(t, l.CallSoon(func() {
				go func() {
					// The hazard: had this been accepted, nothing would
					// wake the sleeping loop and main would wait forever.
					if refused = f.SetResult(1); refused == nil {
						return
					}
					// The fix: the loop runs the SetResult itself.
					_ = l.CallSoonThreadsafe(func() { _ = f.SetResult(42) })
				}()
			}))
			return eventloop.Await(co, f)
		})
		require.NoError(t, err)
		assert.ErrorIs(t, refused, eventloop.ErrWrongGoroutine)
		assert.Equal(t, 42, got, "the value came through CallSoonThreadsafe")
		t.Logf("SetResult from another goroutine: %v; through CallSoonThreadsafe the task got %d", refused, got)
	})
}

// reach is what another goroutine can get hold of: main's handle (main is
// paused while the goroutine calls), a pending future, a sleeping task
// and an empty queue.
type reach struct {
	loop   *eventloop.Loop
	main   *eventloop.Coro
	future *eventloop.Future[int]
	task   *eventloop.Task[string]
	queue  *eventloop.Queue[int]
	handle *eventloop.TimerHandle
	ran    bool // set by a callback the goroutine tried to schedule
}

var foreignCalls = []struct {
	name string
	call func(r *reach) error
	want error
}{
	{"Future.SetResult", func(r *reach) error { return r.future.SetResult(1) }, eventloop.ErrWrongGoroutine},
	{"Future.SetError", func(r *reach) error { return r.future.SetError(errors.New("x")) }, eventloop.ErrWrongGoroutine},
	{"Future.Cancel", func(r *reach) error { return r.future.Cancel() }, eventloop.ErrWrongGoroutine},
	{"Future.AddDoneCallback", func(r *reach) error {
		return r.future.AddDoneCallback(func() { r.ran = true })
	}, eventloop.ErrWrongGoroutine},
	{"Future.Result", func(r *reach) error { _, err := r.future.Result(); return err }, eventloop.ErrWrongGoroutine},
	{"Task.Cancel", func(r *reach) error { return r.task.Cancel() }, eventloop.ErrWrongGoroutine},
	{"Loop.CallSoon", func(r *reach) error { return r.loop.CallSoon(func() { r.ran = true }) }, eventloop.ErrWrongGoroutine},
	{"Loop.CallLater", func(r *reach) error {
		_, err := r.loop.CallLater(0, func() { r.ran = true })
		return err
	}, eventloop.ErrWrongGoroutine},
	{"Loop.CallAt", func(r *reach) error {
		_, err := r.loop.CallAt(time.Now(), func() { r.ran = true })
		return err
	}, eventloop.ErrWrongGoroutine},
	{"TimerHandle.Cancel", func(r *reach) error { return r.handle.Cancel() }, eventloop.ErrWrongGoroutine},
	{"CreateTask", func(r *reach) error {
		_, err := eventloop.CreateTask(r.main, "stray", func(*eventloop.Coro) (int, error) { r.ran = true; return 0, nil }).Result()
		return err
	}, eventloop.ErrNotThisTask},
	{"Queue.Put", func(r *reach) error { return r.queue.Put(r.main, 1) }, eventloop.ErrNotThisTask},
	{"Queue.Get", func(r *reach) error { _, err := r.queue.Get(r.main); return err }, eventloop.ErrNotThisTask},
	{"Coro.Sleep", func(r *reach) error { return r.main.Sleep(time.Second) }, eventloop.ErrNotThisTask},
	{"Await", func(r *reach) error { _, err := eventloop.Await(r.main, r.future); return err }, eventloop.ErrNotThisTask},
}

// TestForeignGoroutineGetsANamedError tries every call from another
// goroutine at two moments: with the loop idle (main is paused and
// nothing else runs) and busy (a task's step holds the loop, so the check
// must look at the calling thread). Afterwards nothing has changed.
func TestForeignGoroutineGetsANamedError(t *testing.T) {
	for _, debug := range []bool{false, true} {
		for _, loopState := range []string{"idle", "busy"} {
			for _, tc := range foreignCalls {
				name := "debug=" + map[bool]string{false: "off", true: "on"}[debug] + "/loop=" + loopState + "/call=" + tc.name
				t.Run(name, func(t *testing.T) {
					synctest.Test(t, func(t *testing.T) {
						opts := []eventloop.Option{eventloop.Log(io.Discard)}
						if debug {
							opts = append(opts, eventloop.Debug(time.Hour))
						}
						l := eventloop.New(opts...)
						got, err := eventloop.Run(l, func(co *eventloop.Coro) (error, error) {
							r := &reach{loop: l, main: co, future: eventloop.NewFuture[int](l)}
							r.task = eventloop.CreateTask(co, "sleeper", sleepThenSay(time.Hour))
							var qerr error
							r.queue, qerr = eventloop.NewQueue[int](l, 0)
							require.NoError(t, qerr)
							r.handle, qerr = l.CallLater(time.Hour, func() { r.ran = true })
							require.NoError(t, qerr)
							callErr, err := callFromAnotherGoroutine(co, loopState, func() error { return tc.call(r) })
							if err != nil {
								return nil, err
							}
							// The refused call changed nothing.
							if err := co.Sleep(0); err != nil { // a turn for anything it scheduled
								return nil, err
							}
							assert.False(t, r.future.Done(), "the future is still pending")
							assert.False(t, r.task.Done(), "the task still sleeps")
							assert.Zero(t, r.queue.Len())
							assert.False(t, r.ran, "nothing it scheduled ran")
							assert.False(t, r.handle.Cancelled(), "the timer is still set")
							require.NoError(t, r.handle.Cancel())
							require.NoError(t, r.task.Cancel())
							_, _ = eventloop.Await(co, r.task)
							return callErr, nil
						})
						require.NoError(t, err)
						assert.ErrorIs(t, got, tc.want)
						t.Logf("%s from another goroutine: %v", tc.name, got)
					})
				})
			}
		}
	}
}

// callFromAnotherGoroutine runs call on a new goroutine while the caller,
// the main task, is paused, and returns call's error. loopState "idle"
// starts the goroutine from a callback and lets the loop wait; "busy"
// starts it from a task whose step holds the loop until the call returns.
func callFromAnotherGoroutine(co *eventloop.Coro, loopState string, call func() error) (error, error) {
	l := co.Loop()
	if loopState == "busy" {
		return eventloop.Await(co, eventloop.CreateTask(co, "busy", func(*eventloop.Coro) (error, error) {
			errc := make(chan error)
			go func() { errc <- call() }()
			return <-errc, nil // blocking here keeps this step, and the loop, busy
		}))
	}
	result := eventloop.NewFuture[error](l)
	if err := l.CallSoon(func() {
		go func() {
			err := call()
			_ = l.CallSoonThreadsafe(func() { _ = result.SetResult(err) })
		}()
	}); err != nil {
		return nil, err
	}
	return eventloop.Await(co, result)
}

func TestForeignGoroutineMayReadAFutureOnceTheLoopHasFinished(t *testing.T) {
	var f *eventloop.Future[int]
	_, err := runLoop(t, func(co *eventloop.Coro) (int, error) {
		f = eventloop.NewFuture[int](co.Loop())
		return 0, f.SetResult(7)
	})
	require.NoError(t, err)
	done := make(chan struct{})
	var got int
	var gotErr error
	go func() {
		defer close(done)
		got, gotErr = f.Result()
	}()
	<-done
	assert.NoError(t, gotErr)
	assert.Equal(t, 7, got)
	t.Logf("another goroutine read %d once the loop had finished", got)
	assert.ErrorIs(t, f.SetResult(8), eventloop.ErrOutsideLoop, "but not change it")
}
