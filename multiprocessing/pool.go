package multiprocessing

// Claim M5: a pool of worker processes spreads calls of a named function
// over its workers and returns results in input order. The workers are
// started once and reused, so a task costs a round trip over a pipe, not a
// process start. Each worker has one goroutine in the parent that feeds it
// tasks from a shared queue; when a worker dies, that goroutine reports the
// task it was running and starts a replacement.
//
// Run:  go test -run 'Pool|Example' ./multiprocessing/
// See:  [317811 832040 2178309] from three worker processes, in order.

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync"
	"sync/atomic"
)

type config struct {
	maxFrame    int
	output      *os.File
	deathSignal bool
}

// Option configures a Pool.
type Option func(*config)

// WithMaxFrame sets the largest message, argument or result, that may cross
// between parent and worker. Larger ones fail with ErrFrameTooLarge.
func WithMaxFrame(n int) Option { return func(c *config) { c.maxFrame = n } }

// WithOutput sends the workers' stdout and stderr to f instead of the
// parent's stderr.
func WithOutput(f *os.File) Option { return func(c *config) { c.output = f } }

// Pool is a set of worker processes running registered functions.
type Pool struct {
	cfg config
	sp  *spawner

	mu         sync.Mutex
	queue      []*task
	closed     bool
	terminated bool
	workers    []*worker // by slot; nil while a slot has no live worker

	more     chan struct{} // a task was queued (capacity 1)
	closing  chan struct{} // closed by Close
	killing  chan struct{} // closed by Terminate
	runners  sync.WaitGroup
	stopOnce sync.Once
	stopped  chan struct{}
	unwatch  func() bool // detaches the pool from its context

	sent, received, tasks atomic.Int64
}

