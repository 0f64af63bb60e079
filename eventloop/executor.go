// Leaving the loop for blocking work (A8): ToThread and RunInExecutor run a
// function on another goroutine and let the task await its result, so the
// loop keeps serving the other tasks meanwhile.
// Run: go test -run TestToThreadKeepsTheLoopServing -v ./eventloop/
package eventloop

import (
	"context"
	"fmt"
)

// Executor runs one blocking call to the end and returns its outcome. The
// loop calls Execute on a goroutine of its own, so an executor only
// decides how the call runs: directly, under a concurrency limit, or
// handed to a pool of worker processes by a closure.
type Executor interface {
	Execute(ctx context.Context, fn func(context.Context) (any, error)) (any, error)
}

// ExecutorFunc lets a plain function be an Executor.
type ExecutorFunc func(ctx context.Context, fn func(context.Context) (any, error)) (any, error)

// Execute calls f.
func (f ExecutorFunc) Execute(ctx context.Context, fn func(context.Context) (any, error)) (any, error) {
	return f(ctx, fn)
}

// GoroutineExecutor runs each call on its own goroutine, with no limit:
// the loop's default, Go's answer to asyncio's thread pool.
var GoroutineExecutor Executor = ExecutorFunc(func(ctx context.Context, fn func(context.Context) (any, error)) (any, error) {
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
// no goroutine outlives it.
func RunInExecutor[T any](co *Coro, ex Executor, fn func(context.Context) (T, error)) (T, error) {
	var zero T
	if err := co.check(); err != nil {
		return zero, err
	}
	l := co.loop
	f := NewFuture[T](l)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	l.calls.Add(1)
	go func() {
		defer l.calls.Done()
		v, err := ex.Execute(ctx, func(ctx context.Context) (any, error) { return fn(ctx) })
		tv, ok := v.(T)
		if v != nil && !ok && err == nil {
			err = fmt.Errorf("eventloop: executor returned %T, want %T", v, zero)
		}
		// After the loop has closed nobody is waiting: drop the result.
		_ = l.CallSoonThreadsafe(func() {
			if err != nil {
				_ = f.SetError(err)
			} else {
				_ = f.SetResult(tv)
			}
		})
	}()
	return Await(co, f)
}

// ToThread runs a blocking fn on the loop's default executor and awaits
// it, like asyncio.to_thread.
func ToThread[T any](co *Coro, fn func() (T, error)) (T, error) {
	if err := co.check(); err != nil {
		var zero T
		return zero, err
	}
	return RunInExecutor(co, co.loop.cfg.executor, func(context.Context) (T, error) { return fn() })
}
