// Claim A1: one thread runs many tasks through an event loop. A loop is
// one goroutine, locked to one OS thread, that runs a queue of ready
// steps and callbacks, a set of timers and an inbox other goroutines may
// post to; nothing else ever runs a task.
//
//	go test -run TestEveryTaskRunsOnTheLoopThread -v -cpu 1,4 ./eventloop/
//
// You will see, at one P and at four, 50 tasks of 20 steps each log that
// all 1,000 steps ran on one OS thread, the loop's, and never two at once.

package eventloop

import (
	"io"
	"os"
	"runtime"
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

	ready    fifo[item] // steps and callbacks to run, in order
	timers   timers
	timerSeq uint64
	handles  int         // callbacks' timers not yet run or cancelled
	start    time.Time   // the zero of the timers' clock
	clock    *time.Timer // fires when the first timer is due

	mu       sync.Mutex // guards inbox, shut, wake and warnings: the cross-goroutine state
	inbox    []posting
	shut     bool        // the inbox takes nothing more: the loop has finished
	posted   atomic.Bool // inbox may be non-empty: lets a turn skip the lock
	wake     chan struct{}
	warnings []string

	live     coroList       // tasks not yet finished, in creation order
	failed   []*futureState // finished with an error, checked for retrieval at close
	idle     []*worker      // parked coroutines ready for the next task
	calls    sync.WaitGroup // calls off the loop (ToThread, RunInExecutor) still running
	toThread slots          // ToThread's turns; nil: no limit (see ToThreadLimit)
	closing  bool
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
// gen), run a timer's callback if its handle h was not cancelled since it
// fell due, or run a plain callback (fn).
type item struct {
	co  *Coro
	gen uint64
	h   *TimerHandle
	fn  func()
}

type config struct {
	slow     time.Duration // 0: debug mode off
	log      io.Writer
	toThread int   // ToThreadLimit's n; 0: no limit
	err      error // an option's bad value: Run refuses to run
}

// Option configures a loop.
type Option func(*config)

// New makes a loop. It does nothing until Run. Nil options are skipped.
func New(opts ...Option) *Loop {
	l := &Loop{cfg: config{log: os.Stderr}}
	l.ready.pool = &itemChunks
	for i := range l.timers.lanes {
		l.timers.lanes[i].q.pool = &timerChunks
	}
	for _, o := range opts {
		if o != nil {
			o(&l.cfg)
		}
	}
	if l.cfg.toThread > 0 {
		l.toThread = make(slots, l.cfg.toThread)
	}
	return l
}

// Run runs main as the loop's first task, on the calling goroutine locked
// to its OS thread, until main returns. Tasks still pending then are
// cancelled, run to their end and reported, and calls off the loop are
// waited for (see shutdown.go). It returns main's result, like asyncio.run.
// A loop made with a bad option (ToThreadLimit(0), say) does not run: Run
// returns the option's error and the loop stays unused.
func Run[T any](l *Loop, main func(*Coro) (T, error)) (T, error) {
	var zero T
	if l == nil {
		return zero, ErrNilLoop
	}
	if main == nil {
		return zero, ErrNilFunc
	}
	if l.cfg.err != nil {
		return zero, l.cfg.err
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
	if l.ready.len() == 0 {
		l.waitForWork()
		l.drainInbox()
	}
	if l.timers.len() > 0 {
		l.fireTimers(l.now())
	}
	for n := l.ready.len(); n > 0; n-- {
		l.run(l.ready.pop())
	}
}

// waitForWork blocks the loop goroutine until the next timer is due or
// another goroutine posts to the inbox. Blocking on a timer and a channel
// is what lets a synctest bubble advance its clock past an idle loop.
func (l *Loop) waitForWork() {
	l.dropStaleTimers()
	t, _ := l.timers.first()
	if t == nil {
		<-l.wake
		return
	}
	d := time.Duration(t.when - l.now())
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
	switch {
	case it.h != nil:
		if it.h.state != handleDue {
			return // cancelled after it fell due
		}
		fn := it.h.fn
		it.h.state, it.h.fn = handleRan, nil // the handle may outlive fn's captures
		l.handles--
		l.callback(fn)
		return
	case it.co == nil:
		l.callback(it.fn)
		return
	}
	co := it.co
	if co.gen != it.gen || co.state == coDone || co.state == coRunning {
		return // a stale wake-up: the task was already resumed for this wait
	}
	co.gen++
	l.step(co)
}

// schedule puts co's resumption, for wait gen, at the back of the ready
// queue.
func (l *Loop) schedule(co *Coro, gen uint64) {
	l.ready.push(item{co: co, gen: gen})
}
