package multiprocessing

// A Future is the parent's handle on one submitted task. Every task ends in
// exactly one result or error, however it ends (reply, panic, dead worker,
// cancellation, Terminate), so Wait never hangs on a task the pool lost.

import (
	"sync"
)

// Future is the eventual result of a submitted task.
type Future struct {
	once sync.Once
	done chan struct{}
	res  []byte
	err  error
}

func newFuture() *Future { return &Future{done: make(chan struct{})} }

// resolve sets the outcome; the first call wins.
func (f *Future) resolve(res []byte, err error) {
	f.once.Do(func() {
		f.res, f.err = res, err
		close(f.done)
	})
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
