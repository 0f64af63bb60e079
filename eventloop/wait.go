// Claim: a task can wait for the first of several awaitables, or take
// them one by one as they finish, as asyncio.wait and asyncio.as_completed
// allow. Wait returns when the first is done, when the first fails or
// when all are done, and cancels none of them; AsCompleted hands over
// each index in the order its awaitable finished. Both are built on the
// chapter's exported API alone: a done callback on each awaitable, and
// one future that the waiting task awaits.
//
//	go test -run 'TestWait(First|All|Sees|Cancelled|Misuse|From)|TestAsCompleted' -v ./eventloop/
//
// You will see Wait return after 1s with the one task done and the others
// still running, give up at the first failure and not at a cancellation,
// and AsCompleted take three tasks of 3, 1 and 2 s as 1, 2, 0 at 1s, 2s
// and 3s.

package eventloop

import (
	"errors"
	"fmt"
	"iter"
)

// ReturnWhen says when Wait returns, as asyncio.wait's return_when does.
type ReturnWhen int

const (
	// AllCompleted: once every awaitable is done. It is the zero value,
	// as ALL_COMPLETED is asyncio's default.
	AllCompleted ReturnWhen = iota
	// FirstCompleted: once any awaitable is done, however it ended.
	FirstCompleted
	// FirstException: once any awaitable fails with an error that is not
	// a cancellation, or else once all are done.
	FirstException
)

// ErrBadReturnWhen: Wait was given a ReturnWhen other than AllCompleted,
// FirstCompleted and FirstException.
var ErrBadReturnWhen = errors.New("eventloop: Wait needs AllCompleted, FirstCompleted or FirstException")

// Wait pauses the calling task until the awaitables meet when, and returns
// the indices of those that are done, in the order they finished (those
// done already come first, in argument order). Read an outcome with Await,
// which returns at once for a done awaitable. Those not in the list are
// still running: Wait cancels nothing, not when it returns and not when
// the calling task is cancelled, which returns ErrCancelled beside the
// indices done so far. With FirstException, Wait reads the outcome of each
// awaitable that finishes, which counts as retrieving its error, as
// asyncio's wait calls exception(). A nil awaitable is ErrNilFuture and
// one of another loop ErrOtherLoop, before anything is awaited; with no
// awaitables Wait returns at once.
func Wait[T any](co *Coro, when ReturnWhen, aws ...Awaitable[T]) ([]int, error) {
	if when < AllCompleted || when > FirstException {
		return nil, fmt.Errorf("%w (got %d)", ErrBadReturnWhen, when)
	}
	fl, err := watch(co, aws)
	if err != nil {
		return nil, err
	}
	defer fl.stop()
	var done []int
	for len(done) < len(aws) {
		i, err := fl.next()
		if err != nil {
			return done, err
		}
		done = append(done, i)
		done = append(done, fl.takeReady()...)
		switch when {
		case FirstCompleted:
			return done, nil
		case FirstException:
			for _, j := range done {
				if fl.failed(j) {
					return done, nil
				}
			}
		}
	}
	return done, nil
}

// AsCompleted yields the index of each awaitable as it finishes, the first
// to finish first, as asyncio.as_completed does; Await the awaitable at
// that index for its outcome, which returns at once. The loop body may
// await too: what finishes meanwhile is yielded next. If the calling
// task's own wait fails (it is cancelled, or the loop is closing), or an
// awaitable is nil (ErrNilFuture) or of another loop (ErrOtherLoop), the
// sequence yields -1 with that error and ends. Breaking out of the loop
// early cancels nothing.
func AsCompleted[T any](co *Coro, aws ...Awaitable[T]) iter.Seq2[int, error] {
	return func(yield func(int, error) bool) {
		fl, err := watch(co, aws)
		if err != nil {
			yield(-1, err)
			return
		}
		defer fl.stop()
		for range aws {
			i, err := fl.next()
			if err != nil {
				yield(-1, err)
				return
			}
			if !yield(i, nil) {
				return
			}
		}
	}
}

// member is what Wait, AsCompleted and Shield use of an awaitable: only
// exported methods, which *Future[T] and *Task[T] both have.
type member[T any] interface {
	Awaitable[T]
	Done() bool
	Cancelled() bool
	Result() (T, error)
	AddDoneCallback(func()) error
}

// finishLine records, on the loop, the order in which a set of awaitables
// finish, and wakes the one task that waits for the next of them.
type finishLine[T any] struct {
	co      *Coro
	members []member[T]
	order   []int             // finished and not yet taken, in order
	wake    *Future[struct{}] // pending while the task waits, else nil
	stopped bool              // nobody listens any more: ignore finishes
}

