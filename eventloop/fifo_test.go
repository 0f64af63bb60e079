// Claim: the loop's queues keep their order however large a burst. The
// ready queue's chunks and the timers' lanes and heap hand entries back
// in the order they are owed: first in, first out for the ready queue,
// deadline then order of setting for the timers, and a sweep of cancelled
// handles keeps the timers small.
//
//	go test -run 'TestFIFO|TestTimersComeOut|TestCancelledHandles' -v ./eventloop/
//
// You will see 1,000 entries go through the FIFO in 128-entry chunks and
// the last 251 come out in order after a filter; 2,000 timers of 12
// durations come out in deadline order, some through the 4 lanes and the
// rest through the heap; and the timers never pass 65 entries while 1,000
// handles are set and cancelled.

package eventloop

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestFIFOKeepsOrderAcrossChunks(t *testing.T) {
	var q fifo[int]
	var want []int
	next := 0
	// Rounds of pushes and pops of different sizes, so that reads and
	// writes cross chunk boundaries at different points.
	for round, size := range []int{1, 127, 128, 129, 300, 5, 310} {
		for range size {
			q.push(next)
			want = append(want, next)
			next++
		}
		for range size / 2 {
			require.Equal(t, want[0], *q.front())
			require.Equal(t, want[0], q.pop())
			want = want[1:]
		}
		require.Equal(t, len(want), q.len(), "round %d", round)
	}
	q.filter(func(v *int) bool { return *v%2 == 0 })
	want = slices.DeleteFunc(want, func(v int) bool { return v%2 != 0 })
	var got []int
	for q.len() > 0 {
		got = append(got, q.pop())
	}
	assert.Equal(t, want, got)
	t.Logf("%d entries went through the FIFO in %d-entry chunks; the last %d came out in order after a filter", next, chunkLen, len(got))
	q.push(1)
	assert.Equal(t, 1, q.pop(), "an emptied queue takes entries again")
}

func TestTimersComeOutInDeadlineOrder(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	var ts timers
	co := &Coro{state: coSuspended}
	var now int64
	for seq := range uint64(2000) {
		now += rng.Int64N(3) // the clock moves on, or stands still
		d := rng.Int64N(12) * int64(time.Millisecond)
		ts.push(timer{when: now + d, seq: seq, co: co}, d)
	}
	inLanes := ts.n - len(ts.heap)
	var got []timer
	for {
		first, src := ts.first()
		if first == nil {
			break
		}
		got = append(got, ts.pop(src))
	}
	require.Len(t, got, 2000)
	assert.Zero(t, ts.len())
	assert.True(t, slices.IsSortedFunc(got, func(a, b timer) int {
		return cmp.Or(cmp.Compare(a.when, b.when), cmp.Compare(a.seq, b.seq))
	}), "timers out of deadline order, or equal deadlines out of the order they were set")
	assert.Positive(t, inLanes, "some timers went to a lane")
	t.Logf("2,000 timers of 12 durations: %d through 4 lanes, %d through the heap, all in order", inLanes, 2000-inLanes)
}

func TestCancelledHandlesAreSweptFromTheTimers(t *testing.T) {
	l := New()
	longest, err := Run(l, func(co *Coro) (int, error) {
		longest := 0
		for i := range 1000 {
			// Durations of their own, so that lanes and heap both fill.
			h, err := l.CallLater(time.Hour+time.Duration(i%7), func() {})
			if err != nil {
				return 0, err
			}
			if err := h.Cancel(); err != nil {
				return 0, err
			}
			longest = max(longest, l.timers.len())
		}
		return longest, nil
	})
	require.NoError(t, err)
	// No handle is pending, so the sweep keeps the timers to its
	// threshold (64 entries) plus the one just set.
	assert.LessOrEqual(t, longest, 65)
	t.Logf("the timers held at most %d entries across 1,000 cancelled handles", longest)
}
