package schedtrace

import (
	"runtime"
	"sync"
	"sync/atomic"
	"time"

	"github.com/concurrency-atlas/atlas/internal/workload"
)

// roundsPerMs sizes the CPU-bound work once per process: how many rounds
// of workload.Spin take a millisecond of CPU time.
//
// Why CPU time and not workload.Calibrate's wall time: the tests need a
// worker's work to outlast the scheduler's time slice, whatever the load
// on the machine. Measured by the wall clock on a busy machine, Spin looks
// slow, the work comes out small, and the workers can finish inside one
// slice. A thread's CPU time does not count the time other processes take.
var roundsPerMs = sync.OnceValue(func() int {
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	for n := 1 << 16; n < 1<<40; n *= 2 {
		start, ok := threadCPUTime()
		if !ok {
			break
		}
		keep(workload.Spin(n))
		end, _ := threadCPUTime()
		if took := end - start; took >= 20*time.Millisecond {
			return max(1, int(float64(n)*float64(time.Millisecond)/float64(took)))
		}
	}
	return max(1, workload.Calibrate(time.Millisecond))
})

// Burn keeps the CPU busy for about d of CPU time with workload.Spin, a
// loop with no function calls. Scenarios use it for their CPU-bound work;
// the sizing is done before any trace starts, so it never shows in a
// picture.
func Burn(d time.Duration) {
	keep(workload.Spin(int(float64(roundsPerMs()) * float64(d) / float64(time.Millisecond))))
}

// sink keeps the compiler from dropping the results of Burn. It is an
// atomic, not a mutex, so that the workers never block on each other and
// the pictures show only what the scheduler did.
var sink atomic.Uint64

func keep(v uint64) { sink.Add(v) }
