// Claim A4: a created task starts as soon as the loop is free, before
// anyone awaits it. CreateTask schedules the coroutine for the loop's
// next turn, so it runs while its creator sleeps.
//
//	go test -run TestCreateTaskStartsBeforeAwait -v ./eventloop/
//
// You will see the task start at 0s, while main sleeps 5 s, and the
// whole take 5s, not 6.

package eventloop

import (
	"fmt"
	"runtime/debug"
)

// Task is a coroutine scheduled on a loop, and the future of its result.
type Task[T any] struct {
	Future[T]
	fn   func(*Coro) (T, error)
	coro Coro // the task's running side: one allocation holds both
}

// Name is the task's name.
func (t *Task[T]) Name() string {
	if t == nil {
		return ""
	}
	return t.name
}

// future makes a nil *Task a nil future rather than a nil dereference.
//
//lint:ignore U1000 called through the generic Awaitable interface, which staticcheck does not follow
func (t *Task[T]) future() *Future[T] {
	if t == nil {
		return nil
	}
	return &t.Future
}

// Done, Cancelled, Result and AddDoneCallback are the future's, reached
// through future() so that a nil *Task answers as a nil future does
// (false, or ErrNilFuture) instead of dereferencing nil.

// Done reports whether the task has finished.
func (t *Task[T]) Done() bool { return t.future().Done() }

// Cancelled reports whether the task ended by cancellation.
func (t *Task[T]) Cancelled() bool { return t.future().Cancelled() }

// Result is the task's outcome once it is done (see Future.Result).
func (t *Task[T]) Result() (T, error) { return t.future().Result() }

// AddDoneCallback runs fn on the loop when the task is done (see
// Future.AddDoneCallback).
func (t *Task[T]) AddDoneCallback(fn func()) error { return t.future().AddDoneCallback(fn) }

// SetResult refuses: a task's result is what its coroutine returns. It
// shadows Future's method so that nobody completes a running task by hand.
func (t *Task[T]) SetResult(T) error {
	if t == nil {
		return ErrNilFuture
	}
	return fmt.Errorf("task %q: %w", t.Name(), ErrTaskResult)
}

// SetError refuses, as SetResult does.
func (t *Task[T]) SetError(error) error {
	if t == nil {
		return ErrNilFuture
	}
	return fmt.Errorf("task %q: %w", t.Name(), ErrTaskResult)
}

// Cancel asks the task to stop: ErrCancelled arrives at its await point
// (or it never starts, if it has not yet). Cancelling a finished task is
// an error, ErrAlreadyDone, rather than asyncio's silent False. Like the
// future's methods it belongs to the loop's goroutine: other goroutines
// get ErrWrongGoroutine (a submitted task is cancelled through
// Pending.Cancel).
func (t *Task[T]) Cancel() error {
	if t == nil {
		return ErrNilFuture
	}
	if !t.fixed {
		if err := t.loop.owns(); err != nil {
			return err
		}
	}
	if t.done {
		return fmt.Errorf("cancel task %q: %w", t.name, ErrAlreadyDone)
	}
	t.coro.cancel()
	return nil
}

// CreateTask schedules fn as a new task on co's loop and returns at once.
// The task starts when the loop is next free, that is, when the caller
// next awaits. Called from anywhere but co's own task, or with a nil fn,
// it returns a task that has already failed with the reason
// (ErrOutsideLoop, ErrNotThisTask or ErrNilFunc), so the mistake
// surfaces at the first Await or Result.
func CreateTask[T any](co *Coro, name string, fn func(*Coro) (T, error)) *Task[T] {
	err := co.check()
	if err == nil && fn == nil {
		err = ErrNilFunc
	}
	if err != nil {
		t := &Task[T]{coro: Coro{state: coDone}}
		t.futureState = futureState{name: name, done: true, fixed: true, err: err}
		t.coro.done = &t.futureState
		if co != nil {
			t.loop = co.loop
		}
		return t
	}
	return newTask(co.loop, name, fn)
}

func newTask[T any](l *Loop, name string, fn func(*Coro) (T, error)) *Task[T] {
	// Field by field, not by struct assignment: copying whole structs
	// into the heap object costs bulk write barriers while the GC runs.
	t := &Task[T]{fn: fn}
	co := &t.coro
	l.taskSeq++
	co.loop, co.id, co.body, co.done = l, l.taskSeq, t, &t.futureState
	t.loop, t.name, t.owner = l, name, co
	l.live.push(co)
	l.schedule(co, co.gen)
	return t
}

// runBody runs the task's function on its worker and finishes the task,
// turning a panic into a PanicError for whoever awaits it.
func (t *Task[T]) runBody() {
	co := &t.coro
	var err error
	defer func() {
		if r := recover(); r != nil {
			if _, ok := r.(killed); ok {
				return
			}
			err = &PanicError{Task: t.name, Value: r, Stack: debug.Stack()}
		}
		co.finish(err)
	}()
	t.val, err = t.fn(co)
}
