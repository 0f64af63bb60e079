// Claim A6: while one coroutine waits, others progress. Awaiting a future
// pauses only the task that awaits it, and the loop runs the others until
// the result arrives. A future belongs to its loop's goroutine: set from
// another, it would race with the loop or leave it asleep, so there it
// refuses with ErrWrongGoroutine.
//
//	go test -run 'TestTwoTasksInterleaveAtEachAwait|TestForeignSetResult' -v ./eventloop/
//
// You will see two tasks' steps interleave as a0 b0 a1 b1 a2 b2, and a
// SetResult from another goroutine refused with ErrWrongGoroutine, then
// delivered through CallSoonThreadsafe.

package eventloop

import "errors"

// futureState is what every future and task holds whatever its type T:
// done or not, the error, who to wake, and the task behind it, if any.
// Code that needs no T (completing, cancelling, waking) works on it.
type futureState struct {
	loop      *Loop
	name      string
	err       error
	waiters   waiters // told once, when done
	owner     *Coro   // the task behind this future, if it is a task's
	done      bool
	fixed     bool // born done and never on a loop (a task born failed): readable anywhere
	retrieved bool // someone saw the outcome (asyncio's "exception retrieved")
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
type doneHandler interface{ futureDone(b *futureState) }

// callback adapts AddDoneCallback's func. A func is a pointer underneath,
// so storing one in the interface allocates nothing, and the future's
// loop catches its panic, so it needs no wrapping closure either.
type callback func()

func (fn callback) futureDone(b *futureState) { b.loop.safely(fn) }

func (w waiter) tell(b *futureState) {
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

func (b *futureState) complete(err error) {
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
func (b *futureState) cancel() error {
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

// Future is a result that some callback or task will set later. Its
// methods belong to the loop's goroutine while the loop runs: from any
// other goroutine they return ErrWrongGoroutine, and such a goroutine
// sets a future through CallSoonThreadsafe instead. Done and Cancelled,
// which cannot return that error, belong to the loop's goroutine too.
type Future[T any] struct {
	futureState
	val T
}

// NewFuture makes a pending future on l. A future made on a nil loop
// answers every method with ErrNilLoop.
func NewFuture[T any](l *Loop) *Future[T] {
	return &Future[T]{futureState: futureState{loop: l, name: "future"}}
}

// future is how Await reaches the future behind any Awaitable.
//
//lint:ignore U1000 called through the generic Awaitable interface, which staticcheck does not follow
func (f *Future[T]) future() *Future[T] { return f }

// Done reports whether the future has its outcome.
func (f *Future[T]) Done() bool { return f != nil && f.done }

// Cancelled reports whether the outcome is a cancellation.
func (f *Future[T]) Cancelled() bool { return f != nil && f.done && errors.Is(f.err, ErrCancelled) }

// SetResult completes the future with v and wakes its awaiters.
func (f *Future[T]) SetResult(v T) error {
	if f == nil {
		return ErrNilFuture
	}
	if err := f.loop.owns(); err != nil {
		return err
	}
	if f.done {
		return ErrAlreadyDone
	}
	f.val = v
	f.complete(nil)
	return nil
}

// SetError completes the future with err, which must not be nil
// (ErrNilError).
func (f *Future[T]) SetError(err error) error {
	if f == nil {
		return ErrNilFuture
	}
	if err == nil {
		return ErrNilError
	}
	if err := f.loop.owns(); err != nil {
		return err
	}
	if f.done {
		return ErrAlreadyDone
	}
	f.complete(err)
	return nil
}

// Cancel cancels a pending future; ErrAlreadyDone if it has finished.
func (f *Future[T]) Cancel() error {
	if f == nil {
		return ErrNilFuture
	}
	if err := f.loop.owns(); err != nil {
		return err
	}
	return f.cancel()
}

// Result returns the outcome without waiting, or ErrNotDone. Any
// goroutine may call it once the loop has finished; while the loop runs,
// only the loop's own.
func (f *Future[T]) Result() (T, error) {
	var zero T
	if f == nil {
		return zero, ErrNilFuture
	}
	if !f.fixed && !f.loop.readable() {
		return zero, ErrWrongGoroutine
	}
	return f.result()
}

func (f *Future[T]) result() (T, error) {
	if !f.done {
		var zero T
		return zero, ErrNotDone
	}
	f.retrieved = true
	return f.val, f.err
}

// AddDoneCallback runs fn on the loop when the future is done (at once if
// it already is).
func (f *Future[T]) AddDoneCallback(fn func()) error {
	if f == nil {
		return ErrNilFuture
	}
	if fn == nil {
		return ErrNilFunc
	}
	if err := f.loop.owns(); err != nil {
		return err
	}
	if f.done {
		f.loop.safely(fn)
		return nil
	}
	f.waiters.add(waiter{on: callback(fn)})
	return nil
}

// awaited is a's future, checked: not nil, and of co's loop.
func awaited[T any](co *Coro, a Awaitable[T]) (*Future[T], error) {
	if a == nil {
		return nil, ErrNilFuture
	}
	f := a.future()
	if f == nil {
		return nil, ErrNilFuture
	}
	if f.loop != co.loop && !f.fixed {
		return nil, ErrOtherLoop
	}
	return f, nil
}

// Await pauses the calling task until a is done and returns its outcome.
// If the task is cancelled meanwhile, Await returns ErrCancelled and
// cancels a too, as asyncio does (wrap nothing: there is no shield here).
func Await[T any](co *Coro, a Awaitable[T]) (T, error) {
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
		err := co.suspend()
		if err != nil {
			if errors.Is(err, ErrCancelled) {
				f.cancel()
			}
			return zero, err
		}
	}
	return f.result()
}
