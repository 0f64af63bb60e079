// Claim A3: awaiting one wait after another takes their sum. A sleeping
// task costs no goroutine and no runtime timer: it is an entry in the
// loop's own timer heap, and the loop goroutine waits for the earliest
// one, as asyncio's loop does. Inside a synctest bubble that one wait is
// in virtual time, so the chapter's timings are exact. A deadline already
// past is due at once, never "never".
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

// timer is one deadline in the loop's heap: wake co if it is still in
// wait gen. A timer is never taken out early. When its task's wait ends
// some other way (cancelled, or WaitFor's future finished first), the
// task's gen moves on and the timer is simply stale, as a cancelled
// handle is in asyncio's heap. That keeps entries plain values, with no
// back-pointers to keep up to date on every swap.
type timer struct {
	when int64  // monotonic nanoseconds since the loop started
	seq  uint64 // equal deadlines fire in the order they were set
	co   *Coro
	gen  uint64
}

func (t *timer) stale() bool { return t.co.gen != t.gen || t.co.state != coSuspended }

// timerHeap is a binary min-heap, written out rather than through
// container/heap, whose interface calls showed in BenchmarkManySleepers'
// profile. Keys are inline integers so that sifting reads only the slice.
type timerHeap []timer

func (h timerHeap) less(i, j int) bool {
	if h[i].when == h[j].when {
		return h[i].seq < h[j].seq
	}
	return h[i].when < h[j].when
}

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
	old[last] = timer{} // drop the *Coro for the GC
	*h = old[:last]
	h.down(0)
	return t
}

// addTimer wakes co (in its current wait) after d. A d of zero or less is
// due now, and fires at the next turn: a negative d must not be added,
// since a sum below zero would read as the overflow of a huge one.
func (l *Loop) addTimer(d time.Duration, co *Coro) {
	when := l.now()
	if d > 0 {
		when += int64(d)
		if when < 0 {
			when = math.MaxInt64 // d so long that the sum overflowed: never
		}
	}
	l.timerSeq++
	l.timers.push(timer{when: when, seq: l.timerSeq, co: co, gen: co.gen})
	// Each task waits for at most one deadline, so a heap more than twice
	// the number of live tasks is mostly stale: sweep it, as asyncio does
	// when cancelled handles pile up.
	if len(l.timers) > 64 && len(l.timers) > 2*l.live.n {
		l.sweepTimers()
	}
}

func (l *Loop) sweepTimers() {
	live := l.timers[:0]
	for _, t := range l.timers {
		if !t.stale() {
			live = append(live, t)
		}
	}
	clear(l.timers[len(live):])
	l.timers = live
	for i := len(live)/2 - 1; i >= 0; i-- {
		l.timers.down(i)
	}
}

// dropStaleTimers pops stale timers off the top, so the loop never waits
// for a deadline nobody is waiting for.
func (l *Loop) dropStaleTimers() {
	for len(l.timers) > 0 && l.timers[0].stale() {
		l.timers.pop()
	}
}

// now is the loop's clock: time since Run began, on the monotonic clock
// (or the bubble's fake one under testing/synctest).
func (l *Loop) now() int64 { return int64(time.Since(l.start)) }

// fireTimers moves every timer that is due to the ready queue.
func (l *Loop) fireTimers(now int64) {
	for len(l.timers) > 0 && l.timers[0].when <= now {
		if t := l.timers.pop(); !t.stale() {
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
