// A nil where the loop needs a value is a named error, never a nil-pointer
// panic. The realistic path is a dropped error: BoundedExecutor(0) and
// NewQueue(l, -1) return a nil value beside theirs. Each case runs as a
// task of its own, so a case that panicked would fail as a *PanicError
// instead of taking the test binary down.
// Run: go test -run TestNil -v ./eventloop/
package eventloop_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/concurrency-atlas/atlas/eventloop"
)

func one(*eventloop.Coro) (int, error) { return 1, nil }

func TestNilArgumentsOnTheLoopAreNamedErrors(t *testing.T) {
	zeroBounded, err := eventloop.BoundedExecutor(0) // the error is dropped below
	require.Error(t, err)
	noQueue, err := eventloop.NewQueue[int](eventloop.New(), -1)
	require.Error(t, err)
	var nilFuture *eventloop.Future[int]
	var nilTask *eventloop.Task[int]

	for _, tc := range []struct {
		name string
		call func(co *eventloop.Coro) error
		want error
	}{
		{"ToThread(nil)", func(co *eventloop.Coro) error {
			_, err := eventloop.ToThread[int](co, nil)
			return err
		}, eventloop.ErrNilFunc},
		{"RunInExecutor(nil executor)", func(co *eventloop.Coro) error {
			_, err := eventloop.RunInExecutor(co, nil, func(context.Context) (int, error) { return 1, nil })
			return err
		}, eventloop.ErrNilExecutor},
		{"RunInExecutor(BoundedExecutor(0))", func(co *eventloop.Coro) error {
			_, err := eventloop.RunInExecutor(co, zeroBounded, func(context.Context) (int, error) { return 1, nil })
			return err
		}, eventloop.ErrNilExecutor},
		{"RunInExecutor(nil ExecutorFunc)", func(co *eventloop.Coro) error {
			var f eventloop.ExecutorFunc
			_, err := eventloop.RunInExecutor(co, f, func(context.Context) (int, error) { return 1, nil })
			return err
		}, eventloop.ErrNilExecutor},
		{"RunInExecutor(nil fn)", func(co *eventloop.Coro) error {
			_, err := eventloop.RunInExecutor[int](co, eventloop.GoroutineExecutor, nil)
			return err
		}, eventloop.ErrNilFunc},
		{"CreateTask(nil)", func(co *eventloop.Coro) error {
			_, err := eventloop.Await(co, eventloop.CreateTask[int](co, "nothing", nil))
			return err
		}, eventloop.ErrNilFunc},
		{"Await(nil)", func(co *eventloop.Coro) error {
			_, err := eventloop.Await[int](co, nil)
			return err
		}, eventloop.ErrNilFuture},
		{"Await(nil *Future)", func(co *eventloop.Coro) error {
			_, err := eventloop.Await[int](co, nilFuture)
			return err
		}, eventloop.ErrNilFuture},
		{"Await(nil *Task)", func(co *eventloop.Coro) error {
			_, err := eventloop.Await[int](co, nilTask)
			return err
		}, eventloop.ErrNilFuture},
		{"Gather(task, nil)", func(co *eventloop.Coro) error {
			_, err := eventloop.Gather(co, eventloop.CreateTask(co, "one", one), nil)
			return err
		}, eventloop.ErrNilFuture},
		{"WaitFor(nil)", func(co *eventloop.Coro) error {
			_, err := eventloop.WaitFor[int](co, nil, time.Second)
			return err
		}, eventloop.ErrNilFuture},
		{"CallSoon(nil)", func(co *eventloop.Coro) error { return co.Loop().CallSoon(nil) }, eventloop.ErrNilFunc},
		{"CallSoonThreadsafe(nil)", func(co *eventloop.Coro) error { return co.Loop().CallSoonThreadsafe(nil) }, eventloop.ErrNilFunc},
		{"AddDoneCallback(nil)", func(co *eventloop.Coro) error {
			return eventloop.NewFuture[int](co.Loop()).AddDoneCallback(nil)
		}, eventloop.ErrNilFunc},
		{"SetError(nil)", func(co *eventloop.Coro) error {
			return eventloop.NewFuture[int](co.Loop()).SetError(nil)
		}, eventloop.ErrNilError},
		{"nil *Future SetResult", func(*eventloop.Coro) error { return nilFuture.SetResult(1) }, eventloop.ErrNilFuture},
		{"nil *Future Result", func(*eventloop.Coro) error { _, err := nilFuture.Result(); return err }, eventloop.ErrNilFuture},
		{"nil *Task Cancel", func(*eventloop.Coro) error { return nilTask.Cancel() }, eventloop.ErrNilFuture},
		{"NewFuture(nil) SetResult", func(*eventloop.Coro) error {
			return eventloop.NewFuture[int](nil).SetResult(1)
		}, eventloop.ErrNilLoop},
		{"zero Future Cancel", func(*eventloop.Coro) error { return new(eventloop.Future[int]).Cancel() }, eventloop.ErrNilLoop},
		{"zero Task Cancel", func(*eventloop.Coro) error { return new(eventloop.Task[int]).Cancel() }, eventloop.ErrNilLoop},
		{"NewQueue(nil)", func(*eventloop.Coro) error {
			_, err := eventloop.NewQueue[int](nil, 0)
			return err
		}, eventloop.ErrNilLoop},
		{"nil *Queue Put", func(co *eventloop.Coro) error { return noQueue.Put(co, 1) }, eventloop.ErrNilQueue},
		{"nil *Queue Get", func(co *eventloop.Coro) error { _, err := noQueue.Get(co); return err }, eventloop.ErrNilQueue},
		{"zero Coro Sleep", func(*eventloop.Coro) error { return new(eventloop.Coro).Sleep(time.Second) }, eventloop.ErrOutsideLoop},
		{"nil *Loop CallSoon", func(*eventloop.Coro) error {
			var l *eventloop.Loop
			return l.CallSoon(func() {})
		}, eventloop.ErrNilLoop},
		{"Submit(nil loop)", func(*eventloop.Coro) error {
			_, err := eventloop.Submit(nil, "one", one)
			return err
		}, eventloop.ErrNilLoop},
		{"Submit(nil fn)", func(co *eventloop.Coro) error {
			_, err := eventloop.Submit[int](co.Loop(), "nothing", nil)
			return err
		}, eventloop.ErrNilFunc},
		{"nil *Pending Wait", func(*eventloop.Coro) error {
			var p *eventloop.Pending[int]
			_, err := p.Wait(context.Background())
			return err
		}, eventloop.ErrNilFuture},
		{"zero Pending Cancel", func(*eventloop.Coro) error { return new(eventloop.Pending[int]).Cancel() }, eventloop.ErrNilFuture},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := runLoop(t, func(co *eventloop.Coro) (error, error) {
				return eventloop.Await(co, eventloop.CreateTask(co, tc.name, func(co *eventloop.Coro) (error, error) {
					return tc.call(co), nil
				}))
			})
			require.NoError(t, err, "the case's task panicked")
			assert.ErrorIs(t, got, tc.want)
		})
	}
}