// NewPool starts n worker processes, each a copy of this executable, and
// waits until all of them are ready. Cancelling ctx terminates the pool as
// Terminate does.
// The executable must call ServeIfWorker at the start of main or TestMain.
func NewPool(ctx context.Context, n int, opts ...Option) (*Pool, error) {
	if n < 1 {
		return nil, fmt.Errorf("multiprocessing: a pool needs at least one worker, got %d", n)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if _, ok := os.LookupEnv(envWorker); ok {
		// This process was started as a worker but is running main: without
		// this check each generation would start the next.
		return nil, ErrNotWorker
	}
	cfg := config{maxFrame: DefaultMaxFrame, output: os.Stderr, deathSignal: true}
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.maxFrame < 1+maxNameLen+1 {
		return nil, fmt.Errorf("multiprocessing: frame limit %d is too small", cfg.maxFrame)
	}
	p := &Pool{cfg: cfg, sp: newSpawner(), workers: make([]*worker, n),
		more: make(chan struct{}, 1), closing: make(chan struct{}),
		killing: make(chan struct{}), stopped: make(chan struct{})}
	if err := p.startAll(); err != nil {
		p.sp.stop()
		return nil, err
	}
	p.runners.Add(n)
	for i := range n {
		go p.serve(i)
	}
	stop := context.AfterFunc(ctx, p.Terminate)
	p.mu.Lock()
	p.unwatch = stop
	p.mu.Unlock()
	return p, nil
}

// startAll fills every slot: it launches all the workers first, so that
// their start-ups overlap, then waits for each one's hello. On failure it
// leaves no worker behind.
func (p *Pool) startAll() error {
	var err error
	for i := range p.workers {
		if p.workers[i], err = launchWorker(p.sp, &p.cfg); err != nil {
			break
		}
	}
	if err == nil {
		for _, w := range p.workers {
			if err = w.ready(); err != nil {
				break
			}
		}
	}
	if err != nil {
		for _, w := range p.workers {
			if w != nil && w.exit == "" { // launched and not yet reaped
				w.kill()
				w.reap()
			}
		}
	}
	return err
}

// Done is closed when the pool has stopped, by Close, Terminate or its
// context, and every worker has exited and been reaped.
func (p *Pool) Done() <-chan struct{} { return p.stopped }

// PIDs lists the process ids of the current workers.
func (p *Pool) PIDs() []int {
	p.mu.Lock()
	defer p.mu.Unlock()
	pids := make([]int, 0, len(p.workers))
	for _, w := range p.workers {
		if w != nil {
			pids = append(pids, w.pid)
		}
	}
	return pids
}

// Stats counts the bytes that crossed the pipes, frame headers included.
type Stats struct {
	Tasks    int64 // tasks that got a reply
	Sent     int64 // bytes parent -> workers
	Received int64 // bytes workers -> parent
}

// Stats returns the traffic so far.
func (p *Pool) Stats() Stats {
	return Stats{Tasks: p.tasks.Load(), Sent: p.sent.Load(), Received: p.received.Load()}
}

// Map runs name once per input and returns the results in input order. It
// waits for every task; failures are joined into one error whose parts
// name the input index and unwrap to the task's error, and the results of
// the tasks that succeeded are still returned.
func (p *Pool) Map(ctx context.Context, name string, inputs [][]byte) ([][]byte, error) {
	futs := make([]*Future, len(inputs))
	all := newBatch(len(inputs))
	for i, in := range inputs {
		futs[i] = p.submit(ctx, name, in, all)
	}
	<-all.done
	out := make([][]byte, len(inputs))
	var errs []error
	for i, f := range futs {
		res, err := f.Wait()
		if err != nil {
			errs = append(errs, fmt.Errorf("input %d: %w", i, err))
		}
		out[i] = res
	}
	return out, errors.Join(errs...)
}

// Submit queues one call of name and returns at once. Cancelling ctx
// abandons the task: if it is still queued it never runs; if a worker is
// running it, that worker is killed (a process cannot be interrupted any
// other way) and replaced.
func (p *Pool) Submit(ctx context.Context, name string, arg []byte) *Future {
	return p.submit(ctx, name, arg, nil)
}

func (p *Pool) submit(ctx context.Context, name string, arg []byte, b *batch) *Future {
	t := &task{name: name, arg: arg, fut: newFuture(b)}
	if len(name) > maxNameLen {
		t.fut.resolve(nil, fmt.Errorf("%w: %.40q... (%d bytes)", ErrUnknownFunc, name, len(name)))
		return t.fut
	}
	if size := 2 + len(name) + len(arg); size > p.cfg.maxFrame {
		t.fut.resolve(nil, fmt.Errorf("%w: call of %d bytes, limit %d", ErrFrameTooLarge, size, p.cfg.maxFrame))
		return t.fut
	}
	if err := ctx.Err(); err != nil {
		t.fut.resolve(nil, err)
		return t.fut
	}
	p.mu.Lock()
	if p.closed || p.terminated {
		p.mu.Unlock()
		t.fut.resolve(nil, ErrPoolClosed)
		return t.fut
	}
	// Set before the task is visible to the runners, which call unwatch.
	t.unwatch = context.AfterFunc(ctx, func() { t.cancel(context.Cause(ctx)) })
	p.queue = append(p.queue, t)
	p.mu.Unlock()
	p.wake()
	return t.fut
}

func (p *Pool) wake() {
	select {
	case p.more <- struct{}{}:
	default:
	}
}

// next hands a runner its next task, or reports that it should stop.
func (p *Pool) next() (*task, bool) {
	for {
		p.mu.Lock()
		switch {
		case p.terminated:
			p.mu.Unlock()
			return nil, false
		case len(p.queue) > 0:
			t := p.queue[0]
			p.queue[0] = nil
			p.queue = p.queue[1:]
			if len(p.queue) > 0 {
				p.wake() // the wake-up we consumed may have been for several
			}
			p.mu.Unlock()
			return t, true
		case p.closed:
			p.mu.Unlock()
			return nil, false
		}
		p.mu.Unlock()
		select {
		case <-p.more:
		case <-p.closing:
		case <-p.killing:
		}
	}
}

// serve is the goroutine that owns worker slot i.
func (p *Pool) serve(i int) {
	defer p.runners.Done()
	w := p.slot(i)
	defer func() {
		if w != nil {
			w.stop()
			p.setSlot(i, nil)
		}
	}()
	for {
		t, ok := p.next()
		if !ok {
			return
		}
		if w == nil {
			var err error
			if w, err = startWorker(p.sp, &p.cfg); err != nil {
				t.finish(nil, fmt.Errorf("multiprocessing: replacing a dead worker: %w", err))
				continue
			}
			p.setSlot(i, w)
		}
		if !t.begin(w) {
			continue // cancelled while queued
		}
		reply, n, err := w.call(t.name, t.arg)
		t.end()
		p.sent.Add(int64(frameHeader + 2 + len(t.name) + len(t.arg)))
		p.received.Add(int64(n))
		if err == nil {
			p.tasks.Add(1)
			t.finish(decodeReply(t.name, reply))
		}
		if err != nil || w.killed.Load() {
			w.kill()
			w.reap()
			// Replace the worker before reporting the task, so that whoever
			// sees the error sees a pool back at full strength.
			dead := w
			w = p.replace(i)
			if err != nil {
				t.finish(nil, p.deathError(t.name, dead, err))
			}
		}
	}
}

// replace starts a new worker for slot i, unless the pool is stopping. If
// the start fails the slot stays empty and is retried with its next task.
func (p *Pool) replace(i int) *worker {
	p.mu.Lock()
	stopping := p.closed || p.terminated
	p.mu.Unlock()
	var w *worker
	if !stopping {
		w, _ = startWorker(p.sp, &p.cfg)
	}
	p.setSlot(i, w)
	return w
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

func decodeReply(name string, m message) ([]byte, error) {
	switch m.kind {
	case kindResult:
		return m.body, nil
	case kindFailed:
		return nil, &TaskError{Func: name, Message: string(m.body)}
	case kindPanic:
		value, stack, _ := cut(string(m.body))
		return nil, &TaskPanicError{Func: name, Value: value, Stack: stack}
	case kindUnknown:
		return nil, fmt.Errorf("%w: %q", ErrUnknownFunc, name)
	case kindTooLarge:
		return nil, fmt.Errorf("%w: %s returned a %s", ErrFrameTooLarge, name, m.body)
	}
	return nil, fmt.Errorf("%w: reply of kind %d", errBadMessage, m.kind)
}

func cut(s string) (before, after string, found bool) {
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

func (p *Pool) slot(i int) *worker {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.workers[i]
}

func (p *Pool) setSlot(i int, w *worker) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.workers[i] = w
}

// Close lets the queued and running tasks finish, then stops the workers
// by closing their input pipes, waits for them to exit, and returns. New
// submissions fail with ErrPoolClosed. Close may be called more than once.
func (p *Pool) Close() error {
	p.mu.Lock()
	if !p.closed {
		p.closed = true
		close(p.closing)
	}
	p.mu.Unlock()
	p.shutdown()
	return nil
}

// Terminate kills every worker at once. Queued and running tasks fail with
// ErrPoolTerminated. It returns when every worker has been reaped.
func (p *Pool) Terminate() {
	p.terminate()
	p.shutdown()
}

func (p *Pool) terminate() {
	p.mu.Lock()
	if p.terminated {
		p.mu.Unlock()
		return
	}
	p.terminated = true
	p.closed = true
	close(p.killing)
	queued := p.queue
	p.queue = nil
	for _, w := range p.workers {
		if w != nil {
			w.kill()
		}
	}
	p.mu.Unlock()
	for _, t := range queued {
		t.finish(nil, ErrPoolTerminated)
	}
}

func (p *Pool) shutdown() {
	p.stopOnce.Do(func() {
		p.mu.Lock()
		unwatch := p.unwatch
		p.mu.Unlock()
		if unwatch != nil {
			unwatch()
		}
		p.runners.Wait()
		p.sp.stop()
		close(p.stopped)
	})
	<-p.stopped
}
