// The loop itself (A1): one goroutine, locked to one OS thread, runs a
// queue of ready steps, a heap of timers and an inbox that other
// goroutines may write to. Nothing else ever runs a task, and an operation
// that belongs to the loop refuses a caller on any other thread.
// Run: go test -run 'TestEveryTaskRunsOnTheLoopThread|TestForeign' -v ./eventloop/
// You will see every task report the same OS thread id, and another
// goroutine's SetResult or CallSoon get ErrWrongGoroutine.

package eventloop

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"
)

const (
	stateNew int32 = iota
	stateRunning
	stateClosed
)

// Loop is a single-threaded event loop in the manner of asyncio. Create it
// with New and start it with Run; a loop runs once. Inside a
// testing/synctest bubble, create it inside the bubble so that its timers
// and wake-ups are in virtual time.
type Loop struct {
	cfg   config
	state atomic.Int32
	// current is the id of the task whose step is running, inCallback
	// while a callback runs, 0 while the loop runs neither. An id, not a
	// *Coro: an atomic integer store needs no GC write barrier, and this
	// one happens twice per step. Other goroutines read it to tell a busy
	// loop from an idle one (see owns).
	current atomic.Uint64
	taskSeq uint64 // the last id given to a task
	// tid is the loop's OS thread. Written once, before current is first
	// set, so a goroutine that has read a non-zero current may read it.
	tid int

	ready, spare []item // steps to run now, in order
	timers       timerHeap
	timerSeq     uint64
	start        time.Time   // the zero of the timers' clock
	clock        *time.Timer // fires when timers[0] is due

	mu       sync.Mutex // guards inbox, shut, wake and warnings: the cross-goroutine state
	inbox    []posting
	shut     bool        // the inbox takes nothing more: the loop has finished
	posted   atomic.Bool // inbox may be non-empty: lets a turn skip the lock
	wake     chan struct{}
	warnings []string

	live    coroList       // tasks not yet finished, in creation order
	failed  []*base        // finished with an error, checked for retrieval at close
	idle    []*worker      // parked coroutines ready for the next task
	calls   sync.WaitGroup // executor calls still running
	closing bool
}

// inCallback is current's value while a callback (not a task) runs.
const inCallback = ^uint64(0)

// posting is one entry of the inbox: fn runs on the loop; if the loop
// finishes first, dropped (if set) runs instead, so that whoever waits
// for fn is told.
type posting struct {
	fn, dropped func()
}

// item is one entry in the ready queue: resume a task (co, at generation
// gen) or run a plain callback (fn).
type item struct {
	co  *Coro
	gen uint64
	fn  func()
}

type config struct {
	slow     time.Duration // 0: debug mode off
	log      io.Writer
	executor Executor
}

// Option configures a loop.
type Option func(*config)

// Debug turns on asyncio's debug mode: every step that holds the loop for
// threshold or longer is reported with its task's name and duration, and
// each await checks that it runs on the loop's own thread. That check
// costs a system call per await, which is why it is not always on;
// without it an await still refuses any caller but the running task (see
// Coro.check), and the operations that take no *Coro always check the
// thread (see Loop.owns).
func Debug(threshold time.Duration) Option {
	return func(c *config) { c.slow = threshold }
}

// Log sends the loop's warnings (slow steps, errors never retrieved, tasks
// cancelled at close) to w as well as to Warnings. The default is stderr.
func Log(w io.Writer) Option { return func(c *config) { c.log = w } }

// DefaultExecutor sets where ToThread runs its functions. A nil e makes
// ToThread fail with ErrNilExecutor.
func DefaultExecutor(e Executor) Option { return func(c *config) { c.executor = e } }

// New makes a loop. It does nothing until Run. Nil options are skipped.
func New(opts ...Option) *Loop {
	l := &Loop{cfg: config{log: os.Stderr, executor: GoroutineExecutor}}
	for _, o := range opts {
		if o != nil {
			o(&l.cfg)
		}
	}
	return l
}

// Run runs main as the loop's first task, on the calling goroutine locked
// to its OS thread, until main returns. Tasks still pending then are
// cancelled, run to their end and reported; executor calls are waited for.
// It returns main's result, like asyncio.run.
func Run[T any](l *Loop, main func(*Coro) (T, error)) (T, error) {
	var zero T
	if l == nil {
		return zero, ErrNilLoop
	}
	if main == nil {
		return zero, ErrNilFunc
	}
	if !l.state.CompareAndSwap(stateNew, stateRunning) {
		if l.state.Load() == stateRunning {
			return zero, ErrLoopRunning
		}
		return zero, ErrLoopClosed
	}
	// Every task is a coroutine started from this goroutine, and the
	// runtime keeps coroutines on the thread of the goroutine that
	// created them: locking it makes "one thread" literally true.
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	l.tid = threadID()
	l.mu.Lock()
	l.wake = make(chan struct{}, 1)
	l.mu.Unlock()
	l.start = time.Now()
	l.clock = time.NewTimer(time.Hour)
	l.clock.Stop()

	t := newTask(l, "main", main)
	for !t.done {
		l.runOnce()
	}
	t.retrieved = true // main's error goes to Run's caller
	l.shutdown()
	return t.val, t.err
}

