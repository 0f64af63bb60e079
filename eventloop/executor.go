// Leaving the loop for blocking work (A8): ToThread and RunInExecutor run a
// function on another goroutine and let the task await its result, so the
// loop keeps serving the other tasks meanwhile. A panic there is asyncio's
// exception in the worker thread: it reaches the awaiting task as a
// *PanicError, and the process, the loop and the other tasks carry on.
// Run: go test -run 'TestToThreadKeepsTheLoopServing|TestPanicIn' -v ./eventloop/

package eventloop

import (
	"context"
	"fmt"
	"runtime/debug"
)

// Executor runs one blocking call to the end and returns its outcome. The
// loop calls Execute on a goroutine of its own, so an executor only
// decides how the call runs: directly, under a concurrency limit, or
// handed to a pool of worker processes by a closure. The fn it is given
// never panics (a panic inside becomes a *PanicError result), so an
// executor that runs fn on goroutines of its own is safe from it; a panic
// in Execute's own code reaches the awaiting task as a *PanicError too.
type Executor interface {
	Execute(ctx context.Context, fn func(context.Context) (any, error)) (any, error)
}

// ExecutorFunc lets a plain function be an Executor.
type ExecutorFunc func(ctx context.Context, fn func(context.Context) (any, error)) (any, error)

// Execute calls f (a nil f is ErrNilExecutor).
func (f ExecutorFunc) Execute(ctx context.Context, fn func(context.Context) (any, error)) (any, error) {
	if f == nil {
		return nil, ErrNilExecutor
	}
	return f(ctx, fn)
}

// GoroutineExecutor runs each call on its own goroutine, with no limit:
// the loop's default, Go's answer to asyncio's thread pool.
var GoroutineExecutor Executor = ExecutorFunc(func(ctx context.Context, fn func(context.Context) (any, error)) (any, error) {
	if fn == nil {
		return nil, ErrNilFunc
	}
	return fn(ctx)
})

// BoundedExecutor runs at most n calls at a time; the rest queue, as in a
// pool of n threads.
func BoundedExecutor(n int) (Executor, error) {
	if n < 1 {
		return nil, fmt.Errorf("eventloop: BoundedExecutor needs n >= 1, got %d", n)
	}
	slots := make(chan struct{}, n)
	return ExecutorFunc(func(ctx context.Context, fn func(context.Context) (any, error)) (any, error) {
		if fn == nil {
			return nil, ErrNilFunc
		}
		if ctx == nil {
			ctx = context.Background()
		}
		select {
		case slots <- struct{}{}:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		defer func() { <-slots }()
		return fn(ctx)
	}), nil
}

// RunInExecutor runs fn through ex and pauses the task until it returns.
// If the task is cancelled first, fn's context is cancelled and the task
// gets ErrCancelled; the loop still waits for fn before Run returns, so
// no goroutine outlives it. A nil ex is ErrNilExecutor, a nil fn
// ErrNilFunc; a panic in fn or in ex.Execute is a *PanicError.
func RunInExecutor[T any](co *Coro, ex Executor, fn func(context.Context) (T, error)) (T, error) {
	if err := co.check(); err != nil {
		var zero T
		return zero, err
	}
	return runIn(co, ex, fn, "the function given to RunInExecutor")
}

// ToThread runs a blocking fn on the loop's default executor and awaits
// it, like asyncio.to_thread.
func ToThread[T any](co *Coro, fn func() (T, error)) (T, error) {
	var zero T
	if err := co.check(); err != nil {
		return zero, err
	}
	if fn == nil {
		return zero, ErrNilFunc
	}
	return runIn(co, co.loop.cfg.executor, func(context.Context) (T, error) { return fn() }, "the function given to ToThread")
}

// runIn is RunInExecutor once co is checked; what names fn in a
// PanicError.
func runIn[T any](co *Coro, ex Executor, fn func(context.Context) (T, error), what string) (T, error) {
	var zero T
	if fn == nil {
		return zero, ErrNilFunc
	}
	if isNilExecutor(ex) {
		return zero, ErrNilExecutor
	}
	l := co.loop
	f := NewFuture[T](l)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	call := func(ctx context.Context) (any, error) { return fn(ctx) }
	l.calls.Add(1)
	go func() {
		defer l.calls.Done()
		// The outcome is posted from a deferred call, so that it reaches
		// the task even when fn ends this goroutine with runtime.Goexit
		// (t.FailNow inside ToThread, say): then nothing after execute
		// runs, and the task is told ErrGoexit instead of waiting for ever.
		tv, err := zero, error(ErrGoexit)
		defer func() {
			// After the loop has closed nobody is waiting: drop the result.
			_ = l.post(posting{fn: func() {
				if !f.done {
					f.val = tv
					f.complete(err)
				}
			}})
		}()
		v, verr := execute(ctx, ex, call, co.name, what)
		got, ok := v.(T)
		if v != nil && !ok && verr == nil {
			verr = fmt.Errorf("eventloop: executor returned %T, want %T", v, zero)
		}
		tv, err = got, verr
	}()
	return Await(co, f)
}

// isNilExecutor is true for a nil Executor (what BoundedExecutor(0)
// returns beside its error) and for a nil ExecutorFunc inside a non-nil
// interface (a declared but unset ExecutorFunc).
func isNilExecutor(ex Executor) bool {
	f, isFunc := ex.(ExecutorFunc)
	return ex == nil || isFunc && f == nil
}

// execute runs fn through ex and turns a panic into a *PanicError: one in
// fn is recovered where fn runs, which may be a goroutine of ex's own, and
// one in ex's own code is recovered here. Either way the process lives.
func execute(ctx context.Context, ex Executor, fn func(context.Context) (any, error), task, what string) (v any, err error) {
	guarded := func(ctx context.Context) (v any, err error) {
		defer func() {
			if r := recover(); r != nil {
				v, err = nil, &PanicError{Task: task, Call: what, Value: r, Stack: debug.Stack()}
			}
		}()
		return fn(ctx)
	}
	defer func() {
		if r := recover(); r != nil {
			v, err = nil, &PanicError{Task: task, Call: "the executor's Execute", Value: r, Stack: debug.Stack()}
		}
	}()
	return ex.Execute(ctx, guarded)
}
