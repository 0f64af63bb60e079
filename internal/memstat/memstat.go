// Package memstat is the one way Atlas counts the memory that waiting
// goroutines, threads and loop tasks hold, so that chapters and the
// cross-model benchmarks compare like with like.
//
// # What it counts
//
// PerUnit reads the live heap plus the goroutine stacks in use, once
// before n units of work are parked and once while they all wait, and
// divides the growth by n.
//
// # What it leaves out
//
// Only memory the Go runtime accounts for is counted. What the kernel
// keeps for each OS thread, and the pages a thread created through cgo
// touches on its C stack, are not, so for threads the figure is a lower
// bound. A worker process is measured by its resident set instead, in
// multiprocessing.
package memstat

import "runtime"

// InUse is the live heap plus the goroutine stacks in use: what grows when
// more units of work wait. Call runtime.GC before the "before" reading so
// that garbage and the stacks of goroutines already gone do not blur it.
func InUse() uint64 {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc + m.StackInuse
}

// PerUnit measures what each of n units holds: park must start n units and
// return once all are waiting; the reading is taken then. release, which
// park returns, lets them go.
func PerUnit(n int, park func(n int) (release func(), err error)) (float64, error) {
	runtime.GC()
	before := InUse()
	release, err := park(n)
	if err != nil {
		return 0, err
	}
	after := InUse()
	release()
	return float64(after-before) / float64(n), nil
}
