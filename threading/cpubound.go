// Claims F1, F8 and T2: CPU-bound work split over goroutines runs in
// parallel, as far as there are cores; there is no global lock that lets
// only one goroutine compute at a time.
//
//	go test -run '^$' -bench 'CPUBound/model=(serial|goroutines)$' -cpu 1,2,4 ./bench/
//
// FibSerial and FibGoroutines below are what that cross-model benchmark
// times as model=serial and model=goroutines. You will see model=goroutines
// report a speedup of about 1x over model=serial at -cpu 1 (GOMAXPROCS=1 is the nearest Go gets to an interpreter lock:
// the tasks take turns), close to 2x at -cpu 2, and no more at -cpu 4
// on a 2-core machine: parallelism needs cores, and the curve flattens
// where they run out.

package threading

import (
	"sync"

	"github.com/concurrency-atlas/atlas/internal/workload"
)

// FibSerial computes workload.Fib(n) for each n, one after the other.
func FibSerial(ns []int) []int {
	out := make([]int, len(ns))
	for i, n := range ns {
		out[i] = workload.Fib(n)
	}
	return out
}

// FibGoroutines computes each workload.Fib(n) in a goroutine of its own;
// each writes only its own slot of the result.
func FibGoroutines(ns []int) []int {
	out := make([]int, len(ns))
	var wg sync.WaitGroup
	for i, n := range ns {
		wg.Go(func() { out[i] = workload.Fib(n) })
	}
	wg.Wait()
	return out
}
