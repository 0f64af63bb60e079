// Claim A8: handing blocking work to another goroutine keeps the loop
// serving. ToThread and RunInExecutor run a call off the loop and pause
// only the task that awaits it; a panic there comes back to that task as
// a *PanicError, as an exception in asyncio's worker thread does.
//
//	go test -run 'TestToThreadKeepsTheLoopServing|TestPanicIn' -v ./eventloop/
//
// You will see the main task tick three times while a 1 s call blocks
// another goroutine, and each panic, whichever executor it was in, logged
// as the PanicError its task received.

package eventloop

import (
	"context"
	"fmt"
	"reflect"
	"runtime/debug"
)

// Executor runs calls of one function, from A to R, somewhere other than
// the loop: on goroutines (InGoroutines), on at most n goroutines at a
// time (Bounded), or in worker processes (Func.On of multiprocessing/pool).
// The model is asyncio's run_in_executor(executor, fn, *args). An executor
// knows its function and is given only the argument, because a closure
// cannot travel to another process, while a registered function and a
// value can.
//
// RunInExecutor calls Execute on a goroutine of its own and cancels ctx
// when the awaiting task is cancelled. A panic in Execute reaches that
// task as a *PanicError; a panic on a goroutine that Execute starts for
// itself is out of the loop's reach, as any goroutine's panic is, so an
// executor that starts goroutines recovers there.
type Executor[A, R any] interface {
	Execute(ctx context.Context, arg A) (R, error)
}

// InGoroutines is the executor Go offers where asyncio offers a thread
// pool: each call of fn runs on the goroutine RunInExecutor starts for
// it, with no limit on how many run at once. (Called directly, Execute
// runs fn on the caller's goroutine.) A nil fn makes every call fail with
// ErrNilFunc.
func InGoroutines[A, R any](fn func(context.Context, A) (R, error)) Executor[A, R] {
	return goroutines[A, R]{fn: fn}
}

// Bounded is InGoroutines with at most n calls running at a time, as in
// a pool of n threads. A call waits for a free slot and gives up with
// ctx.Err() if its context ends first. n < 1 is ErrBadLimit and a nil fn
// ErrNilFunc; either way the executor returned is nil.
func Bounded[A, R any](n int, fn func(context.Context, A) (R, error)) (Executor[A, R], error) {
	if n < 1 {
		return nil, fmt.Errorf("%w: Bounded(%d)", ErrBadLimit, n)
	}
	if fn == nil {
		return nil, ErrNilFunc
	}
	return goroutines[A, R]{fn: fn, slots: make(slots, n)}, nil
}

// goroutines is InGoroutines' executor and, with slots, Bounded's.
type goroutines[A, R any] struct {
	fn    func(context.Context, A) (R, error)
	slots slots
}

func (g goroutines[A, R]) Execute(ctx context.Context, arg A) (R, error) {
	var zero R
	if g.fn == nil {
		return zero, ErrNilFunc
	}
	if ctx == nil {
		ctx = context.Background()
	}
	if err := g.slots.take(ctx); err != nil {
		return zero, err
	}
	defer g.slots.give() // deferred, so that a panic in fn frees its slot
	return g.fn(ctx, arg)
}

// slots is a counting semaphore: at most cap(s) calls hold one at once.
// A nil slots is no limit.
type slots chan struct{}

// take waits for a slot, or for ctx to end.
func (s slots) take(ctx context.Context) error {
	if s == nil {
		return nil
	}
	select {
	case s <- struct{}{}:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

func (s slots) give() {
	if s != nil {
		<-s
	}
}

// ToThreadLimit lets at most n ToThread calls of the loop run at once;
// the others wait for a turn, as calls queue for asyncio's default
// executor, a pool of a few threads. Without it ToThread has no limit,
// since a goroutine is cheap. An n below 1 would leave no room for any
// call, so a loop made with one does not run: Run returns ErrBadLimit.
func ToThreadLimit(n int) Option {
	return func(c *config) {
		if n < 1 {
			c.err = fmt.Errorf("%w: ToThreadLimit(%d)", ErrBadLimit, n)
			return
		}
		c.toThread = n
	}
}

// ToThread runs a blocking fn on a goroutine of its own and pauses the
// task until it returns, like asyncio.to_thread. fn takes no context, so
// a task cancelled meanwhile gets ErrCancelled at once and fn runs on to
// its end, which Run waits for. With ToThreadLimit, fn may first wait for
// a turn; a task cancelled then never starts it. A nil fn is ErrNilFunc.
func ToThread[T any](co *Coro, fn func() (T, error)) (T, error) {
	var zero T
	if err := co.check(); err != nil {
		return zero, err
	}
	if fn == nil {
		return zero, ErrNilFunc
	}
	turns := co.loop.toThread
	return offLoop(co, "the function given to ToThread", func(ctx context.Context) (T, error) {
		if err := turns.take(ctx); err != nil {
			return zero, err
		}
		defer turns.give()
		return fn()
	})
}

// RunInExecutor calls ex.Execute(ctx, arg) on a goroutine of its own and
// pauses the task until it returns, while the loop serves the others. If
// the task is cancelled first, ctx is cancelled and the task gets
// ErrCancelled; Run still waits for Execute to return, so no call
// outlives the loop. A panic in Execute reaches the task as a
// *PanicError. A nil ex, or a nil pointer or func inside one, is
// ErrNilExecutor.
func RunInExecutor[A, R any](co *Coro, ex Executor[A, R], arg A) (R, error) {
	var zero R
	if err := co.check(); err != nil {
		return zero, err
	}
	if isNil(ex) {
		return zero, ErrNilExecutor
	}
	return offLoop(co, "the executor's Execute", func(ctx context.Context) (R, error) {
		return ex.Execute(ctx, arg)
	})
}

// isNil is true for a nil Executor and for a nil pointer or func inside
// one, whose Execute would dereference nothing.
func isNil[A, R any](ex Executor[A, R]) bool {
	if ex == nil {
		return true
	}
	v := reflect.ValueOf(ex)
	switch v.Kind() {
	case reflect.Pointer, reflect.Func:
		return v.IsNil()
	}
	return false
}

// offLoop runs call on a new goroutine and pauses co until it returns;
// what names call in a PanicError. The goroutine's context is cancelled
// when co stops waiting (cancelled, or its loop closing).
func offLoop[R any](co *Coro, what string, call func(context.Context) (R, error)) (R, error) {
	l := co.loop
	f := NewFuture[R](l)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	l.calls.Add(1)
	go func() {
		defer l.calls.Done()
		// The outcome is posted from a deferred call, so that it reaches
		// the task even when call ends this goroutine with runtime.Goexit
		// (t.FailNow inside ToThread, say): then the assignment below
		// never happens, and the task is told ErrGoexit instead of
		// waiting for ever.
		var v R
		err := error(ErrGoexit)
		defer func() {
			// After the loop has closed nobody is waiting: drop the result.
			_ = l.post(posting{fn: func() {
				if !f.done {
					f.val = v
					f.complete(err)
				}
			}})
		}()
		v, err = recovered(ctx, call, co.Name(), what)
	}()
	return Await(co, f)
}

// recovered runs call and turns a panic in it into a *PanicError, so that
// the process, the loop and the other tasks live on.
func recovered[R any](ctx context.Context, call func(context.Context) (R, error), task, what string) (v R, err error) {
	defer func() {
		if r := recover(); r != nil {
			var zero R
			v, err = zero, &PanicError{Task: task, Call: what, Value: r, Stack: debug.Stack()}
		}
	}()
	return call(ctx)
}
