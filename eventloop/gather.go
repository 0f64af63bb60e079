// Claim A5: gathering coroutines runs them concurrently: three 2 s waits
// take 2 s. Gather waits for several awaitables at once and returns their
// results in argument order; WaitFor waits for one with a deadline.
//
//	go test -run 'TestGather|TestWaitFor' -v ./eventloop/
//
// You will see three 2 s waits gathered in 2s, results in argument order
// however they finished, Gather return the first error in time at 1s and
// leave the rest running, and WaitFor give up at its deadline.

package eventloop

import "time"

// Gather waits for every awaitable and returns their results in argument
// order, however they finished. On the first error (the first to happen,
// not the first in the list) Gather returns that error at once and leaves
// the others running, as asyncio.gather does by default; their outcomes
// can still be awaited. If the calling task is cancelled, Gather cancels
// every child that has not finished. A nil child (ErrNilFuture) or one of
// another loop (ErrOtherLoop) fails the call before anything is awaited.
func Gather[T any](co *Coro, aws ...Awaitable[T]) ([]T, error) {
	if err := co.check(); err != nil {
		return nil, err
	}
	futs := make([]*Future[T], len(aws))
	for i, a := range aws {
		f, err := awaited(co, a)
		if err != nil {
			return nil, err
		}
		futs[i] = f
	}
	g := &gathering{co: co}
	for _, f := range futs {
		switch {
		case !f.done:
			g.pending++
		case f.err != nil && g.firstErr == nil:
			g.firstErr = &f.futureState
		}
	}
	if g.firstErr == nil && g.pending > 0 {
		g.gen = co.gen
		for _, f := range futs {
			if !f.done {
				f.waiters.add(waiter{on: g})
			}
		}
		if err := co.suspend(); err != nil {
			g.finished = true
			for _, f := range futs {
				f.cancel()
			}
			return nil, err
		}
	}
	if g.firstErr != nil {
		g.firstErr.retrieved = true
		return nil, g.firstErr.err
	}
	out := make([]T, len(futs))
	for i, f := range futs {
		out[i], _ = f.result()
	}
	return out, nil
}

// gathering is one Gather's bookkeeping, told by each child as it ends:
// one object for all the children rather than a closure for each.
type gathering struct {
	co       *Coro
	gen      uint64 // the wait the gathering task is in
	pending  int
	firstErr *futureState
	finished bool // the task was woken or gave up: later children are ignored
}

func (g *gathering) futureDone(b *futureState) {
	if g.finished {
		return
	}
	g.pending--
	if b.err != nil && g.firstErr == nil {
		g.firstErr = b
	}
	if g.firstErr != nil || g.pending == 0 {
		g.finished = true
		g.co.loop.schedule(g.co, g.gen)
	}
}

// WaitFor awaits a for at most timeout. When time runs out it cancels a
// and returns ErrTimeout; if the task is cancelled, a is cancelled too. A
// timeout of zero or less (time.Until of a deadline already past) runs
// out at the next turn of the loop, unless a is done already.
func WaitFor[T any](co *Coro, a Awaitable[T], timeout time.Duration) (T, error) {
	var zero T
	if err := co.check(); err != nil {
		return zero, err
	}
	f, err := awaited(co, a)
	if err != nil {
		return zero, err
	}
	if !f.done {
		f.waiters.add(co.waiter())
		co.loop.addTimer(timeout, co)
		err := co.suspend() // whatever ends the wait leaves the timer stale
		if err != nil || !f.done {
			f.cancel()
			if err == nil {
				err = ErrTimeout
			}
			return zero, err
		}
	}
	return f.result()
}
