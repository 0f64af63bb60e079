package workload

import "time"

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
	n := 1 << 14
	for {
		start := time.Now()
		Spin(n)
		took := time.Since(start)
		if took >= 20*time.Millisecond || n >= 1<<40 {
			return int(float64(n) * float64(d) / float64(took))
		}
		n *= 2
	}
}
