// Command tightloop is the T8 scene as a plain program: a goroutine spins
// in a loop with no function calls while main waits for the CPU. Run it at
// GOMAXPROCS=1: by default the spinner is preempted asynchronously and
// main stops it; with GODEBUG=asyncpreemptoff=1 main never runs again.
// threading.TestTightLoopIsPreempted and
// threading.TestTightLoopStarvesWithoutAsyncPreemption build and run it
// without the race detector, under which the loop would not be tight.
package main

import (
	"fmt"
	"sync/atomic"
)

// spinUntil mirrors threading.SpinUntil; importing the threading package
// would pull net/http into this program. A test checks the two bodies are
// the same.
func spinUntil(stop *atomic.Bool) uint64 {
	x := uint64(1)
	for !stop.Load() {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
	}
	return x
}

func main() {
	var stop atomic.Bool
	spinning := make(chan struct{})
	done := make(chan uint64)
	go func() {
		fmt.Println("spinning")
		close(spinning)
		done <- spinUntil(&stop)
	}()
	// On one P, main gets past here only once the spinner is taken off it,
	// and only main can stop the spinner.
	<-spinning
	fmt.Println("main ran while the loop spun")
	stop.Store(true)
	<-done
	fmt.Println("loop stopped")
}
