// Claim A14: tasks on one loop share memory freely; anything off the
// loop must talk to it through its thread-safe entry. The loop's state
// belongs to its thread: an operation that takes no *Coro checks the
// caller's thread and refuses any other, and CallSoonThreadsafe is the
// door another goroutine may use.
//
//	go test -race -run 'TestAnotherGoroutine|TestForeign' -v ./eventloop/
//
// You will see 1,000 items posted from another goroutine arrive in order,
// and each loop-only call made from another goroutine logged with the
// named error it got.

package eventloop

// owns reports whether the caller may touch the loop's state: the loop
// is running and the caller is on its thread, in a task's step or a
// callback. It guards the operations that take no *Coro to check.
//
// Go has no goroutine ids, so the test is the OS thread, which costs a
// gettid system call; a loop that is running neither a step nor a
// callback (current is 0) is idle, and any caller is then another
// goroutine, found without the system call. On systems without a thread
// id (threadID is 0) only that idle case is caught.
func (l *Loop) owns() error {
	if l == nil {
		return ErrNilLoop
	}
	if l.state.Load() != stateRunning {
		return ErrOutsideLoop
	}
	if l.current.Load() == 0 || threadID() != l.tid {
		return ErrWrongGoroutine
	}
	return nil
}

// readable reports whether the caller may read the loop's state: from
// anywhere while the loop is not running (no step can run meanwhile),
// only from the loop's thread while it is.
func (l *Loop) readable() bool {
	return l == nil || l.state.Load() != stateRunning || l.owns() == nil
}

// CallSoonThreadsafe schedules fn from any goroutine and wakes the loop.
// It fails with ErrLoopClosed once the loop has finished. Called before
// Run, fn waits for the loop's first turn.
func (l *Loop) CallSoonThreadsafe(fn func()) error {
	if l == nil {
		return ErrNilLoop
	}
	if fn == nil {
		return ErrNilFunc
	}
	return l.post(posting{fn: fn}) // run as a callback: a panic is a warning
}

// post puts p in the inbox and wakes the loop.
func (l *Loop) post(p posting) error {
	l.mu.Lock()
	if l.shut {
		l.mu.Unlock()
		return ErrLoopClosed
	}
	l.inbox = append(l.inbox, p)
	l.posted.Store(true)
	wake := l.wake
	l.mu.Unlock()
	if wake != nil {
		select {
		case wake <- struct{}{}:
		default: // a wake-up is already pending
		}
	}
	return nil
}

func (l *Loop) drainInbox() {
	if !l.posted.Load() {
		return
	}
	l.mu.Lock()
	l.posted.Store(false)
	in := l.inbox
	l.inbox = nil
	l.mu.Unlock()
	for _, p := range in {
		l.ready.push(item{fn: p.fn})
	}
}
