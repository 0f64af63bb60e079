// Claim A2: a coroutine suspends at an await point and resumes later. A
// task body is an ordinary Go function that pauses at each await, with
// its local variables intact, while the loop runs something else.
//
//	go test -run TestCoroutinePausesAtAwait -v ./eventloop/
//
// You will see the task's trace: it stops at its await, main runs while
// it is paused, and it resumes with the value and its local kept.
//
// Why iter.Pull and not a goroutine per task passing a baton: iter.Pull
// gives a coroutine, a goroutine that the runtime switches to directly,
// on the same OS thread, without the scheduler. Three things follow.
// Tasks really run on the loop's one locked thread (the runtime refuses to
// switch a locked thread's coroutine anywhere else), which is the asyncio
// picture exactly; a baton between ordinary goroutines would hop threads.
// A switch is a direct hand-off that skips the scheduler's run queue
// (BenchmarkSwitch measures it next to a channel ping-pong). And a parked
// coroutine is "durably blocked" for testing/synctest, so virtual time
// works. The cost is that a paused task keeps a goroutine stack: a Go
// coroutine is not a heap-allocated frame like a Python one. A waiting
// callback, the layer below tasks, keeps no stack at all (A10: bench's
// BenchmarkMemoryPerWaiter sets the two side by side).

package eventloop

import "iter"

type coState uint8

const (
	coNew coState = iota
	coRunning
	coSuspended
	coDone
)

// Coro is the running side of a task: the handle its body receives and
// passes to every await. It is valid only on the loop, only in its task.
type Coro struct {
	loop *Loop
	id   uint64 // the loop's number for this task, never 0
	gen  uint64 // counts resumptions; a wake-up for an old gen is stale
	w    *worker
	body taskBody     // runs the user's function and finishes the task
	done *futureState // the task's own future, which holds its name

	prev, next *Coro // in the loop's list of live tasks

	state     coState
	cancelReq bool
}

// taskBody is what a worker runs for a task: *Task[T], through an
// interface so that creating a task needs no closure.
type taskBody interface{ runBody() }

// Name is the task's name, as given to CreateTask ("main" for Run's).
func (co *Coro) Name() string {
	if co == nil || co.done == nil {
		return ""
	}
	return co.done.name
}

// Loop is the loop running this task (nil for a nil *Coro).
func (co *Coro) Loop() *Loop {
	if co == nil {
		return nil
	}
	return co.loop
}

// errKilled unwinds a coroutine whose loop stopped it while it was paused.
// Shutdown normally lets every task finish, so this is a safety net.
type killed struct{}

// worker is one iter.Pull coroutine. Workers are reused from task to task,
// so creating a task costs no new goroutine when one is parked idle.
type worker struct {
	next  func() (bool, bool)
	stop  func()
	yield func(bool) bool
	co    *Coro
}

func (l *Loop) newWorker() *worker {
	w := &worker{}
	w.next, w.stop = iter.Pull(func(yield func(bool) bool) {
		w.yield = yield
		for {
			w.co.body.runBody()
			w.co = nil
			// No room to park (a burst is ending) or no next task (the
			// loop is closing): end here, which costs one switch back
			// to the loop where parking and stopping later cost three.
			if len(l.idle) >= maxIdleWorkers || l.closing {
				return
			}
			// true: this task is finished; park until the next one.
			if !yield(true) {
				return
			}
		}
	})
	return w
}

const maxIdleWorkers = 256

func (l *Loop) getWorker() *worker {
	if n := len(l.idle); n > 0 {
		w := l.idle[n-1]
		l.idle = l.idle[:n-1]
		return w
	}
	return l.newWorker()
}

func (l *Loop) putWorker(w *worker) {
	if len(l.idle) < maxIdleWorkers {
		l.idle = append(l.idle, w)
		return
	}
	w.stop() // a burst is over; let its goroutine end
}

// step runs co until it pauses or finishes. It is the only place a task
// body ever runs, which is what makes the loop single-threaded.
func (l *Loop) step(co *Coro) {
	if co.state == coNew {
		if co.cancelReq {
			// Cancelled before it ever ran. Its done-callbacks run now, as
			// the loop's own step, so they may use the loop as any
			// callback may.
			l.current.Store(inCallback)
			co.finish(ErrCancelled)
			l.current.Store(0)
			return
		}
		co.w = l.getWorker()
		co.w.co = co
	}
	co.state = coRunning
	l.current.Store(co.id)
	var parked, ended bool
	l.timed(co, func() {
		fin, ok := co.w.next()
		parked, ended = fin && ok, !ok
	})
	l.current.Store(0)
	switch {
	case parked: // the task is finished and its worker waits for another
		l.putWorker(co.w)
		co.w = nil
	case ended: // the task is finished and its worker is gone
		co.w = nil
	}
}

// suspend pauses the calling task until something schedules it again.
// It returns ErrCancelled if the task was cancelled (before or while
// paused), and ErrLoopClosing instead of pausing once shutdown has begun.
func (co *Coro) suspend() error {
	if co.cancelReq || co.loop.closing {
		co.gen++ // void the wake-ups the caller registered for this wait
		if co.cancelReq {
			co.cancelReq = false
			return ErrCancelled
		}
		return ErrLoopClosing
	}
	co.state = coSuspended
	if !co.w.yield(false) {
		panic(killed{})
	}
	if co.cancelReq {
		co.cancelReq = false
		return ErrCancelled
	}
	return nil
}

// waiter registers co, in the wait it is about to enter, to be resumed.
func (co *Coro) waiter() waiter { return waiter{co: co, gen: co.gen} }

// check is the guard at the top of every await: the loop must be running
// and the caller must be the task that owns co. Go has no goroutine ids,
// so the cheap check is "is co the task whose step is running": another
// goroutine holding co gets ErrNotThisTask whenever co's task is paused,
// which is whenever that goroutine could otherwise hang or corrupt it
// unseen. In debug mode the loop also compares OS thread ids, which
// catches a goroutine that calls while the task itself is running (and
// racing it). That is exact, because a locked thread runs nothing but its
// own goroutine and its coroutines, but it costs a gettid system call,
// about half a task switch, on every await.
func (co *Coro) check() error {
	if co == nil || co.loop == nil || co.loop.state.Load() != stateRunning {
		return ErrOutsideLoop
	}
	if co.loop.current.Load() != co.id {
		return ErrNotThisTask
	}
	if co.loop.cfg.slow > 0 && threadID() != co.loop.tid {
		return ErrNotThisTask
	}
	return nil
}

// cancel asks co to stop: the request arrives as ErrCancelled at its
// current or next await. The await that receives it cancels in turn what
// it was waiting for.
func (co *Coro) cancel() {
	co.cancelReq = true
	if co.state == coSuspended {
		co.loop.schedule(co, co.gen)
	}
}

func (co *Coro) finish(err error) {
	co.state = coDone
	co.loop.live.remove(co)
	co.done.complete(err)
}

type coroList struct {
	head, tail *Coro
	n          int
}

func (q *coroList) push(co *Coro) {
	q.n++
	co.prev = q.tail
	if q.tail != nil {
		q.tail.next = co
	} else {
		q.head = co
	}
	q.tail = co
}

func (q *coroList) remove(co *Coro) {
	q.n--
	if co.prev != nil {
		co.prev.next = co.next
	} else if q.head == co {
		q.head = co.next
	}
	if co.next != nil {
		co.next.prev = co.prev
	} else if q.tail == co {
		q.tail = co.prev
	}
	co.prev, co.next = nil, nil
}
