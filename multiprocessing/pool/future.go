// A Future is the parent's handle on one submitted task. Every task ends in
// exactly one result or error, however it ends (reply, panic, dead worker,
// cancellation, Terminate), so Wait never hangs on a task the pool lost.

package pool

import (
	"sync"
	"sync/atomic"
)

// Future is the eventual result of a submitted task.
type Future struct {
	once  sync.Once
	done  chan struct{}
	res   []byte
	err   error
	batch *batch // the Map call it belongs to, if any
}

func newFuture(b *batch) *Future { return &Future{done: make(chan struct{}), batch: b} }

// resolve sets the outcome; the first call wins.
func (f *Future) resolve(res []byte, err error) {
	f.once.Do(func() {
		f.res, f.err = res, err
		close(f.done)
		if f.batch != nil {
			f.batch.taskDone()
		}
	})
}

// A batch lets Map sleep until all its tasks are done and be woken once,
// instead of once per task: every wake-up of a parent goroutine costs a
// thread wake-up on the CPUs the workers compute on.
type batch struct {
	left atomic.Int64
	done chan struct{}
}

func newBatch(n int) *batch {
	b := &batch{done: make(chan struct{})}
	b.left.Store(int64(n))
	if n == 0 {
		close(b.done)
	}
	return b
}

func (b *batch) taskDone() {
	if b.left.Add(-1) == 0 {
		close(b.done)
	}
}

// Done is closed when the task has its outcome.
func (f *Future) Done() <-chan struct{} { return f.done }

// Wait blocks until the task has its outcome and returns it.
func (f *Future) Wait() ([]byte, error) {
	<-f.done
	return f.res, f.err
}

// settled reports whether the future has its outcome.
func (f *Future) settled() bool {
	select {
	case <-f.done:
		return true
	default:
		return false
	}
}

type task struct {
	name    string
	arg     []byte
	fut     *Future
	unwatch func() bool

	mu      sync.Mutex
	worker  *worker // the worker it was sent to, while it is there
	running bool    // the worker is on it: it is the oldest call unanswered
}

// assign records that the task is being sent to w, which runs it at once
// if head (w has nothing else) and after its other calls if not. It
// reports false if the task was cancelled while queued: then it is not
// sent at all.
func (t *task) assign(w *worker, head bool) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.fut.settled() {
		return false
	}
	t.worker, t.running = w, head
	return true
}

// start records that the calls ahead of the task were answered, so its
// worker is now running it. It reports false if the task was cancelled
// while it waited: the caller must then stop the worker.
func (t *task) start() bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.running = true
	return !t.fut.settled()
}

// unassign takes the task back from a dead worker that never ran it.
func (t *task) unassign() {
	t.mu.Lock()
	t.worker, t.running = nil, false
	t.mu.Unlock()
}

// cancel gives the task its context's error. If a worker is running it,
// that worker is killed, since a process cannot be interrupted any other
// way; if it is only waiting in a worker's pipe, the worker is left alone
// until it gets to it (see start).
func (t *task) cancel(err error) {
	t.fut.resolve(nil, err)
	t.mu.Lock()
	w, running := t.worker, t.running
	t.mu.Unlock()
	if w != nil && running {
		w.cancelled.Store(true)
		w.kill()
	}
}

func (t *task) finish(res []byte, err error) {
	if t.unwatch != nil {
		t.unwatch()
	}
	t.fut.resolve(res, err)
}