// runOnce is one turn of the loop: collect what became ready (inbox,
// due timers), then run exactly the steps that were ready at that moment.
// Steps scheduled by those steps wait for the next turn, as in asyncio.
func (l *Loop) runOnce() {
	l.drainInbox()
	if len(l.ready) == 0 {
		l.waitForWork()
		l.drainInbox()
	}
	if len(l.timers) > 0 {
		l.fireTimers(l.now())
	}
	batch := l.ready
	l.ready = l.spare[:0]
	for i := range batch {
		l.run(batch[i])
		batch[i] = item{}
	}
	l.spare = batch[:0]
}

// waitForWork blocks the loop goroutine until the next timer is due or
// another goroutine posts to the inbox. Blocking on a timer and a channel
// is what lets a synctest bubble advance its clock past an idle loop.
func (l *Loop) waitForWork() {
	l.dropStaleTimers()
	if len(l.timers) == 0 {
		<-l.wake
		return
	}
	d := time.Duration(l.timers[0].when - l.now())
	if d <= 0 {
		return
	}
	l.clock.Reset(d)
	select {
	case <-l.wake:
	case <-l.clock.C:
	}
	l.clock.Stop()
}

func (l *Loop) run(it item) {
	if it.fn != nil {
		l.current.Store(inCallback)
		l.timed(nil, it.fn)
		l.current.Store(0)
		return
	}
	co := it.co
	if co.gen != it.gen || co.state == coDone || co.state == coRunning {
		return // a stale wake-up: the task was already resumed for this wait
	}
	co.gen++
	l.step(co)
}

// timed runs one step and, in debug mode, reports it if it held the loop
// too long: the loop cannot interrupt a step, only notice it afterwards.
func (l *Loop) timed(co *Coro, step func()) {
	if l.cfg.slow <= 0 {
		step()
		return
	}
	start := time.Now()
	step()
	if d := time.Since(start); d >= l.cfg.slow {
		what := "a callback"
		if co != nil {
			what = fmt.Sprintf("task %q", co.name)
		}
		l.warn(fmt.Sprintf("eventloop: %s held the loop for %v (threshold %v)", what, d, l.cfg.slow))
	}
}

func (l *Loop) schedule(co *Coro, gen uint64) {
	l.ready = append(l.ready, item{co: co, gen: gen})
}

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

// CallSoon schedules fn to run on the loop's next turn. Call it only from
// the loop's own goroutine (a task or a callback); other goroutines get
// ErrWrongGoroutine and use CallSoonThreadsafe. A panic in fn becomes one
// of the loop's Warnings, and the loop carries on.
func (l *Loop) CallSoon(fn func()) error {
	if l == nil {
		return ErrNilLoop
	}
	if fn == nil {
		return ErrNilFunc
	}
	if err := l.owns(); err != nil {
		return err
	}
	l.ready = append(l.ready, item{fn: l.guarded(fn)})
	return nil
}

// guarded wraps a user's callback so that a panic in it becomes one of
// the loop's warnings, with its stack, and the loop carries on: asyncio
// logs an exception in a callback the same way. A task's own panic goes
// to whoever awaits it (PanicError); a callback has nobody to go to.
func (l *Loop) guarded(fn func()) func() {
	return func() {
		defer func() {
			if r := recover(); r != nil {
				l.warn(fmt.Sprintf("eventloop: a callback panicked: %v\n%s", r, debug.Stack()))
			}
		}()
		fn()
	}
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
	return l.post(posting{fn: l.guarded(fn)})
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
		l.ready = append(l.ready, item{fn: p.fn})
	}
}

func (l *Loop) warn(msg string) {
	l.mu.Lock()
	l.warnings = append(l.warnings, msg)
	l.mu.Unlock()
	if l.cfg.log != nil {
		fmt.Fprintln(l.cfg.log, msg)
	}
}

// Warnings lists what the loop has reported so far, in order; after Run
// it is the whole list. Any goroutine may read it.
func (l *Loop) Warnings() []string {
	if l == nil {
		return nil
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]string(nil), l.warnings...)
}

// shutdown is asyncio.run's ending: cancel what is left, let it unwind,
// wait for executor calls, close the inbox (telling submitters whose
// tasks never started), report errors nobody retrieved, and release the
// parked coroutines so no goroutine outlives the loop. The state becomes
// closed last, so that a goroutine that sees it closed sees all of this.
func (l *Loop) shutdown() {
	l.closing = true
	for co := l.live.head; co != nil; co = co.next {
		l.warn(fmt.Sprintf("eventloop: task %q was still pending when the loop closed; cancelled", co.name))
		co.cancel()
	}
	for l.live.head != nil {
		l.runOnce()
	}
	l.calls.Wait()
	l.mu.Lock()
	l.shut = true
	left := l.inbox
	l.inbox = nil
	l.mu.Unlock()
	for _, p := range left {
		if p.dropped != nil {
			p.dropped()
		}
	}
	for _, f := range l.failed {
		if !f.retrieved {
			what := "future"
			if f.owner != nil {
				what = fmt.Sprintf("task %q", f.name)
			}
			l.warn(fmt.Sprintf("eventloop: %s: error was never retrieved: %v", what, f.err))
		}
	}
	for _, w := range l.idle {
		w.stop()
	}
	l.idle = nil
	l.timers = nil
	l.clock.Stop()
	l.state.Store(stateClosed)
}
