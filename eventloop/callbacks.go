// Claim A10, the lower layer: a callback waiting on the loop holds a
// small closure and one queue entry, not a stack. Like asyncio's, this
// loop has two layers. Below are callbacks: CallSoon for the next turn,
// CallLater and CallAt for a time, and a future's done-callbacks for an
// outcome. Tasks are built on them: a task's step is one more entry in
// the same ready queue, and its Sleep one more entry in the same timers.
//
//	go test -run 'TestCallLater|TestCallAt|TestTimerHandle|TestCallbacksAlone' -v ./eventloop/
//
// You will see ten callbacks logged at the virtual time each ran, in
// deadline order and, for two due at 1s, in the order they were set; a
// cancelled callback missing from the log even when cancelled once due;
// and a chain of timers, CallSoon and a done-callback that answers main
// at 2s, while main, the only task, just waits.

package eventloop

import (
	"fmt"
	"runtime/debug"
	"time"
)

type handleState uint8

const (
	handlePending   handleState = iota // in the loop's timers
	handleDue                          // fallen due: in the ready queue
	handleRan                          // its callback has run
	handleCancelled                    // Cancel stopped it
)

// TimerHandle is a callback set to run at a time, as CallLater and CallAt
// return it: asyncio's TimerHandle. Like a future's, its methods belong to
// the loop's goroutine while the loop runs.
type TimerHandle struct {
	loop  *Loop
	fn    func()
	when  int64 // on the loop's clock
	state handleState
}

// CallSoon schedules fn to run on the loop's next turn, after what is
// already ready. Call it only from the loop's own goroutine (a task or a
// callback); other goroutines get ErrWrongGoroutine and use
// CallSoonThreadsafe. A panic in fn becomes one of the loop's Warnings,
// and the loop carries on.
func (l *Loop) CallSoon(fn func()) error {
	if err := l.callable(fn); err != nil {
		return err
	}
	l.ready.push(item{fn: fn})
	return nil
}

// CallLater schedules fn to run on the loop once d has passed and returns
// its handle; a d of zero or less is due at the next turn. Callbacks due
// at the same moment run in the order they were set. It belongs to the
// loop's goroutine as CallSoon does, and a panic in fn is a warning too.
func (l *Loop) CallLater(d time.Duration, fn func()) (*TimerHandle, error) {
	if err := l.callable(fn); err != nil {
		return nil, err
	}
	return l.callAt(l.deadline(d), int64(d), fn), nil
}

// CallAt schedules fn to run on the loop at t and returns its handle. t is
// read on the monotonic clock when it carries a reading of it, as
// time.Now's results do; a t already past is due at the next turn.
// Otherwise it is CallLater.
func (l *Loop) CallAt(t time.Time, fn func()) (*TimerHandle, error) {
	if err := l.callable(fn); err != nil {
		return nil, err
	}
	// d 0: the timers' heap, since CallAt's deadlines come in any order.
	return l.callAt(max(int64(t.Sub(l.start)), l.now()), 0, fn), nil
}

func (l *Loop) callable(fn func()) error {
	if l == nil {
		return ErrNilLoop
	}
	if fn == nil {
		return ErrNilFunc
	}
	return l.owns()
}

func (l *Loop) callAt(when, d int64, fn func()) *TimerHandle {
	h := &TimerHandle{loop: l, fn: fn, when: when}
	l.handles++
	l.pushTimer(timer{when: when, h: h}, d)
	return h
}

// Cancel stops the callback from running, even if it has fallen due and
// waits in the ready queue. Cancelling a callback that has run, or was
// cancelled already, is ErrAlreadyDone. As in asyncio, the cancelled
// entry stays in the loop's timers, stale, until its time or a sweep.
func (h *TimerHandle) Cancel() error {
	if h == nil {
		return ErrNilHandle
	}
	if err := h.loop.owns(); err != nil {
		return err
	}
	if h.state == handleRan || h.state == handleCancelled {
		return ErrAlreadyDone
	}
	h.state = handleCancelled
	h.fn = nil // let the GC have what fn holds
	h.loop.handles--
	return nil
}

// Cancelled reports whether Cancel stopped the callback.
func (h *TimerHandle) Cancelled() bool { return h != nil && h.state == handleCancelled }

// When is the time the callback is due, with a monotonic reading; the
// zero Time for a nil or zero handle.
func (h *TimerHandle) When() time.Time {
	if h == nil || h.loop == nil {
		return time.Time{}
	}
	return h.loop.start.Add(time.Duration(h.when))
}

// callback runs fn as the loop's own step, with no task current.
func (l *Loop) callback(fn func()) {
	l.current.Store(inCallback)
	l.timed(nil, func() { l.safely(fn) })
	l.current.Store(0)
}

// safely runs a user's callback so that a panic in it becomes one of the
// loop's warnings, with its stack, and the loop carries on: asyncio logs
// an exception in a callback the same way. A task's own panic goes to
// whoever awaits it (PanicError); a callback has nobody to go to.
func (l *Loop) safely(fn func()) {
	defer func() {
		if r := recover(); r != nil {
			l.warn(fmt.Sprintf("eventloop: a callback panicked: %v\n%s", r, debug.Stack()))
		}
	}()
	fn()
}
