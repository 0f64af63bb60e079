// Claim A3: awaiting one wait after another takes their sum. A sleeping
// task costs no goroutine and no runtime timer: it is an entry in the
// loop's own timers, the same ones CallLater uses, and the loop goroutine
// waits for the earliest, as asyncio's loop does. Inside a synctest
// bubble that one wait is in virtual time, so the chapter's timings are
// exact. A deadline already past is due at once, never "never".
//
//	go test -run 'TestAwaitInSequence|TestWaitForAPast' -v ./eventloop/
//
// You will see three 1 s waits end at 1s, 2s and 3s, and WaitFor with a
// zero, negative or long-past timeout give up 0s after it was called.

package eventloop

import (
	"math"
	"time"
)

// timer is one deadline on the loop: wake co if it is still in wait gen,
// or, for a callback's timer (co nil), run h's callback if h is still
// pending. A timer is never taken out early. When its wait ends some other
// way (a cancelled task, WaitFor's future first, a cancelled handle), the
// timer is simply stale, as a cancelled handle is in asyncio's heap. That
// keeps entries plain values, with no back-pointers to keep up to date.
type timer struct {
	when int64  // monotonic nanoseconds since the loop started
	seq  uint64 // equal deadlines fire in the order they were set
	co   *Coro
	gen  uint64
	h    *TimerHandle
}

func (t *timer) stale() bool {
	if t.h != nil {
		return t.h.state != handlePending
	}
	return t.co.gen != t.gen || t.co.state != coSuspended
}

func (t *timer) before(u *timer) bool {
	if t.when == u.when {
		return t.seq < u.seq
	}
	return t.when < u.when
}

// timers holds every deadline on the loop. Deadlines set for the same
// duration come in the order they fall due, since the clock only moves
// forward: such a run goes into a lane, a FIFO where adding and taking
// cost the same whatever its length. That is the batching of timers that
// fall due together: 100,000 tasks that sleep 100 ms fill one lane. Any
// other deadline goes into a binary heap.
type timers struct {
	heap  timerHeap
	lanes [4]lane
	n     int // entries in the heap and the lanes, stale ones included
}

// lane is a run of deadlines set for one duration d, in order.
type lane struct {
	d, last int64 // the duration, and the latest deadline pushed
	q       fifo[timer]
}

func (ts *timers) len() int { return ts.n }

// push adds t, set d from now: to the lane for d if t keeps its order, to
// an empty lane, or else to the heap.
func (ts *timers) push(t timer, d int64) {
	ts.n++
	if d > 0 {
		free := -1
		for i := range ts.lanes {
			ln := &ts.lanes[i]
			switch {
			case ln.q.len() == 0:
				if free < 0 {
					free = i
				}
			case ln.d == d && t.when >= ln.last:
				ln.q.push(t)
				ln.last = t.when
				return
			}
		}
		if free >= 0 {
			ln := &ts.lanes[free]
			ln.d, ln.last = d, t.when
			ln.q.push(t)
			return
		}
	}
	ts.heap.push(t)
}

// first is the earliest timer, nil if there is none, and where it is:
// the heap (src -1) or a lane.
func (ts *timers) first() (t *timer, src int) {
	src = -1
	if len(ts.heap) > 0 {
		t = &ts.heap[0]
	}
	for i := range ts.lanes {
		if q := &ts.lanes[i].q; q.len() > 0 {
			if f := q.front(); t == nil || f.before(t) {
				t, src = f, i
			}
		}
	}
	return t, src
}

// pop takes out the timer first found at src.
func (ts *timers) pop(src int) timer {
	ts.n--
	if src < 0 {
		return ts.heap.pop()
	}
	return ts.lanes[src].q.pop()
}

// release drops every timer and gives the lanes' chunks back.
func (ts *timers) release() {
	ts.heap, ts.n = nil, 0
	for i := range ts.lanes {
		ts.lanes[i].q.release()
	}
}

