// Futures and await: a future is a result that arrives later; awaiting it
// pauses the task (not the loop) until it does.
// Run: go test -run TestFuture -v ./eventloop/
package eventloop

import "errors"

// base is the untyped part of every future and task: done or not, the
// error, and who to wake.
type base struct {
	loop      *Loop
	name      string
	done      bool
	err       error
	retrieved bool    // someone saw the outcome (asyncio's "exception retrieved")
	waiters   waiters // told once, when done
	owner     *Coro   // the task behind this future, if it is a task's
}

// waiter is one party to tell when a future completes: a task to resume
// (if it is still in wait gen), or a handler to call.
type waiter struct {
	co  *Coro
	gen uint64
	on  doneHandler
}

// doneHandler is told that future b has completed. Gather implements it
// once for all its children instead of making a closure per child.
type doneHandler interface{ futureDone(b *base) }

// callback adapts AddDoneCallback's func. A func is a pointer underneath,
// so storing one in the interface allocates nothing.
type callback func()

func (fn callback) futureDone(*base) { fn() }

func (w waiter) tell(b *base) {
	switch {
	case w.co != nil:
		w.co.loop.schedule(w.co, w.gen)
	case w.on != nil:
		w.on.futureDone(b)
	}
}

// waiters keeps the parties in the order they came. Nearly every future
// has exactly one (the task awaiting it), so the first is held inline and
// an await allocates nothing.
type waiters struct {
	first waiter
	rest  []waiter
}

func (ws *waiters) add(w waiter) {
	if ws.first.co == nil && ws.first.on == nil {
		ws.first = w
		return
	}
	ws.rest = append(ws.rest, w)
}

func (b *base) complete(err error) {
	b.done, b.err = true, err
	if err != nil && !errors.Is(err, ErrCancelled) {
		b.loop.failed = append(b.loop.failed, b)
	}
	ws := b.waiters
	b.waiters = waiters{}
	ws.first.tell(b)
	for _, w := range ws.rest {
		w.tell(b)
	}
}

// cancel cancels a future at once, or asks a task to cancel at its await.
func (b *base) cancel() error {
	if b.done {
		return ErrAlreadyDone
	}
	if b.owner != nil {
		b.owner.cancel()
		return nil
	}
	b.complete(ErrCancelled)
	return nil
}

// Awaitable is anything Await accepts: *Future[T] and *Task[T].
type Awaitable[T any] interface {
	future() *Future[T]
}

// Future is a result that some callback, task or other goroutine (through
// CallSoonThreadsafe) will set later. Its methods belong to the loop's
// goroutine.
type Future[T any] struct {
	base
	val T
}

// NewFuture makes a pending future on l.
func NewFuture[T any](l *Loop) *Future[T] {
	return &Future[T]{base: base{loop: l, name: "future"}}
}

func (f *Future[T]) future() *Future[T] { return f }

// Done reports whether the future has its outcome.
func (f *Future[T]) Done() bool { return f.done }

// Cancelled reports whether the outcome is a cancellation.
func (f *Future[T]) Cancelled() bool { return f.done && errors.Is(f.err, ErrCancelled) }

// SetResult completes the future with v and wakes its awaiters.
func (f *Future[T]) SetResult(v T) error {
	if f.done {
		return ErrAlreadyDone
	}
	f.val = v
	f.complete(nil)
	return nil
}

// SetError completes the future with err (which must not be nil).
func (f *Future[T]) SetError(err error) error {
	if f.done {
		return ErrAlreadyDone
	}
	if err == nil {
		return errors.New("eventloop: SetError needs a non-nil error")
	}
	f.complete(err)
	return nil
}

// Cancel cancels a pending future; ErrAlreadyDone if it has finished.
func (f *Future[T]) Cancel() error { return f.cancel() }

// Result returns the outcome without waiting, or ErrNotDone.
func (f *Future[T]) Result() (T, error) {
	if !f.done {
		var zero T
		return zero, ErrNotDone
	}
	f.retrieved = true
	return f.val, f.err
}

// AddDoneCallback runs fn on the loop when the future is done (at once if
// it already is).
func (f *Future[T]) AddDoneCallback(fn func()) {
	if f.done {
		fn()
		return
	}
	f.waiters.add(waiter{on: callback(fn)})
}

// Await pauses the calling task until a is done and returns its outcome.
// If the task is cancelled meanwhile, Await returns ErrCancelled and
// cancels a too, as asyncio does (wrap nothing: there is no shield here).
func Await[T any](co *Coro, a Awaitable[T]) (T, error) {
	var zero T
	if err := co.check(); err != nil {
		return zero, err
	}
	f := a.future()
	if f.loop != co.loop {
		return zero, errors.New("eventloop: awaiting a future of another loop")
	}
	if !f.done {
		f.waiters.add(co.waiter())
		err := co.suspend()
		if err != nil {
			if errors.Is(err, ErrCancelled) {
				f.cancel()
			}
			return zero, err
		}
	}
	return f.Result()
}
