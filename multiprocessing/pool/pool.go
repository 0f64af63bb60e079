// The pool's life: New starts its workers, Submit and Map queue tasks,
// Close drains and stops, Terminate kills. How tasks reach the workers,
// and what happens to a dead worker's tasks, is in dispatch.go.

package pool

import (
	"context"
	"errors"
	"fmt"
	"os"
	"sync"
	"sync/atomic"

	"github.com/concurrency-atlas/atlas/internal/child"
)

// Pool is a set of worker processes running registered functions.
type Pool struct {
	cfg config
	sp  *child.Forker

	mu         sync.Mutex
	changed    *sync.Cond // on mu; broadcast whenever a feeder may act
	queue      []*task
	slots      []slot
	inflight   int // tasks sent to workers and not yet answered, all slots
	closed     bool
	terminated bool

	runners  sync.WaitGroup // feeders and collectors
	stopOnce sync.Once
	stopped  chan struct{}
	unwatch  func() bool // detaches the pool from its context

	sent, received, tasks atomic.Int64
}

// New starts n worker processes, each a copy of this executable, and
// waits until all of them are ready; n = CPUs() gives one per CPU.
// Cancelling ctx terminates the pool as Terminate does.
// The executable must call ServeIfWorker at the start of main or TestMain.
func New(ctx context.Context, n int, opts ...Option) (*Pool, error) {
	if n < 1 {
		return nil, fmt.Errorf("pool: a pool needs at least one worker, got %d (CPUs() gives one per CPU)", n)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if child.Unserved() {
		// This process was started as a worker but is running main: without
		// this check each generation would start the next.
		return nil, ErrNotWorker
	}
	cfg := config{maxFrame: DefaultMaxFrame, output: os.Stderr, deathSignal: true, prefetch: DefaultPrefetch}
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.maxFrame < 1+maxNameLen+1 {
		return nil, fmt.Errorf("pool: frame limit %d is too small", cfg.maxFrame)
	}
	if cfg.prefetch < 0 {
		return nil, fmt.Errorf("pool: prefetch %d is negative", cfg.prefetch)
	}
	p := &Pool{cfg: cfg, sp: child.NewForker(), slots: make([]slot, n), stopped: make(chan struct{})}
	p.changed = sync.NewCond(&p.mu)
	cpus := child.AllowedCPUs()
	for i := range p.slots {
		p.slots[i].cpu = -1
		if cfg.pin && len(cpus) > 0 {
			p.slots[i].cpu = cpus[i%len(cpus)]
		}
	}
	workers, err := p.startAll(n)
	if err != nil {
		p.sp.Stop()
		return nil, err
	}
	p.mu.Lock()
	for i, w := range workers {
		p.install(i, w)
		p.runners.Add(1)
		go p.feed(i)
	}
	p.unwatch = context.AfterFunc(ctx, p.Terminate)
	p.mu.Unlock()
	return p, nil
}

// startAll starts n workers: it launches all of them first, so that their
// start-ups overlap, then waits for each one's hello. On failure it leaves
// no worker behind.
func (p *Pool) startAll(n int) ([]*worker, error) {
	workers := make([]*worker, 0, n)
	var err error
	for range n {
		var w *worker
		if w, err = launchWorker(p.sp, &p.cfg, p.slots[len(workers)].cpu); err != nil {
			break
		}
		workers = append(workers, w)
	}
	if err == nil {
		for _, w := range workers {
			if err = w.ready(); err != nil {
				break
			}
		}
	}
	if err != nil {
		for _, w := range workers {
			if w.exit == "" { // launched and not yet reaped
				w.kill()
				w.reap()
			}
		}
		return nil, err
	}
	return workers, nil
}

// Done is closed when the pool has stopped, by Close, Terminate or its
// context, and every worker has exited and been reaped.
func (p *Pool) Done() <-chan struct{} { return p.stopped }

// PIDs lists the process ids of the current workers.
func (p *Pool) PIDs() []int {
	p.mu.Lock()
	defer p.mu.Unlock()
	pids := make([]int, 0, len(p.slots))
	for _, s := range p.slots {
		if s.w != nil {
			pids = append(pids, s.w.pid)
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
// abandons the task: if it has not started it never runs; if a worker is
// running it, that worker is killed (a process cannot be interrupted any
// other way) and replaced. On a nil *Pool every task fails with
// ErrNilPool.
func (p *Pool) Submit(ctx context.Context, name string, arg []byte) *Future {
	return p.submit(ctx, name, arg, nil)
}

func (p *Pool) submit(ctx context.Context, name string, arg []byte, b *batch) *Future {
	t := &task{name: name, arg: arg, fut: newFuture(b)}
	if p == nil {
		t.fut.resolve(nil, ErrNilPool)
		return t.fut
	}
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
	// Set before the task is visible to the feeders, which call unwatch.
	t.unwatch = context.AfterFunc(ctx, func() { t.cancel(context.Cause(ctx)) })
	p.queue = append(p.queue, t)
	p.changed.Broadcast()
	p.mu.Unlock()
	return t.fut
}

// Close lets the queued and running tasks finish, then stops the workers
// by closing their input pipes, waits for them to exit, and returns. New
// submissions fail with ErrPoolClosed. Close may be called more than once.
func (p *Pool) Close() error {
	p.mu.Lock()
	if !p.closed {
		p.closed = true
		p.changed.Broadcast()
		p.retireWhenDrainedLocked()
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
	queued := p.queue
	p.queue = nil
	for _, s := range p.slots {
		if s.w != nil {
			s.w.kill() // its collector fails the tasks it holds
		}
	}
	p.changed.Broadcast()
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
		p.sp.Stop()
		close(p.stopped)
	})
	<-p.stopped
}