// sweep drops every stale timer.
func (ts *timers) sweep() {
	keep := func(t *timer) bool { return !t.stale() }
	live := ts.heap[:0]
	for _, t := range ts.heap {
		if keep(&t) {
			live = append(live, t)
		}
	}
	clear(ts.heap[len(live):])
	ts.heap = live
	for i := len(live)/2 - 1; i >= 0; i-- {
		ts.heap.down(i)
	}
	ts.n = len(live)
	for i := range ts.lanes {
		ts.lanes[i].q.filter(keep)
		ts.n += ts.lanes[i].q.len()
	}
}

// timerHeap is a binary min-heap, written out rather than through
// container/heap, whose interface calls showed in BenchmarkManySleepers'
// profile. Keys are inline integers so that sifting reads only the slice.
type timerHeap []timer

func (h timerHeap) less(i, j int) bool { return h[i].before(&h[j]) }

func (h timerHeap) up(i int) {
	for i > 0 {
		parent := (i - 1) / 2
		if !h.less(i, parent) {
			return
		}
		h[i], h[parent] = h[parent], h[i]
		i = parent
	}
}

func (h timerHeap) down(i int) {
	for {
		least := i
		for _, child := range [2]int{2*i + 1, 2*i + 2} {
			if child < len(h) && h.less(child, least) {
				least = child
			}
		}
		if least == i {
			return
		}
		h[i], h[least] = h[least], h[i]
		i = least
	}
}

func (h *timerHeap) push(t timer) {
	*h = append(*h, t)
	h.up(len(*h) - 1)
}

func (h *timerHeap) pop() timer {
	old := *h
	t := old[0]
	last := len(old) - 1
	old[0] = old[last]
	old[last] = timer{} // drop the pointers for the GC
	*h = old[:last]
	h.down(0)
	return t
}

// deadline is the loop's clock d from now. A d of zero or less is due
// now: a negative d must not be added, since a sum below zero would read
// as the overflow of a huge one.
func (l *Loop) deadline(d time.Duration) int64 {
	when := l.now()
	if d > 0 {
		when += int64(d)
		if when < 0 {
			when = math.MaxInt64 // d so long that the sum overflowed: never
		}
	}
	return when
}

// addTimer wakes co (in its current wait) after d; a d of zero or less
// fires at the next turn.
func (l *Loop) addTimer(d time.Duration, co *Coro) {
	l.pushTimer(timer{when: l.deadline(d), co: co, gen: co.gen}, int64(d))
}

func (l *Loop) pushTimer(t timer, d int64) {
	l.timerSeq++
	t.seq = l.timerSeq
	l.timers.push(t, d)
	// Each task waits for at most one deadline and each handle is one,
	// so a queue more than twice their number is mostly stale: sweep it,
	// as asyncio does when cancelled handles pile up.
	if n := l.timers.len(); n > 64 && n > 2*(l.live.n+l.handles) {
		l.timers.sweep()
	}
}

// dropStaleTimers takes stale timers off the front, so the loop never
// waits for a deadline nobody is waiting for.
func (l *Loop) dropStaleTimers() {
	for {
		t, src := l.timers.first()
		if t == nil || !t.stale() {
			return
		}
		l.timers.pop(src)
	}
}

// now is the loop's clock: time since Run began, on the monotonic clock
// (or the bubble's fake one under testing/synctest).
func (l *Loop) now() int64 { return int64(time.Since(l.start)) }

// fireTimers moves every timer that is due to the ready queue, in the
// order of their deadlines.
func (l *Loop) fireTimers(now int64) {
	for {
		t, src := l.timers.first()
		if t == nil || t.when > now {
			return
		}
		switch t := l.timers.pop(src); {
		case t.stale():
		case t.h != nil:
			t.h.state = handleDue
			l.ready.push(item{h: t.h})
		default:
			l.schedule(t.co, t.gen)
		}
	}
}

// Sleep pauses the task for d while the loop runs the others. A d of zero
// or less still yields once, like asyncio.sleep(0).
func (co *Coro) Sleep(d time.Duration) error {
	if err := co.check(); err != nil {
		return err
	}
	if d <= 0 {
		// A bare yield: back of the ready queue, no timer needed.
		co.loop.schedule(co, co.gen)
		return co.suspend()
	}
	co.loop.addTimer(d, co)
	return co.suspend() // on error the timer is left behind, stale
}
