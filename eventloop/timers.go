// Sleeping costs no goroutine and no runtime timer: a sleeping task is an
// entry in the loop's own timer heap, and the loop goroutine waits for the
// earliest one, as asyncio's loop does. Inside a synctest bubble that one
// wait is in virtual time, so the chapter's timing tests are exact.
// Run: go test -run TestAwaitInSequence -v ./eventloop/
package eventloop

import (
	"container/heap"
	"time"
)

type timer struct {
	when  time.Time
	seq   uint64 // equal deadlines fire in the order they were set
	index int
	co    *Coro // the task to wake, if it is still in wait gen
	gen   uint64
}

type timerHeap []*timer

func (h timerHeap) Len() int { return len(h) }
func (h timerHeap) Less(i, j int) bool {
	if h[i].when.Equal(h[j].when) {
		return h[i].seq < h[j].seq
	}
	return h[i].when.Before(h[j].when)
}
func (h timerHeap) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].index, h[j].index = i, j
}
func (h *timerHeap) Push(x any) {
	t := x.(*timer)
	t.index = len(*h)
	*h = append(*h, t)
}
func (h *timerHeap) Pop() any {
	old := *h
	t := old[len(old)-1]
	old[len(old)-1] = nil
	*h = old[:len(old)-1]
	t.index = -1
	return t
}

// addTimer wakes co (in its current wait) after d.
func (l *Loop) addTimer(d time.Duration, co *Coro) *timer {
	l.timerSeq++
	t := &timer{when: time.Now().Add(d), seq: l.timerSeq, co: co, gen: co.gen}
	heap.Push(&l.timers, t)
	return t
}

func (l *Loop) removeTimer(t *timer) {
	if t.index >= 0 {
		heap.Remove(&l.timers, t.index)
	}
}

// fireTimers moves every timer that is due to the ready queue.
func (l *Loop) fireTimers(now time.Time) {
	for len(l.timers) > 0 && !l.timers[0].when.After(now) {
		t := heap.Pop(&l.timers).(*timer)
		l.schedule(t.co, t.gen)
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
	t := co.loop.addTimer(d, co)
	if err := co.suspend(); err != nil {
		co.loop.removeTimer(t)
		return err
	}
	return nil
}
