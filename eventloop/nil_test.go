// Claim: a nil where the loop needs a value is a named error, never a
// nil-pointer panic. The realistic path is a dropped error: Bounded(0, fn)
// and NewQueue(l, -1) return a nil value beside theirs. Each case runs as
// a task of its own, so a case that panicked would fail as a *PanicError
// instead of taking the test binary down.
//
//	go test -run TestNil -v ./eventloop/
//
// You will see one subtest per nil, each logging the named error it got.

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

func double(_ context.Context, n int) (int, error) { return 2 * n, nil }

// pointerExecutor and funcExecutor are executors of types whose nil
// value can hide inside a non-nil Executor.
type (
	pointerExecutor struct{}
	funcExecutor    func(context.Context, int) (int, error)
)

func (*pointerExecutor) Execute(ctx context.Context, n int) (int, error) { return double(ctx, n) }
func (f funcExecutor) Execute(ctx context.Context, n int) (int, error)   { return f(ctx, n) }

func TestNilArgumentsOnTheLoopAreNamedErrors(t *testing.T) {
	zeroBounded, err := eventloop.Bounded(0, double) // the error is dropped below
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
			_, err := eventloop.RunInExecutor[int, int](co, nil, 1)
			return err
		}, eventloop.ErrNilExecutor},
		{"RunInExecutor(Bounded(0))", func(co *eventloop.Coro) error {
			_, err := eventloop.RunInExecutor(co, zeroBounded, 1)
			return err
		}, eventloop.ErrNilExecutor},
		{"RunInExecutor(nil pointer executor)", func(co *eventloop.Coro) error {
			var p *pointerExecutor
			_, err := eventloop.RunInExecutor(co, p, 1)
			return err
		}, eventloop.ErrNilExecutor},
		{"RunInExecutor(nil func executor)", func(co *eventloop.Coro) error {
			var f funcExecutor
			_, err := eventloop.RunInExecutor(co, f, 1)
			return err
		}, eventloop.ErrNilExecutor},
		{"RunInExecutor(InGoroutines(nil))", func(co *eventloop.Coro) error {
			_, err := eventloop.RunInExecutor(co, eventloop.InGoroutines[int, int](nil), 1)
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
		{"CallLater(nil)", func(co *eventloop.Coro) error {
			_, err := co.Loop().CallLater(time.Second, nil)
			return err
		}, eventloop.ErrNilFunc},
		{"CallAt(nil)", func(co *eventloop.Coro) error {
			_, err := co.Loop().CallAt(time.Now(), nil)
			return err
		}, eventloop.ErrNilFunc},
		{"nil *TimerHandle Cancel", func(*eventloop.Coro) error {
			var h *eventloop.TimerHandle
			if h.Cancelled() || !h.When().IsZero() {
				return errors.New("a nil handle claims to be cancelled or due")
			}
			return h.Cancel()
		}, eventloop.ErrNilHandle},
		{"zero TimerHandle Cancel", func(*eventloop.Coro) error {
			h := new(eventloop.TimerHandle)
			if !h.When().IsZero() {
				return errors.New("a zero handle claims a time")
			}
			return h.Cancel()
		}, eventloop.ErrNilLoop},
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
		{"nil *Loop CallLater", func(*eventloop.Coro) error {
			var l *eventloop.Loop
			_, err := l.CallLater(time.Second, func() {})
			return err
		}, eventloop.ErrNilLoop},
		{"nil *Loop CallAt", func(*eventloop.Coro) error {
			var l *eventloop.Loop
			_, err := l.CallAt(time.Now(), func() {})
			return err
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
			t.Logf("%s: %v", tc.name, got)
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

	_, err = eventloop.InGoroutines[int, int](nil).Execute(context.Background(), 1)
	assert.ErrorIs(t, err, eventloop.ErrNilFunc, "InGoroutines(nil) fails at each call")
	bounded, err := eventloop.Bounded(1, double)
	require.NoError(t, err)
	var noCtx context.Context
	got, err = bounded.Execute(noCtx, 4)
	require.NoError(t, err, "a nil context is taken for context.Background")
	assert.Equal(t, 8, got)

	var pe *eventloop.PanicError
	assert.Equal(t, "<nil>", pe.Error())
	assert.NoError(t, errors.Unwrap(pe))
	assert.Error(t, eventloop.ManySleepers(-1, time.Second, nil))
}

// A nil *Task answers every method as a nil future does: no nil
// dereference through the future it embeds.
func TestANilTaskAnswersAsANilFuture(t *testing.T) {
	var task *eventloop.Task[int]
	assert.False(t, task.Done())
	assert.False(t, task.Cancelled())
	_, err := task.Result()
	assert.ErrorIs(t, err, eventloop.ErrNilFuture)
	assert.ErrorIs(t, task.AddDoneCallback(func() {}), eventloop.ErrNilFuture)
	assert.ErrorIs(t, task.Cancel(), eventloop.ErrNilFuture)
	assert.Equal(t, "", task.Name())
}
