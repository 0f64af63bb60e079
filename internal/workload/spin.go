package workload

import (
	"sync/atomic"
	"time"
)

// Spin burns the CPU for n rounds of a cheap arithmetic loop and returns a
// value that depends on every round, so the compiler cannot drop the loop.
// The loop makes no function calls: it is also the "tight loop" that only
// asynchronous preemption can interrupt.
func Spin(n int) uint64 {
	x := uint64(n) | 1
	for i := 0; i < n; i++ {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
	}
	return x
}

// Calibrate returns a round count for which Spin takes about d on this
// machine. It is for sizing benchmarks and demonstrations, never for
// asserting a time in a test.
func Calibrate(d time.Duration) int {
	return calibrate(d, func(n int) time.Duration {
		start := time.Now()
		// The result must be kept: Spin has no side effects, so a call
		// whose value is dropped may be inlined and removed, and the
		// round count would be sized against an empty loop.
		spinSink.Add(Spin(n))
		return time.Since(start)
	})
}

// spinSink keeps Calibrate's Spin results alive.
var spinSink atomic.Uint64

// calibrate doubles n until one measured Spin(n) takes at least 20 ms, a
// span long enough for the clock's resolution and a scheduler hiccup not
// to matter, then scales n to d.
func calibrate(d time.Duration, measure func(n int) time.Duration) int {
	n := 1 << 14
	for {
		took := measure(n)
		if took >= 20*time.Millisecond || n >= 1<<40 {
			return max(1, int(float64(n)*float64(d)/float64(max(took, 1))))
		}
		n *= 2
	}
}
