// How the pool's tasks reach its workers, and what happens to them when a
// worker dies.
//
// Every worker slot has two goroutines in the parent. The feeder takes
// tasks from the shared queue and writes them to the worker's pipe; the
// collector reads the replies and gives each task its outcome. Replies
// come back in the order the calls went out, because a worker answers one
// call before it reads the next, so a slot needs no request ids: its
// in-flight list is a FIFO, and its head is the task the worker is running.
//
// Why a feeder may send a task before the worker has finished the last one
// (prefetch). With one task at a time, a worker that answers must wait for
// the parent to read the answer and send the next call. When the workers
// keep every CPU busy, the parent's thread that should do that is only
// runnable, queued behind a worker until the kernel lets it preempt one,
// which can take as long as a whole task. With one task waiting in its
// pipe, the worker reads it the moment it has answered, however late the
// parent is. multiprocessing.BenchmarkPoolVariants/pool=noPrefetch keeps
// the old way for comparison; its idle-ns/op is the time workers spent
// waiting.
//
// What a worker's death does to the tasks it held. The head was running:
// it fails with the worker's exit (WorkerDiedError), because re-running a
// task that may have killed its worker could kill the next one. The tasks
// behind it were never read by the worker, so they go back to the front of
// the queue and run elsewhere; nothing is lost. One exception: when the
// pool itself killed the worker to cancel a task, nothing it held is to
// blame, so every task not yet settled goes back to the queue.

package pool

import (
	"errors"
	"fmt"
	"sync/atomic"
)

// slot is one place for a worker in the pool.
type slot struct {
	w        *worker
	inflight []*task // sent to w and not yet answered, oldest first
	starting bool    // a collector is starting a replacement
	retired  bool    // w's input was closed: it gets no more calls
	cpu      int     // the CPU its workers are pinned to, or -1
}

// drainedLocked reports that the pool is closed and has no work left, not
// even work that a dead worker could hand back.
func (p *Pool) drainedLocked() bool {
	return p.closed && len(p.queue) == 0 && p.inflight == 0
}

// retireWhenDrainedLocked closes the input of every worker once the pool is
// drained or terminated: end of input is a worker's signal to exit, and
// its collector then reaps it.
func (p *Pool) retireWhenDrainedLocked() {
	if !p.drainedLocked() && !p.terminated {
		return
	}
	for i := range p.slots {
		s := &p.slots[i]
		if s.w != nil && !s.retired {
			s.retired = true
			s.w.cfile.Close()
		}
	}
}

// idleWorkersLocked counts the live workers with nothing to do.
func (p *Pool) idleWorkersLocked() int {
	n := 0
	for _, s := range p.slots {
		if s.w != nil && !s.retired && len(s.inflight) == 0 {
			n++
		}
	}
	return n
}

// mayTakeLocked reports whether slot i's feeder should take the next
// queued task: always for an idle worker; for a busy one only up to the
// prefetch depth, and only when no other worker is idle.
func (p *Pool) mayTakeLocked(i int) bool {
	s := &p.slots[i]
	switch {
	case len(p.queue) == 0 || s.starting || s.retired:
		return false
	case s.w == nil:
		return true // the replacement failed earlier; try again now
	case len(s.inflight) == 0:
		return true
	}
	return len(s.inflight) <= p.cfg.prefetch && p.idleWorkersLocked() == 0
}

// install puts a ready worker into slot i and starts its collector.
// The caller holds p.mu.
func (p *Pool) install(i int, w *worker) {
	p.slots[i].w = w
	p.slots[i].retired = false
	p.runners.Add(1)
	go p.collect(i, w)
}

// feed is slot i's feeder.
func (p *Pool) feed(i int) {
	defer p.runners.Done()
	p.mu.Lock()
	defer p.mu.Unlock()
	for !p.terminated && !p.drainedLocked() {
		if !p.mayTakeLocked(i) {
			p.changed.Wait()
			continue
		}
		t := p.queue[0]
		p.queue[0] = nil
		p.queue = p.queue[1:]
		s := &p.slots[i]
		if s.w == nil && !p.startLocked(i, t) {
			continue
		}
		if !t.assign(s.w, len(s.inflight) == 0) {
			continue // cancelled while queued
		}
		s.inflight = append(s.inflight, t)
		p.inflight++
		p.changed.Broadcast() // this worker is no longer idle
		w := s.w
		p.mu.Unlock()
		if hook := testHookSent.Load(); hook != nil {
			(*hook)(t.name, w.pid)
		}
		// Counted before the write: the reply, and so the task's end, may
		// come before this goroutine runs again.
		size := int64(frameHeader + 2 + len(t.name) + len(t.arg))
		p.sent.Add(size)
		err := w.send(t.name, t.arg)
		if err != nil {
			p.sent.Add(-size)
			// The worker is gone or its input is broken. Its collector
			// sees the end of its replies and settles everything it held.
			w.kill()
		}
		p.mu.Lock()
	}
	p.retireWhenDrainedLocked()
}

