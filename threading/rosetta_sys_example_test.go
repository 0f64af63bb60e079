// Claim: Python's interpreter lock and its switch interval have no Go
// counterpart to set: goroutines run in parallel, and the scheduler
// preempts them by itself. GOMAXPROCS and runtime.Gosched are the nearest
// knobs; ROSETTA.md at the module root lists the rows these Examples
// prove.
//
//	go test -run 'Example_sys' -v ./threading/
//
// You will see each Example pass, what it printed checked line by line
// against its Output comment.

package threading_test

import (
	"fmt"
	"runtime"
	"slices"
	"sync/atomic"

	"github.com/concurrency-atlas/atlas/threading"
)

// The GIL: Go has none; goroutines run Go code in parallel on up to
// GOMAXPROCS threads (T2). runtime.GOMAXPROCS(1) is the nearest thing to
// the GIL, and like it, it is no lock for your data: it only limits how
// many goroutines run at once. The answers are the same either way.
func Example_sysGIL() {
	fmt.Println("GOMAXPROCS is at least 1:", runtime.GOMAXPROCS(0) >= 1)
	parallel := threading.FibGoroutines([]int{20, 21, 22})
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	fmt.Println(slices.Equal(parallel, threading.FibGoroutines([]int{20, 21, 22})), parallel)
	// Output:
	// GOMAXPROCS is at least 1: true
	// true [6765 10946 17711]
}

// sys.setswitchinterval(interval): there is no such knob. The scheduler
// preempts a goroutine that runs too long by itself (T8); runtime.Gosched
// yields on purpose. Here a loop on one P yields each round, so the
// goroutine it waits for gets to run.
func Example_sysSetswitchinterval() {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	var flag atomic.Bool
	go flag.Store(true)
	for !flag.Load() {
		runtime.Gosched()
	}
	fmt.Println("the other goroutine ran:", flag.Load())
	// Output: the other goroutine ran: true
}
