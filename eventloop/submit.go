// Claim A14, the other door: a goroutine that is not the loop's may not
// create a task, but it may hand the loop a coroutine, as asyncio's
// run_coroutine_threadsafe does. The loop starts it as a task, and the
// goroutine waits for the outcome outside the loop, with a context, as it
// would for any other call.
//
//	go test -race -run 'TestSubmit|ExampleSubmit' -v ./eventloop/
//
// You will see eight goroutines' tasks of 1 to 8 s each answer its own
// goroutine at its own second, 8s for all of them together, and the
// Pendings of a loop that ended first end with ErrCancelled or
// ErrLoopClosing.

package eventloop

import "context"

// Pending is a submitted task as its submitter sees it, asyncio's
// concurrent.futures.Future returned by run_coroutine_threadsafe. Unlike
// a Task's, its methods are safe from any goroutine, and Wait is for
// goroutines outside the loop.
type Pending[T any] struct {
	loop *Loop
	name string
	done chan struct{} // closed once val and err are set
	val  T
	err  error
	task *Task[T] // the task, once the loop has made it; the loop's alone
}

// Submit hands fn to the running loop l from any goroutine. The loop
// starts it as a task named name at its next turn; Submit returns at once
// with the task's Pending. It fails with ErrOutsideLoop before Run has
// started l and with ErrLoopClosed once l has finished. If l finishes
// before the task does, the task is cancelled like any other and the
// Pending ends with the task's outcome (ErrCancelled, usually); a task
// the closing loop could no longer start ends with ErrLoopClosing.
//
// A task of l's own may submit too, but it should make its task with
// CreateTask and await it: on the loop, Pending.Wait would block the
// loop, and refuses with ErrWrongGoroutine.
func Submit[T any](l *Loop, name string, fn func(*Coro) (T, error)) (*Pending[T], error) {
	if l == nil {
		return nil, ErrNilLoop
	}
	if fn == nil {
		return nil, ErrNilFunc
	}
	if l.state.Load() == stateNew {
		return nil, ErrOutsideLoop
	}
	p := &Pending[T]{loop: l, name: name, done: make(chan struct{})}
	var zero T
	err := l.post(posting{
		fn: func() { // on the loop, as a callback
			if l.closing {
				p.finish(zero, ErrLoopClosing)
				return
			}
			p.task = newTask(l, name, fn)
			p.task.waiters.add(waiter{on: p})
		},
		dropped: func() { p.finish(zero, ErrLoopClosing) },
	})
	if err != nil {
		return nil, err
	}
	return p, nil
}

// usable is false for a nil Pending or a zero one, which no Submit made.
func (p *Pending[T]) usable() bool { return p != nil && p.loop != nil }

// futureDone is told by the task when it ends, on the loop. The task's
// error now has a reader, so the loop must not report it as unretrieved.
func (p *Pending[T]) futureDone(b *futureState) {
	b.retrieved = true
	p.finish(p.task.val, b.err)
}

func (p *Pending[T]) finish(v T, err error) {
	p.val, p.err = v, err
	close(p.done)
}

// Name is the name given to Submit.
func (p *Pending[T]) Name() string {
	if p == nil {
		return ""
	}
	return p.name
}

// closed stands in for a nil or zero Pending's channel, so that a select
// on it goes on to Wait, which reports ErrNilFuture.
var closed = func() chan struct{} { c := make(chan struct{}); close(c); return c }()

// Done is closed once the outcome is ready, for use in a select.
func (p *Pending[T]) Done() <-chan struct{} {
	if !p.usable() {
		return closed
	}
	return p.done
}

// Wait blocks until the task has ended and returns its outcome, or until
// ctx ends and returns ctx.Err(), leaving the task running (cancel it
// with Cancel), as concurrent.futures.Future.result(timeout) does. A nil
// ctx waits without limit. Called on the loop's own goroutine, where it
// would block the very loop that must finish the task, it returns
// ErrWrongGoroutine instead.
func (p *Pending[T]) Wait(ctx context.Context) (T, error) {
	var zero T
	if !p.usable() {
		return zero, ErrNilFuture
	}
	select {
	case <-p.done:
		return p.val, p.err
	default:
	}
	if p.loop.owns() == nil {
		return zero, ErrWrongGoroutine
	}
	if ctx == nil {
		ctx = context.Background()
	}
	select {
	case <-p.done:
		return p.val, p.err
	case <-ctx.Done():
		return zero, ctx.Err()
	}
}

// Cancel asks the loop to cancel the task, from any goroutine: it is
// cancelled as Task.Cancel would, at the loop's next turn, and Wait then
// returns its outcome (ErrCancelled, unless the task catches it).
// Cancelling a task that has ended is ErrAlreadyDone; after the loop has
// finished, ErrLoopClosed.
func (p *Pending[T]) Cancel() error {
	if !p.usable() {
		return ErrNilFuture
	}
	select {
	case <-p.done:
		return ErrAlreadyDone
	default:
	}
	// The task was posted before this, so by the time this runs the
	// loop has made it, or has already finished p.
	return p.loop.post(posting{fn: func() {
		if p.task != nil && !p.task.done {
			p.task.coro.cancel()
		}
	}})
}