// watch checks co and every awaitable, and registers a done callback on
// each; those done already are recorded at once, in argument order.
func watch[T any](co *Coro, aws []Awaitable[T]) (*finishLine[T], error) {
	if err := onLoop(co); err != nil {
		return nil, err
	}
	fl := &finishLine[T]{co: co, members: make([]member[T], len(aws))}
	for i, a := range aws {
		m, err := memberOf(a)
		if err == nil {
			err = m.AddDoneCallback(func() { fl.finished(i) })
			if errors.Is(err, ErrNilLoop) && m.Done() {
				// Born failed on no loop (CreateTask's misuse): done, and
				// readable anywhere, so awaiting it returns its reason.
				fl.finished(i)
				err = nil
			}
		}
		if err != nil {
			fl.stop() // callbacks already registered will do nothing
			return nil, fmt.Errorf("awaitable %d: %w", i, foreign(err))
		}
		fl.members[i] = m
	}
	return fl, nil
}

// memberOf is a's member view; a nil interface or nil pointer is
// ErrNilFuture. The nil *Task is caught here, since a method that *Task
// has through its Future would dereference it.
func memberOf[T any](a Awaitable[T]) (member[T], error) {
	switch v := a.(type) {
	case *Task[T]:
		if v != nil {
			return v, nil
		}
	case *Future[T]:
		if v != nil {
			return v, nil
		}
	}
	return nil, ErrNilFuture
}

// foreign names the error of a done callback that the loop refused. The
// caller has checked that it runs as a task of its loop, so a loop check
// that fails here is the awaitable's: it belongs to another loop (or to
// none, as a NewFuture(nil) does), as Await would say.
func foreign(err error) error {
	if errors.Is(err, ErrOutsideLoop) || errors.Is(err, ErrWrongGoroutine) || errors.Is(err, ErrNilLoop) {
		return ErrOtherLoop
	}
	return err
}

func (fl *finishLine[T]) finished(i int) {
	if fl.stopped {
		return
	}
	fl.order = append(fl.order, i)
	if w := fl.wake; w != nil {
		fl.wake = nil
		whereAllowed(fl.co.Loop(), func() { _ = w.SetResult(struct{}{}) })
	}
}

func (fl *finishLine[T]) stop() { fl.stopped, fl.wake = true, nil }

// next waits until some awaitable has finished and takes the earliest.
func (fl *finishLine[T]) next() (int, error) {
	for len(fl.order) == 0 {
		fl.wake = NewFuture[struct{}](fl.co.Loop())
		if _, err := Await(fl.co, fl.wake); err != nil {
			fl.wake = nil
			return -1, err
		}
	}
	i := fl.order[0]
	fl.order = fl.order[1:]
	return i, nil
}

// takeReady takes every index that has finished, without waiting.
func (fl *finishLine[T]) takeReady() []int {
	ready := fl.order
	fl.order = nil
	return ready
}

// failed reports whether the awaitable at i ended with an error other
// than a cancellation.
func (fl *finishLine[T]) failed(i int) bool {
	m := fl.members[i]
	_, err := m.Result()
	return err != nil && !m.Cancelled()
}

// onLoop checks, through the exported API alone, what every await checks
// first: that a loop is running co's task and that the caller is that
// task. A future's SetResult refuses a caller that is not on the loop
// (ErrOutsideLoop, ErrWrongGoroutine); awaiting the future it has just
// completed returns at once, and refuses a caller that is on the loop but
// is not co's task (ErrNotThisTask).
func onLoop(co *Coro) error {
	if co.Loop() == nil {
		return ErrOutsideLoop
	}
	probe := NewFuture[struct{}](co.Loop())
	if err := probe.SetResult(struct{}{}); err != nil {
		return err
	}
	_, err := Await(co, probe)
	return err
}

// whereAllowed runs fn, the work of a done callback, where the loop allows
// its loop-only calls (SetResult, Cancel, Result): at once where it does,
// as in nearly every callback, or else at the loop's next turn. The done
// callback of a task cancelled before it ever started runs outside any
// step of the loop, where those calls return ErrWrongGoroutine.
func whereAllowed(l *Loop, fn func()) {
	if NewFuture[struct{}](l).SetResult(struct{}{}) == nil {
		fn()
		return
	}
	_ = l.CallSoonThreadsafe(fn)
}
