// Claim T8: the scheduler preempts; nothing has to cooperate. Since Go
// 1.14 a loop with no function calls is interrupted by a signal
// (asynchronous preemption), so even at GOMAXPROCS=1 it cannot starve the
// other goroutines.
//
//	go test -race -run 'Preempt|Starve|Gosched' -v ./threading/
//	GOMAXPROCS=1 GODEBUG=asyncpreemptoff=1 go run ./testdata/programs/tightloop
//
// You will see testdata/programs/tightloop, which spins SpinUntil's loop
// while main waits, run at GOMAXPROCS=1 and print "spinning", "main ran
// while the loop spun" and "loop stopped"; with GODEBUG=asyncpreemptoff=1
// it prints "spinning" and nothing more until the harness kills it at its
// deadline (the go run line above hangs the same way: stop it with
// Ctrl-C). SpinYielding, which calls runtime.Gosched each round, prints
// all three lines even with asynchronous preemption off.
//
// The program is built without the race detector, and that matters: in a
// -race build the atomic load in the loop is a real function call, and
// every call is a point where a goroutine can be preempted cooperatively.
// The same loop inside the race-built test binary therefore does not
// starve anything even with asynchronous preemption off, as
// TestRaceBuildGivesTheTightLoopAPreemptionPoint shows.

package threading

import (
	"runtime"
	"sync/atomic"
)

// SpinUntil burns the CPU until stop is set. In a normal build the atomic
// load compiles to one plain load, so the loop calls no function and
// offers no point at which to give up the CPU: only an asynchronous
// preemption can take it off.
func SpinUntil(stop *atomic.Bool) uint64 {
	x := uint64(1)
	for !stop.Load() {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
	}
	return x
}

// SpinYielding is SpinUntil that cooperates: runtime.Gosched each round
// hands the CPU to any goroutine that is waiting for it.
func SpinYielding(stop *atomic.Bool) uint64 {
	x := uint64(1)
	for !stop.Load() {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		runtime.Gosched()
	}
	return x
}