// startLocked starts a worker for the empty slot i, on behalf of t, which
// fails if no worker can be started.
func (p *Pool) startLocked(i int, t *task) bool {
	err := p.refillLocked(i)
	if err == nil {
		return true
	}
	if err != ErrPoolTerminated {
		err = fmt.Errorf("pool: replacing a dead worker: %w", err)
	}
	p.mu.Unlock()
	t.finish(nil, err)
	p.mu.Lock()
	return false
}

// refillLocked starts a worker and installs it in the empty slot i, unless
// the pool is terminated by the time it is ready. It releases p.mu while
// it waits for the worker.
func (p *Pool) refillLocked(i int) error {
	s := &p.slots[i]
	s.starting = true
	p.mu.Unlock()
	w, err := startWorker(p.sp, &p.cfg, s.cpu)
	p.mu.Lock()
	s.starting = false
	switch {
	case err != nil:
		return err
	case p.terminated:
		w.kill()
		w.reap()
		return ErrPoolTerminated
	}
	p.install(i, w)
	return nil
}

// collect is the collector of worker w in slot i. It returns when w is
// gone; if w died and the pool still needs a worker there, the replacement
// gets a collector of its own.
func (p *Pool) collect(i int, w *worker) {
	defer p.runners.Done()
	for {
		m, n, err := w.receive()
		p.mu.Lock()
		s := &p.slots[i]
		if err == nil && len(s.inflight) == 0 {
			err = fmt.Errorf("%w: a reply nobody asked for", errBadMessage)
		}
		if err != nil {
			p.mu.Unlock()
			p.bury(i, w, err)
			return
		}
		t := s.inflight[0]
		s.inflight[0] = nil
		s.inflight = s.inflight[1:]
		p.inflight--
		var next *task
		if len(s.inflight) > 0 {
			next = s.inflight[0]
		}
		// Counted before any feeder can act on the freed place.
		p.received.Add(int64(n))
		p.tasks.Add(1)
		p.changed.Broadcast()
		p.retireWhenDrainedLocked()
		p.mu.Unlock()
		if next != nil && !next.start() {
			// next was cancelled while it waited in the pipe, and the
			// worker has just begun it: stop it the only way there is.
			w.cancelled.Store(true)
			w.kill()
		}
		t.finish(decodeReply(t.name, m))
	}
}

// bury reaps worker w of slot i after its replies ended with err, settles
// every task it held, and replaces it if the pool still needs it.
func (p *Pool) bury(i int, w *worker, err error) {
	p.mu.Lock()
	s := &p.slots[i]
	graceful := s.retired && len(s.inflight) == 0 && !p.terminated
	p.mu.Unlock()
	if !graceful {
		w.kill()
	}
	w.reap()

	p.mu.Lock()
	held := s.inflight
	s.inflight = nil
	p.inflight -= len(held)
	s.w = nil
	var lost *task // the task blamed for the death
	var failed, done, back []*task
	for j, t := range held {
		switch {
		case p.terminated:
			failed = append(failed, t)
		case t.fut.settled(): // cancelled: it has its outcome already
			done = append(done, t)
		case j == 0 && !w.cancelled.Load():
			lost = t
		default:
			t.unassign()
			back = append(back, t)
		}
	}
	// Handed-back tasks go first: they were submitted before anything
	// still queued.
	p.queue = append(back, p.queue...)
	// Replace the worker before reporting the lost task, so that whoever
	// sees the error sees a pool back at full strength.
	// If that fails, the slot stays empty and its feeder tries again with
	// its next task.
	if !p.terminated && !p.drainedLocked() {
		_ = p.refillLocked(i)
	}
	p.changed.Broadcast()
	p.retireWhenDrainedLocked()
	p.mu.Unlock()
	for _, t := range failed {
		t.finish(nil, ErrPoolTerminated)
	}
	for _, t := range done {
		t.finish(nil, nil) // keeps the outcome; releases the context
	}
	if lost != nil {
		lost.finish(nil, p.deathError(lost.name, w, err))
	}
}

func (p *Pool) deathError(name string, w *worker, err error) error {
	p.mu.Lock()
	terminated := p.terminated
	p.mu.Unlock()
	switch {
	case terminated:
		return ErrPoolTerminated
	case errors.Is(err, ErrFrameTooLarge), errors.Is(err, errBadMessage):
		return fmt.Errorf("worker %d sent a bad reply to %s: %w", w.pid, name, err)
	}
	return &WorkerDiedError{Func: name, PID: w.pid, Exit: w.exit}
}

// testHookSent, when set by a test, runs in the feeder after a task joined
// a worker's in-flight list and before its call is written.
var testHookSent atomic.Pointer[func(name string, pid int)]
