package multiprocessing

// Claim M5: a pool of worker processes spreads calls of a named function
// over its workers and returns results in input order. The workers are
// started once and reused, so a task costs a round trip over a pipe, not a
// process start. How tasks reach the workers, and how a dead worker's tasks
// are accounted for, is in dispatch.go.
//
// Run:  go test -run 'Pool|Example' ./multiprocessing/
// See:  [317811 832040 2178309] from three worker processes, in order.

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/concurrency-atlas/atlas/internal/child"
)

type config struct {
	maxFrame    int
	output      *os.File
	deathSignal bool
	prefetch    int
	pin         bool
}

// Option configures a Pool.
type Option func(*config)

// WithMaxFrame sets the largest message, argument or result, that may cross
// between parent and worker. Larger ones fail with ErrFrameTooLarge.
func WithMaxFrame(n int) Option { return func(c *config) { c.maxFrame = n } }

// WithOutput sends the workers' stdout and stderr to f instead of the
// parent's stderr.
func WithOutput(f *os.File) Option { return func(c *config) { c.output = f } }

// DefaultPrefetch is how many tasks a busy worker may hold behind the one
// it is running, unless WithPrefetch says otherwise.
const DefaultPrefetch = 1

// WithPrefetch sets how many tasks may wait in a busy worker's pipe behind
// the one it is running, so that it starts the next as soon as it answers
// the last, without waiting for the parent to be scheduled (dispatch.go
// explains why that wait is long when the workers fill every CPU). A task
// is only ever prefetched when no worker is idle. The price: a prefetched
// task waits for its worker even if another worker frees up first, so with
// tasks of very different lengths 0 can be better.
func WithPrefetch(n int) Option { return func(c *config) { c.prefetch = n } }

// WithCPUAffinity pins each worker to one CPU, spreading the workers over
// the CPUs the parent may use (round robin when there are more workers).
// Unpinned, the kernel may wake a worker onto the CPU where another is
// computing and leave it queued there while a CPU idles; pinned, a worker
// cannot move off a CPU that something else needs. Which costs more
// depends on the machine: BenchmarkCPUBound/processPoolPinned measures it
// against the default (idle-ns/op is the time workers waited). A pinned
// worker's Go runtime sees one CPU, so its GOMAXPROCS is 1. Linux only; a
// no-op elsewhere.
func WithCPUAffinity() Option { return func(c *config) { c.pin = true } }

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

// CPUs is the number of CPUs this process may run on, the size of a pool
// with one worker per CPU: NewPool(ctx, CPUs()) is Python's Pool() with no
// size. It is runtime.NumCPU: the CPUs in the process's affinity mask (on
// Linux, what sched_getaffinity allows; taskset -c 0,1 makes it 2), read
// once when the process started. A container's CPU quota is not counted.
// GOMAXPROCS is not the number to use: it bounds the threads running this
// process's Go code, not the processes that may run beside it, and
// go test -cpu changes it.
func CPUs() int { return runtime.NumCPU() }

// NewPool starts n worker processes, each a copy of this executable, and
// waits until all of them are ready; n = CPUs() gives one per CPU.
// Cancelling ctx terminates the pool as Terminate does.
// The executable must call ServeIfWorker at the start of main or TestMain.
func NewPool(ctx context.Context, n int, opts ...Option) (*Pool, error) {
	if n < 1 {
		return nil, fmt.Errorf("multiprocessing: a pool needs at least one worker, got %d (CPUs() gives one per CPU)", n)
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
		return nil, fmt.Errorf("multiprocessing: frame limit %d is too small", cfg.maxFrame)
	}
	if cfg.prefetch < 0 {
		return nil, fmt.Errorf("multiprocessing: prefetch %d is negative", cfg.prefetch)
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