func TestNilArgumentsOffTheLoopAreNamedErrors(t *testing.T) {
	var l *eventloop.Loop
	_, err := eventloop.Run(l, one)
	assert.ErrorIs(t, err, eventloop.ErrNilLoop)
	assert.ErrorIs(t, l.CallSoonThreadsafe(func() {}), eventloop.ErrNilLoop)
	assert.Nil(t, l.Warnings())

	fresh := eventloop.New(nil, eventloop.Log(nil)) // a nil option is skipped
	_, err = eventloop.Run[int](fresh, nil)
	assert.ErrorIs(t, err, eventloop.ErrNilFunc)
	got, err := eventloop.Run(fresh, one)
	require.NoError(t, err, "the rejected Run left the loop unused")
	assert.Equal(t, 1, got)

	_, err = eventloop.Run(eventloop.New(eventloop.Log(nil), eventloop.DefaultExecutor(nil)), func(co *eventloop.Coro) (int, error) {
		return eventloop.ToThread(co, func() (int, error) { return 1, nil })
	})
	assert.ErrorIs(t, err, eventloop.ErrNilExecutor, "ToThread on a loop whose default executor is nil")

	var f eventloop.ExecutorFunc
	_, err = f.Execute(context.Background(), func(context.Context) (any, error) { return nil, nil })
	assert.ErrorIs(t, err, eventloop.ErrNilExecutor)
	_, err = eventloop.GoroutineExecutor.Execute(context.Background(), nil)
	assert.ErrorIs(t, err, eventloop.ErrNilFunc)

	var pe *eventloop.PanicError
	assert.Equal(t, "<nil>", pe.Error())
	assert.NoError(t, errors.Unwrap(pe))
	assert.Error(t, eventloop.ManySleepers(-1, time.Second, nil))
}
