// Gather and WaitFor (A5): wait for several things at once, or for one
// thing with a deadline.
// Run: go test -run 'TestGather|TestWaitFor' -v ./eventloop/
package eventloop

import "time"

// Gather waits for every awaitable and returns their results in argument
// order, however they finished. On the first error (the first to happen,
// not the first in the list) Gather returns that error at once and leaves
// the others running, as asyncio.gather does by default; their outcomes
// can still be awaited. If the calling task is cancelled, Gather cancels
// every child that has not finished.
func Gather[T any](co *Coro, aws ...Awaitable[T]) ([]T, error) {
	if err := co.check(); err != nil {
		return nil, err
	}
	futs := make([]*Future[T], len(aws))
	for i, a := range aws {
		futs[i] = a.future()
	}
	var firstErr *Future[T]
	pending := 0
	for _, f := range futs {
		switch {
		case !f.done:
			pending++
		case f.err != nil && firstErr == nil:
			firstErr = f
		}
	}
	if firstErr == nil && pending > 0 {
		wake := co.wakeAt()
		finished := false
		for _, f := range futs {
			if f.done {
				continue
			}
			f.AddDoneCallback(func() {
				if finished {
					return
				}
				pending--
				if f.err != nil && firstErr == nil {
					firstErr = f
				}
				if firstErr != nil || pending == 0 {
					finished = true
					wake()
				}
			})
		}
		if err := co.suspend(); err != nil {
			finished = true
			for _, f := range futs {
				f.cancel()
			}
			return nil, err
		}
	}
	if firstErr != nil {
		_, err := firstErr.Result()
		return nil, err
	}
	out := make([]T, len(futs))
	for i, f := range futs {
		out[i], _ = f.Result()
	}
	return out, nil
}

// WaitFor awaits a for at most timeout. When time runs out it cancels a
// and returns ErrTimeout; if the task is cancelled, a is cancelled too.
func WaitFor[T any](co *Coro, a Awaitable[T], timeout time.Duration) (T, error) {
	var zero T
	if err := co.check(); err != nil {
		return zero, err
	}
	f := a.future()
	if !f.done {
		f.waiters = append(f.waiters, co.wakeAt())
		t := co.loop.addTimer(timeout, co)
		err := co.suspend()
		co.loop.removeTimer(t)
		if err != nil || !f.done {
			f.cancel()
			if err == nil {
				err = ErrTimeout
			}
			return zero, err
		}
	}
	return f.Result()
}
