package multiprocessing

// A Future is the parent's handle on one submitted task. Every task ends in
// exactly one result or error, however it ends (reply, panic, dead worker,
// cancellation, Terminate), so Wait never hangs on a task the pool lost.

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

type task struct {
	name    string
	arg     []byte
	fut     *Future
	unwatch func() bool

	mu      sync.Mutex
	running *worker // the worker running it, for cancellation
}

// begin marks the task as running on w, unless it was already cancelled.
func (t *task) begin(w *worker) bool {
	t.mu.Lock()
	defer t.mu.Unlock()
	select {
	case <-t.fut.done:
		return false
	default:
	}
	t.running = w
	return true
}

func (t *task) end() {
	t.mu.Lock()
	t.running = nil
	t.mu.Unlock()
}

// cancel gives the task its context's error and stops the worker running
// it, if any: a process cannot be interrupted any other way.
func (t *task) cancel(err error) {
	t.fut.resolve(nil, err)
	t.mu.Lock()
	w := t.running
	t.mu.Unlock()
	if w != nil {
		w.kill()
	}
}

func (t *task) finish(res []byte, err error) {
	if t.unwatch != nil {
		t.unwatch()
	}
	t.fut.resolve(res, err)
}
